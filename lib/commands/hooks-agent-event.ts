import { resolve } from 'node:path';
import { hooksText as t } from '../cli/hooks-text.js';
import type { Io } from '../cli/io.js';
import { appendIndexLines, readIndex } from '../sessions/index-file.js';
import { normaliseId } from '../sessions/session.js';
import { git } from './hooks-git.js';
import { sessionEnd, sessionStart, sessionTouch } from './session.js';
import { sessionIndexPath } from './workspace.js';

/**
 * `lore hooks agent-event`, what lore's Claude Code hooks run: reads the event Claude Code
 * pipes in (JSON with session_id, cwd, hook_event_name, and for an edit tool_input) and
 * appends the matching `lore session start|touch|end` line to the index.
 */

const TOOL = 'claude-code';

interface Event {
  event: string;
  id: string;
  cwd: string;
  /** The edited file, for PostToolUse. */
  file?: string;
}

function parseEvent(input: string): Event {
  let payload: unknown;
  try {
    payload = JSON.parse(input);
  } catch {
    throw new Error(input.trim() === '' ? 'no JSON on standard input' : 'standard input is not valid JSON');
  }
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const event = str(p.hook_event_name);
  const id = str(p.session_id);
  if (!event || !id) throw new Error('the event has no hook_event_name or session_id');
  const tool = (typeof p.tool_input === 'object' && p.tool_input !== null ? p.tool_input : {}) as Record<string, unknown>;
  return { event, id, cwd: resolve(str(p.cwd) ?? process.cwd()), file: str(tool.file_path) ?? str(tool.notebook_path) };
}

/**
 * SessionStart also comes after a resume or a compaction, for a session the index knows:
 * it is active again (and may be on another branch), but it started when it first did.
 */
async function start(e: Event, indexPath: string, io: Io): Promise<void> {
  const branch = git(e.cwd, ['symbolic-ref', '-q', '--short', 'HEAD']) ?? undefined;
  const id = normaliseId(e.id);
  const known = readIndex(indexPath, () => {}, (other) => other === id).sessions.get(id);
  if (known?.startedAt !== undefined) {
    appendIndexLines(indexPath, [{ id: normaliseId(e.id), tool: TOOL, cwd: e.cwd, branch, endedAt: null, files: [], seenAt: Date.now() }]);
    return;
  }
  // Claude Code adds a SessionStart hook's output to the model's context: the id stays out of it.
  // `files: []`: lore's hooks see every edit, so until the first one the session edited nothing,
  // which is evidence at commit time, not the unknown of a session without file data.
  await sessionStart({ indexPath, id: e.id, tool: TOOL, cwd: e.cwd, branch, files: [] }, { ...io, out: () => {} });
}

async function record(e: Event, io: Io): Promise<void> {
  const sessionIndex = await sessionIndexPath(e.cwd);
  switch (e.event) {
    case 'SessionStart':
      return start(e, sessionIndex, io);
    case 'PostToolUse':
      // An edit without a file path (another tool the user matched) has nothing to record.
      return e.file === undefined ? undefined : sessionTouch({ indexPath: sessionIndex, id: e.id, files: [e.file], cwd: e.cwd }, io);
    case 'SessionEnd':
      return sessionEnd({ indexPath: sessionIndex, id: e.id }, io);
    default:
      throw new Error(`lore does not record ${e.event} events`);
  }
}

/** Never fails Claude Code: whatever goes wrong costs one line on standard error, and exit 0. */
export async function recordAgentEvent(input: string, io: Io): Promise<void> {
  try {
    await record(parseEvent(input), io);
  } catch (e) {
    io.err(t.agentEventFailed(e instanceof Error ? e.message : String(e)));
  }
}

import { basename, dirname, join } from 'node:path';
import { findLogFiles } from './find-logs.js';
import type { LinesImporter, LogFile } from './importer.js';
import { addFile, asRecord, cloneProgress, eachObject, newProgress, promptTitle, seeTime, type LogProgress, type ReadResult } from './progress.js';
import { parseArguments } from './codex.js';

/**
 * GitHub Copilot CLI: `~/.copilot/session-state/<id>/events.jsonl` (`$COPILOT_HOME`),
 * older builds `session-state/<id>.jsonl`. One event a line: {type, data, id, timestamp}.
 * `session.start` (and `session.resume`) carry sessionId and context {cwd, gitRoot,
 * branch}; `user.message` data.content is a prompt; `tool.execution_start` {toolCallId,
 * toolName, arguments.path} a call, `tool.execution_complete` {toolCallId, success?,
 * result.result_type?} how it went.
 */

/** The tools that change a file; view, bash and the like are not edits. */
const EDIT_TOOLS = new Set(['create', 'edit', 'str_replace', 'str_replace_editor', 'insert']);

/** A session's own directory holds `events.jsonl`; an older build wrote `<session uuid>.jsonl` instead. */
const isEvents = (name: string) => name === 'events.jsonl' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i.test(name);

export const copilotCli: LinesImporter = {
  tool: 'copilot-cli',
  shape: 'lines',
  defaultDir: (ctx) => join(ctx.env.COPILOT_HOME || join(ctx.home, '.copilot'), 'session-state'),
  findLogs: (dir) => findLogFiles(dir, isEvents),
  readLines: (lines, prior, log) => readCopilotLines(lines, prior, log),
};

/** The session a log's place names: its directory (`<id>/events.jsonl`) or its own name (`<id>.jsonl`). */
function idFromPath(path: string): string {
  return basename(path) === 'events.jsonl' ? basename(dirname(path)) : basename(path, '.jsonl');
}

/** Reads more lines of one log on top of what was read before. Never throws. */
export function readCopilotLines(lines: Iterable<string>, prior: LogProgress | undefined, log: Pick<LogFile, 'path'>): ReadResult {
  const p = prior ? cloneProgress(prior) : newProgress('copilot-cli');
  // An edit counts when its call starts, unless its completion, read with it, says it failed.
  const edits = new Map<string, unknown>();
  const failed = new Set<string>();
  const malformed = eachObject(lines, (event) => readEvent(p, event, edits, failed));
  for (const [callId, path] of edits) if (!failed.has(callId)) addFile(p, path);
  // A log whose session.start is gone (cut, corrupt) is still the session its place names.
  p.id ??= newProgress('copilot-cli', idFromPath(log.path)).id;
  return { progress: p, malformed };
}

function readEvent(p: LogProgress, event: Record<string, unknown>, edits: Map<string, unknown>, failed: Set<string>): void {
  const data = asRecord(event.data);
  if (typeof event.type !== 'string' || !data) return;
  p.main = true;
  seeTime(p, event.timestamp);
  if (event.type === 'session.start' || event.type === 'session.resume') {
    if (typeof data.sessionId === 'string' && data.sessionId !== '') p.id ??= newProgress('copilot-cli', data.sessionId).id;
    seeTime(p, data.startTime);
    const context = asRecord(data.context);
    if (p.cwd === undefined && typeof context?.cwd === 'string' && context.cwd !== '') p.cwd = context.cwd;
    if (typeof context?.branch === 'string' && context.branch !== '') p.branch = context.branch;
  } else if (event.type === 'user.message' && p.firstPrompt === undefined && typeof data.content === 'string') {
    p.firstPrompt = promptTitle(data.content, (t) => t.startsWith('/'));
  } else if (event.type === 'tool.execution_start' && typeof data.toolCallId === 'string' && typeof data.toolName === 'string') {
    if (EDIT_TOOLS.has(data.toolName)) edits.set(data.toolCallId, parseArguments(data.arguments).path);
  } else if (event.type === 'tool.execution_complete' && typeof data.toolCallId === 'string') {
    const resultType = asRecord(data.result)?.result_type;
    if (data.success === false || (typeof resultType === 'string' && resultType !== 'success')) failed.add(data.toolCallId);
  }
}

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { runsGitCommit } from './commit-command.js';
import { patchedPaths } from './importers/codex.js';
import { asRecord } from '../json-object.js';
import type { AgentName } from './agent-names.js';

export { AGENTS, isAgent, type AgentName } from './agent-names.js';

/**
 * What an agent's hook event means for the session index. Each agent pipes JSON with
 * `session_id`, `cwd` and `hook_event_name` into its hooks; the rest differs:
 * - Claude Code (docs.anthropic.com/en/docs/claude-code/hooks): SessionStart, PreToolUse and
 *   PostToolUse with `tool_name` and `tool_input` (`file_path`, `notebook_path`, Bash's
 *   `command`), SessionEnd.
 * - Codex (developers.openai.com/codex/hooks; the schemas in openai/codex
 *   codex-rs/hooks/schema/generated): SessionStart, PreToolUse and PostToolUse for `Bash`
 *   (`tool_input.command`) and `apply_patch` (the patch in `tool_input.command`), and Stop,
 *   which ends a turn: the session is idle until the next tool call reopens it.
 * - Gemini CLI (geminicli.com/docs/hooks/reference): SessionStart, AfterTool for
 *   `write_file` and `replace` (`tool_input.file_path`), SessionEnd.
 * - Cursor (cursor.com/docs/agent/hooks): no `session_id` or `cwd` but `conversation_id` and
 *   `workspace_roots`, and each event's fields at the top: sessionStart, afterFileEdit
 *   (`file_path`), beforeShellExecution and afterShellExecution (`command`), stop (the end of
 *   a turn: idle until the next edit), sessionEnd.
 * - OpenCode (opencode.ai/docs/plugins): lore's plugin (hooks/opencode/lore.js) sends
 *   session.created, tool.execute.before and tool.execute.after for `bash` (its
 *   `command`), tool.execute.after for `edit` and `write` (`filePath`), session.idle (the
 *   end of a turn) and session.deleted, with session_id and cwd as Claude Code's hooks do.
 * Claude Code, Codex and Gemini CLI pass `transcript_path`, the session's own log (Codex's
 * may be null), which `lore show` reads for the prompts and files of a session never imported.
 */

export type AgentAction =
  | { kind: 'start' }
  /** Files the agent changed (absolute); `reopen`: the event shows the session is active again. */
  | { kind: 'touch'; files: string[]; reopen: boolean }
  /** A `git commit` the agent runs: starting (done false) or finished. */
  | { kind: 'committing'; done: boolean; reopen: boolean }
  | { kind: 'end' }
  /** An event lore's matchers let through that says nothing lore keeps (a shell command that is not a commit). */
  | { kind: 'nothing' };

export interface AgentEvent {
  agent: AgentName;
  id: string;
  cwd: string;
  /** The agent's log of the session, absolute, when the event names it. */
  log?: string;
  action: AgentAction;
}

type Json = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const obj = (v: unknown): Json => asRecord(v) ?? {};

/** Claude Code's and Codex's shell tool; Gemini CLI's is not hooked. */
const SHELL = 'Bash';

/** A shell command an agent runs: a `git commit` starting (done false) or finished; anything else says nothing. */
function commitAction(command: string | undefined, done: boolean, reopen: boolean): AgentAction {
  if (command === undefined || !runsGitCommit(command)) return { kind: 'nothing' };
  return { kind: 'committing', done, reopen };
}

/** An edit of `file`; nothing when the event names none. */
function touched(file: string | undefined, reopen: boolean): AgentAction {
  return file === undefined ? { kind: 'nothing' } : { kind: 'touch', files: [file], reopen };
}

const unrecorded = (event: string) => new Error(`lore does not record ${event} events`);

function claudeCode(event: string, tool: string | undefined, input: Json): AgentAction {
  if (event === 'SessionStart') return { kind: 'start' };
  if (event === 'SessionEnd') return { kind: 'end' };
  if (event !== 'PreToolUse' && event !== 'PostToolUse') throw unrecorded(event);
  if (tool === SHELL) return commitAction(str(input.command), event === 'PostToolUse', false);
  return event === 'PostToolUse' ? touched(str(input.file_path) ?? str(input.notebook_path), false) : { kind: 'nothing' };
}

function codex(event: string, tool: string | undefined, input: Json): AgentAction {
  if (event === 'SessionStart') return { kind: 'start' };
  if (event === 'Stop') return { kind: 'end' };
  if (event !== 'PreToolUse' && event !== 'PostToolUse') throw unrecorded(event);
  if (tool === SHELL) return commitAction(str(input.command), event === 'PostToolUse', true);
  if (tool === 'apply_patch' && event === 'PostToolUse') {
    const files = patchedPaths(str(input.command) ?? '');
    return files.length === 0 ? { kind: 'nothing' } : { kind: 'touch', files, reopen: true };
  }
  return { kind: 'nothing' };
}

function geminiCli(event: string, _tool: string | undefined, input: Json): AgentAction {
  if (event === 'SessionStart') return { kind: 'start' };
  if (event === 'SessionEnd') return { kind: 'end' };
  if (event !== 'AfterTool') throw unrecorded(event);
  return touched(str(input.file_path), false);
}

function cursor(event: string, _tool: string | undefined, payload: Json): AgentAction {
  if (event === 'sessionStart') return { kind: 'start' };
  if (event === 'stop' || event === 'sessionEnd') return { kind: 'end' };
  if (event === 'beforeShellExecution' || event === 'afterShellExecution') return commitAction(str(payload.command), event === 'afterShellExecution', true);
  if (event !== 'afterFileEdit') throw unrecorded(event);
  return touched(str(payload.file_path), true);
}

function opencode(event: string, tool: string | undefined, input: Json): AgentAction {
  if (event === 'session.created') return { kind: 'start' };
  if (event === 'session.idle' || event === 'session.deleted') return { kind: 'end' };
  if (event !== 'tool.execute.before' && event !== 'tool.execute.after') throw unrecorded(event);
  if (tool === 'bash') return commitAction(str(input.command), event === 'tool.execute.after', true);
  return event === 'tool.execute.after' ? touched(str(input.filePath), true) : { kind: 'nothing' };
}

const READERS: Record<AgentName, (event: string, tool: string | undefined, input: Json) => AgentAction> = {
  'claude-code': claudeCode,
  codex,
  'gemini-cli': geminiCli,
  cursor,
  opencode,
};

/** The session and directory an event names, and the object its tool's fields are in. */
function sessionOf(agent: AgentName, p: Json): { id?: string; cwd?: string; input: Json } {
  if (agent === 'cursor') {
    const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots : [];
    return { id: str(p.conversation_id), cwd: str(roots[0]) ?? str(p.cwd), input: p };
  }
  return { id: str(p.session_id), cwd: str(p.cwd), input: obj(p.tool_input) };
}

/** Reads one event; throws an Error (not a LoreError: the hook reports it and exits 0) on anything unusable. */
export function parseAgentEvent(agent: AgentName, input: string, fallbackCwd: string): AgentEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(input);
  } catch {
    throw new Error(input.trim() === '' ? 'no JSON on standard input' : 'standard input is not valid JSON');
  }
  const p = obj(payload);
  const event = str(p.hook_event_name);
  const session = sessionOf(agent, p);
  if (!event || !session.id) throw new Error(`the event has no hook_event_name or ${agent === 'cursor' ? 'conversation_id' : 'session_id'}`);
  const { id } = session;
  const cwd = resolve(session.cwd ?? fallbackCwd);
  const action = READERS[agent](event, str(p.tool_name), session.input);
  // Paths an agent gives relative (Codex's patches always) are relative to its directory.
  if (action.kind === 'touch') action.files = action.files.map((f) => (isAbsolute(f) ? f : resolve(cwd, f)));
  const log = logPath(str(p.transcript_path), cwd);
  return { agent, id, cwd, ...(log === undefined ? {} : { log }), action };
}

/** Claude Code's documentation shows the path as `~/.claude/…`: a `~` is the home directory. */
function logPath(path: string | undefined, cwd: string): string | undefined {
  if (path === undefined) return undefined;
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return resolve(cwd, path);
}

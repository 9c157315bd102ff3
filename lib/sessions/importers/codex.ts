import { basename, join, posix } from 'node:path';
import { contentText } from './content-text.js';
import { normaliseId } from '../session.js';
import { findLogFiles } from './find-logs.js';
import type { LinesImporter } from './importer.js';
import { addFile, asRecord, cloneProgress, eachObject, newProgress, promptTitle, seeTime, summarise, type LogProgress, type LogSummary, type ReadResult } from './progress.js';

/**
 * Codex CLI logs: `<CODEX_HOME>/sessions/YYYY/MM/DD/rollout-<time>-<uuid>.jsonl`.
 * Current shape: every line is {timestamp, type, payload}, the first a session_meta.
 * Older shape (mid 2025): a bare header {id, timestamp, instructions, cwd?, git?},
 * `{"record_type":"state"}` markers, and bare response items with no time of their own.
 */

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;

/**
 * A legacy log's items carry no time, so its end is the file's mtime, unless the
 * file was copied since: a "session" longer than this is more likely a copy's date.
 */
const MTIME_END_LIMIT_MS = 24 * 60 * 60 * 1000;

export interface CodexReadOptions {
  /** The log's mtime, only used for the end of a legacy log. */
  mtimeMs?: number;
}

export const codex: LinesImporter = {
  tool: 'codex',
  shape: 'lines',
  defaultDir: (ctx) => join(ctx.env.CODEX_HOME || join(ctx.home, '.codex'), 'sessions'),
  findLogs: (dir) => findLogFiles(dir),
  readLines: (lines, prior, log) => readCodexLines(lines, prior, codexIdFromPath(log.path), { mtimeMs: log.mtimeMs }),
};

export function codexIdFromPath(path: string): string | undefined {
  return UUID_AT_END.exec(basename(path))?.[1];
}

/** Reads more lines of one log on top of what was read before. Never throws. */
export function readCodexLines(
  lines: Iterable<string>,
  prior: LogProgress | undefined,
  idFromPath?: string,
  opts: CodexReadOptions = {},
): ReadResult {
  const p = prior ? cloneProgress(prior) : newProgress('codex', idFromPath);
  let untimed = false;
  const malformed = eachObject(lines, (obj) => {
    if (!readLine(p, obj)) untimed = true;
  });
  const start = p.startedAt;
  const mtime = opts.mtimeMs;
  if (untimed && start !== undefined && mtime !== undefined && mtime > (p.endedAt ?? start) && mtime - start <= MTIME_END_LIMIT_MS) {
    p.endedAt = mtime;
  }
  return { progress: p, malformed };
}

/** Returns false for an item that carries no time of its own. */
function readLine(p: LogProgress, line: Record<string, unknown>): boolean {
  if (line.record_type !== undefined) return true;
  const payload = asRecord(line.payload);
  if (typeof line.type === 'string' && payload) {
    seeTime(p, line.timestamp);
    readEnvelope(p, line.type, payload);
    return true;
  }
  if (line.type === undefined && typeof line.id === 'string') {
    readMeta(p, line);
    return true;
  }
  if (typeof line.type !== 'string') return true;
  readItem(p, line);
  return seeTime(p, line.timestamp);
}

function readEnvelope(p: LogProgress, type: string, payload: Record<string, unknown>): void {
  if (type === 'session_meta') readMeta(p, payload);
  else if (type === 'turn_context') setCwd(p, payload.cwd);
  else if (type === 'response_item') readItem(p, payload);
  else if (type === 'event_msg' && payload.type === 'user_message' && typeof payload.message === 'string') {
    p.firstPrompt ??= promptTitle(payload.message, notPrompt);
  }
}

function readMeta(p: LogProgress, meta: Record<string, unknown>): void {
  // A resumed session may repeat an earlier session's meta: the first one names the log.
  if (p.id === undefined && typeof meta.id === 'string' && meta.id !== '') p.id = normaliseId(meta.id);
  p.main = true;
  seeTime(p, meta.timestamp);
  setCwd(p, meta.cwd);
  const branch = asRecord(meta.git)?.branch;
  if (typeof branch === 'string' && branch !== '') p.branch = branch;
}

function setCwd(p: LogProgress, cwd: unknown): void {
  if (p.cwd === undefined && typeof cwd === 'string' && cwd !== '') p.cwd = cwd;
}

function readItem(p: LogProgress, item: Record<string, unknown>): void {
  p.main = true;
  if (item.type === 'message' && item.role === 'user') {
    const text = contentText(item.content);
    // Legacy headers have no cwd; the environment context the CLI sends names it.
    const envCwd = /<cwd>([^<]+)<\/cwd>/.exec(text)?.[1];
    if (envCwd) setCwd(p, envCwd.trim());
    p.firstPrompt ??= promptTitle(text, notPrompt);
  } else if (item.type === 'custom_tool_call' && item.name === 'apply_patch' && typeof item.input === 'string') {
    addPatch(p, item.input, undefined);
  } else if (item.type === 'function_call' && typeof item.name === 'string') {
    const args = parseArguments(item.arguments);
    const command = commandText(args);
    if (item.name === 'apply_patch' || command.includes('apply_patch')) addPatch(p, command, args.workdir);
  } else if (item.type === 'local_shell_call') {
    const action = asRecord(item.action) ?? {};
    const command = commandText(action);
    if (command.includes('apply_patch')) addPatch(p, command, action.working_directory);
  }
}

export function parseArguments(value: unknown): Record<string, unknown> {
  if (typeof value !== 'string') return asRecord(value) ?? {};
  try {
    return asRecord(JSON.parse(value)) ?? {};
  } catch {
    return {};
  }
}

/** The command of a shell call, whichever name the build gave it, as one text. */
export function commandText(args: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of ['command', 'cmd', 'input', 'patch']) {
    const v = args[key];
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) parts.push(...v.filter((x): x is string => typeof x === 'string'));
  }
  return parts.join('\n');
}

const PATCH_HEADER = /^\*\*\* (?:Add File|Update File|Delete File|Move to): *(.+?)\s*$/gm;

/** The paths an apply_patch text names, in order, without repeats. */
export function patchedPaths(patch: string): string[] {
  return [...new Set([...patch.matchAll(PATCH_HEADER)].map((m) => m[1]))];
}

/**
 * Patch paths are relative to the call's workdir. Relative to the session's cwd is
 * what the index means by a relative path, so only other workdirs make them absolute.
 */
function addPatch(p: LogProgress, patch: string, workdir: unknown): void {
  for (const path of patchedPaths(patch)) {
    const elsewhere = typeof workdir === 'string' && posix.isAbsolute(workdir) && workdir !== p.cwd;
    addFile(p, elsewhere && !posix.isAbsolute(path) ? posix.join(workdir, path) : path);
  }
}

/** The CLI sends AGENTS.md and an <environment_context> as user messages: not prompts. */
export const notPrompt = (t: string) => t.startsWith('<') || t.startsWith('# AGENTS.md');

/** A whole log at once: what a fresh import of it finds. */
export function parseCodexLog(text: string, path?: string, opts: CodexReadOptions = {}): LogSummary {
  const id = path === undefined ? undefined : codexIdFromPath(path);
  return summarise(readCodexLines(text.split('\n'), undefined, id, opts).progress);
}

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { importText } from '../cli/import-text.js';
import { linkText } from '../cli/link-text.js';
import { startSpinner } from '../cli/spinner.js';
import type { Io } from '../cli/io.js';
import { appendIndexLines, readIndex } from '../sessions/index-file.js';
import type { IndexLine } from '../sessions/index-line.js';
import { aider } from '../sessions/importers/aider.js';
import { claudeCode } from '../sessions/importers/claude-code.js';
import { codex } from '../sessions/importers/codex.js';
import { geminiCli } from '../sessions/importers/gemini-cli.js';
import type { ImportContext, Importer } from '../sessions/importers/importer.js';
import { changeLine, type ImportTool, type LogProgress } from '../sessions/importers/progress.js';
import { shortId } from '../sessions/session.js';
import { linkEndedSessions } from './link-session-end.js';
import { readImportState, writeImportState, type ImportState, type LogState } from '../sessions/importers/state.js';

/** Every tool `lore import` reads, in the order it reports them. */
export const IMPORTERS: Importer[] = [claudeCode, codex, geminiCli, aider];

/** Tools reported even when their logs are missing: the two lore always read. Others stay quiet unless asked for. */
const ALWAYS_REPORTED = new Set<ImportTool>(['claude-code', 'codex']);

export interface ImportOptions {
  /** Claude Code's `projects` directory; default `$CLAUDE_CONFIG_DIR/projects` or `~/.claude/projects`. */
  claudeDir?: string;
  /** Codex's `sessions` directory; default `$CODEX_HOME/sessions` or `~/.codex/sessions`. */
  codexDir?: string;
  /** Other log directories by tool (`--from tool=dir`); `claudeDir` and `codexDir` win for their tools. */
  from?: Partial<Record<ImportTool, string>>;
  /** Where the import runs; default the process's cwd. */
  cwd?: string;
  /** Default the process's environment; HOME in it is the home directory. */
  env?: NodeJS.ProcessEnv;
  /**
   * Which logs of a tool's directory to read; default: every log in it. With a choice, logs
   * it leaves out keep their state (they are not gone, only not asked about).
   */
  choose?: (tool: ImportTool, dir: string) => string[] | null;
  /** Epoch ms: sessions that ended before it are left out (and left unread, for a later import). */
  since?: number;
  dryRun: boolean;
  /** Link each session whose end the import reads to its commits (default); false: `--no-link`. */
  link?: boolean;
  indexPath: string;
  statePath: string;
}

export interface ToolReport {
  tool: ImportTool;
  dir: string;
  /** False when the directory does not exist. */
  found: boolean;
  /** Log files found. */
  logs: number;
  /** Sessions that got their first index line, and sessions that got more. */
  newSessions: number;
  updatedSessions: number;
  skippedSince: number;
}

export interface ImportResult {
  tools: ToolReport[];
  /** The index lines appended (or, with dryRun, that would have been). */
  lines: IndexLine[];
}

/** Where the import keeps what it has read of each log: beside the index. */
export function importStatePath(indexPath: string): string {
  return join(dirname(indexPath), 'import-state.json');
}

export function defaultLogDirs(env: NodeJS.ProcessEnv = process.env): { claudeDir: string; codexDir: string } {
  const ctx = { env, home: homedir(), cwd: process.cwd() };
  return { claudeDir: claudeCode.defaultDir(ctx), codexDir: codex.defaultDir(ctx) };
}

/**
 * `lore import`: reads what the agent logs added since the last import and appends
 * it to the session index. The index is written before the state: a crash between
 * the two only makes the next import append the same lines again, which fold to the
 * same sessions, while the other order could lose lines for good.
 */
export async function importSessions(opts: ImportOptions, io: Io): Promise<ImportResult> {
  const env = opts.env ?? process.env;
  const cwd = resolve(opts.cwd ?? process.cwd());
  const from: Partial<Record<ImportTool, string>> = { ...opts.from };
  if (opts.claudeDir !== undefined) from['claude-code'] = opts.claudeDir;
  if (opts.codexDir !== undefined) from.codex = opts.codexDir;
  const ctx: ImportContext = { env, home: env.HOME || homedir(), cwd, knownDirs: knownDirs(opts.indexPath, cwd) };
  const state = readImportState(opts.statePath, (m) => io.err(m));
  const lines: IndexLine[] = [];
  const tools: ToolReport[] = [];
  let stateChanged = false;
  const quiet = new Set<ImportTool>();
  const spinner = await startSpinner(io, importText.scanning('claude-code'));
  try {
    for (const importer of IMPORTERS) {
      spinner.update(importText.scanning(importer.tool));
      const dir = resolve(cwd, from[importer.tool] ?? importer.defaultDir(ctx));
      const report: ToolReport = { tool: importer.tool, dir, found: true, logs: 0, newSessions: 0, updatedSessions: 0, skippedSince: 0 };
      tools.push(report);
      let logs: string[] | null;
      try {
        logs = opts.choose ? opts.choose(importer.tool, dir) : importer.findLogs(dir, ctx);
      } catch (e) {
        io.err(importText.unreadableDir(dir, reason(e)));
        continue;
      }
      if (logs === null || (logs.length === 0 && !ALWAYS_REPORTED.has(importer.tool))) {
        report.found = logs !== null;
        if (!ALWAYS_REPORTED.has(importer.tool) && from[importer.tool] === undefined) quiet.add(importer.tool);
        if (logs === null) continue;
      }
      report.logs = logs.length;
      if (!opts.choose) stateChanged = forgetDeleted(state, dir, logs) || stateChanged;
      const fresh = new Set<string>();
      const updated = new Set<string>();
      for (const [k, path] of logs.entries()) {
        if (k % 50 === 0) spinner.update(importText.reading(importer.tool, k, logs.length));
        const outcome = importLog(importer, path, state.logs[path], opts.since, ctx, io);
        if (outcome === 'unchanged') continue;
        report.skippedSince += outcome.skipped;
        if (outcome.state === undefined) continue;
        state.logs[path] = outcome.state;
        stateChanged = true;
        for (const line of outcome.lines) {
          lines.push(line);
          (line.tool !== undefined ? fresh : updated).add(line.id);
        }
      }
      report.newSessions = fresh.size;
      report.updatedSessions = [...updated].filter((id) => !fresh.has(id)).length;
    }
  } finally {
    spinner.stop();
  }
  if (!opts.dryRun) {
    appendIndexLines(opts.indexPath, lines);
    if (stateChanged) writeImportState(opts.statePath, state);
  }
  for (const r of tools.filter((t) => !quiet.has(t.tool))) {
    const say = (line: string) => io.out(opts.dryRun ? importText.dryRun(line) : line);
    if (!r.found) say(importText.noDirectory(r.tool, r.dir));
    else say(importText.imported(r.tool, r.newSessions, r.updatedSessions, r.logs, r.dir));
    if (r.skippedSince > 0) say(importText.skippedSince(r.tool, r.skippedSince, new Date(opts.since!).toISOString()));
  }
  if (opts.dryRun) io.out(importText.wouldAppend(lines.length, opts.indexPath));
  else if (opts.link !== false) await linkEnded(opts.indexPath, lines, io);
  return { tools, lines };
}

/**
 * The directories a log without a cwd may be matched to: every session's cwd in the
 * index, and where the import runs with the directories above it (an agent may have
 * been started at the top of the repository lore is run in below).
 */
function knownDirs(indexPath: string, cwd: string): string[] {
  const dirs = new Set<string>();
  // Malformed lines are for the commands that use the index to report, not for import.
  for (const s of readIndex(indexPath, () => {}).sessions.values()) if (s.cwd) dirs.add(s.cwd);
  for (let d = cwd; ; d = dirname(d)) {
    dirs.add(d);
    if (dirname(d) === d) break;
  }
  return [...dirs];
}

/** A log that shows a session's end (again, later) links that session, as its end hook would have. */
async function linkEnded(indexPath: string, lines: IndexLine[], io: Io): Promise<void> {
  const ended = [...new Set(lines.filter((l) => typeof l.endedAt === 'number').map((l) => l.id))];
  if (ended.length === 0) return;
  const links = await linkEndedSessions(indexPath, ended, (w) => io.err(w));
  if (links.length > 0) io.out(links.map((l) => linkText.linked(shortId(l.session), l.short)).join('\n'));
}

/** A log that is gone needs no offset; without this the state would only ever grow. */
function forgetDeleted(state: ImportState, dir: string, logs: string[]): boolean {
  const present = new Set(logs);
  const gone = Object.keys(state.logs).filter((path) => path.startsWith(dir + sep) && !present.has(path));
  for (const path of gone) delete state.logs[path];
  return gone.length > 0;
}

/** What one log added: its new index lines, and its state to remember (none: read it again next time). */
type LogOutcome = 'unchanged' | { lines: IndexLine[]; state?: LogState; skipped: number };

function importLog(importer: Importer, path: string, known: LogState | undefined, since: number | undefined, ctx: ImportContext, io: Io): LogOutcome {
  let bytes: Buffer;
  let size: number;
  let mtimeMs: number;
  // A log that shrank was rewritten, not appended to: it is read again from the start.
  // So is a document on every change: the tool rewrites it whole.
  let from = 0;
  try {
    ({ size, mtimeMs } = statSync(path));
    if (known && known.size === size && known.mtimeMs === mtimeMs) return 'unchanged';
    if (known && importer.shape === 'lines' && size >= known.offset) from = known.offset;
    bytes = readBytes(path, from, size);
  } catch (e) {
    io.err(importText.unreadableLog(path, reason(e)));
    return 'unchanged';
  }
  const log = { path, mtimeMs };
  let sessions: LogProgress[];
  let malformed: number;
  let consumed = bytes.length;
  if (importer.shape === 'lines') {
    const complete = completeLines(bytes);
    consumed = complete.consumed;
    const prior = from > 0 ? known?.sessions[0] : undefined;
    const read = importer.readLines(complete.lines, prior, log, ctx);
    ({ malformed } = read);
    sessions = [read.progress];
  } else {
    ({ sessions, malformed } = importer.readDocument(bytes.toString('utf8'), log, ctx));
  }
  for (const p of sessions) p.log = path;
  if (malformed > 0) io.err(importText.malformed(path, malformed));
  const before = new Map((from > 0 || importer.shape === 'document' ? (known?.sessions ?? []) : []).map((p) => [p.id, p]));
  const outcome = { lines: [] as IndexLine[], skipped: 0 };
  for (const p of sessions) {
    const end = p.endedAt ?? p.startedAt;
    // Not remembered as read: an import without --since must still find it.
    if (since !== undefined && end !== undefined && end < since) {
      outcome.skipped++;
      continue;
    }
    const line = changeLine(before.get(p.id), p);
    if (line) outcome.lines.push(line);
  }
  if (outcome.skipped > 0) return outcome;
  return { ...outcome, state: { size, mtimeMs, offset: from + consumed, sessions } };
}

function readBytes(path: string, from: number, to: number): Buffer {
  const buf = Buffer.alloc(to - from);
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, from + n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines an agent has finished writing, and the bytes they take. The text after
 * the last newline is still being written; so may be a last line that is not JSON.
 * Both are left for the next import.
 */
function completeLines(buf: Buffer): { lines: string[]; consumed: number } {
  let end = buf.lastIndexOf(0x0a) + 1;
  if (end > 0 && end === buf.length) {
    const lastStart = end >= 2 ? buf.lastIndexOf(0x0a, end - 2) + 1 : 0;
    const last = buf.toString('utf8', lastStart, end).trim();
    if (last !== '' && !isJson(last)) end = lastStart;
  }
  return { lines: buf.toString('utf8', 0, end).split('\n'), consumed: end };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message;
}

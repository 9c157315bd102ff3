import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { appendIndexLines, readIndex } from '../sessions/index-file.js';
import type { IndexLine } from '../sessions/index-line.js';
import { claudeCode } from '../sessions/importers/claude-code.js';
import { codex } from '../sessions/importers/codex.js';
import { IMPORTERS } from '../sessions/importers/all.js';
import type { ImportContext, Importer } from '../sessions/importers/importer.js';
import type { ImportTool } from '../sessions/importers/progress.js';
import type { PlannedLink } from '../links/apply.js';
import { importLog, reason } from './import-log.js';
import { importWarnings } from './import-warnings.js';
import type { Warn } from './deps.js';
import { linkEndedSessions } from './link-session-end.js';
import { readImportState, writeImportState, type ImportState } from '../sessions/importers/state.js';

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
  /** Aborted (Ctrl-C): the import stops before the next log and writes what it read. */
  signal?: AbortSignal;
}

/** Where the import is, for a progress line: looking for a tool's logs, or reading the next of `total`. */
export type ImportStep = { kind: 'scanning'; tool: ImportTool } | { kind: 'reading'; tool: ImportTool; read: number; total: number };

export interface ImportDeps {
  /** Told of each step as it starts: the CLI's spinner shows it. */
  step?(step: ImportStep): void;
}

export interface ToolReport {
  tool: ImportTool;
  dir: string;
  /** False when the directory does not exist. */
  found: boolean;
  /** Log files found. */
  logs: number;
  /** Log files read; fewer than `logs` when the import was interrupted. */
  read: number;
  /** Sessions that got their first index line, and sessions that got more. */
  newSessions: number;
  updatedSessions: number;
  skippedSince: number;
}

export interface ImportResult {
  tools: ToolReport[];
  /** The tools the report speaks of: not those lore only looked for, nor those an interrupted import never reached. */
  reported: ToolReport[];
  /** The index lines appended (or, with dryRun, that would have been). */
  lines: IndexLine[];
  /** Logs read, of the `total` found; fewer when interrupted. */
  read: number;
  total: number;
  interrupted: boolean;
  /** The links made for the sessions whose end it read. */
  links: PlannedLink[];
  /** Every warning, in the order they arose (unreadable logs and directories, lines that are not JSON, links that failed). */
  warnings: string[];
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
 *
 * It finds every tool's logs first, so progress can say k of N, then reads them one
 * at a time, yielding to the event loop between two: the spinner turns and `signal`
 * (Ctrl-C) is seen. An abort stops before the next log; what was read by then is
 * written as a whole import would write it, and the next import reads the rest.
 * It prints nothing: what it read, linked and warned of is its result.
 */
export async function importSessions(opts: ImportOptions, deps: ImportDeps = {}): Promise<ImportResult> {
  const env = opts.env ?? process.env;
  const cwd = resolve(opts.cwd ?? process.cwd());
  const from: Partial<Record<ImportTool, string>> = { ...opts.from };
  if (opts.claudeDir !== undefined) from['claude-code'] = opts.claudeDir;
  if (opts.codexDir !== undefined) from.codex = opts.codexDir;
  const ctx: ImportContext = { env, home: env.HOME || homedir(), cwd, knownDirs: knownDirs(opts.indexPath, cwd) };
  const warnings: string[] = [];
  const warn: Warn = (m) => void warnings.push(m);
  const step = deps.step ?? (() => {});
  const state = readImportState(opts.statePath, (w) => warn(importWarnings.state(w)));
  const lines: IndexLine[] = [];
  const found: { importer: Importer; report: ToolReport; logs: string[]; listed: boolean }[] = [];
  let stateChanged = false;
  let read = 0;
  let total = 0;
  let interrupted = false;
  const quiet = new Set<ImportTool>();
  for (const importer of IMPORTERS) {
    step({ kind: 'scanning', tool: importer.tool });
    const dir = resolve(cwd, from[importer.tool] ?? importer.defaultDir(ctx));
    const report: ToolReport = { tool: importer.tool, dir, found: true, logs: 0, read: 0, newSessions: 0, updatedSessions: 0, skippedSince: 0 };
    let logs: string[] | null;
    try {
      logs = opts.choose ? opts.choose(importer.tool, dir) : importer.findLogs(dir, ctx);
    } catch (e) {
      warn(importWarnings.unreadableDir(dir, reason(e)));
      found.push({ importer, report, logs: [], listed: false });
      continue;
    }
    if (logs === null || (logs.length === 0 && !ALWAYS_REPORTED.has(importer.tool))) {
      report.found = logs !== null;
      if (!ALWAYS_REPORTED.has(importer.tool) && from[importer.tool] === undefined) quiet.add(importer.tool);
    }
    report.logs = logs?.length ?? 0;
    found.push({ importer, report, logs: logs ?? [], listed: logs !== null });
  }
  if (!opts.choose) stateChanged = forgetDeleted(state, found.filter((f) => f.listed).map((f) => f.report.dir), found.flatMap((f) => f.logs));
  total = found.reduce((n, f) => n + f.logs.length, 0);
  for (const { importer, report, logs } of found) {
    if (interrupted) break;
    const fresh = new Set<string>();
    const updated = new Set<string>();
    for (const path of logs) {
      step({ kind: 'reading', tool: importer.tool, read, total });
      await nextTurn();
      if (opts.signal?.aborted) {
        interrupted = true;
        break;
      }
      const outcome = importLog(importer, path, state.logs[path], opts.since, ctx, warn);
      read++;
      report.read++;
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
  if (!opts.dryRun) {
    appendIndexLines(opts.indexPath, lines);
    if (stateChanged) writeImportState(opts.statePath, state);
  }
  const tools = found.map((f) => f.report);
  // Tools an interrupted import never reached are not reported: it has nothing to say of them.
  const reported = tools.filter((t) => !quiet.has(t.tool) && !(interrupted && t.read === 0 && t.logs > 0));
  const links = !opts.dryRun && opts.link !== false ? await linkEnded(opts.indexPath, lines, warn) : [];
  return { tools, reported, lines, read, total, interrupted, links, warnings };
}

/** A turn of the event loop: ora's timer draws the spinner, and a signal's handler runs. */
function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
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
async function linkEnded(indexPath: string, lines: IndexLine[], warn: Warn): Promise<PlannedLink[]> {
  const ended = [...new Set(lines.filter((l) => typeof l.endedAt === 'number').map((l) => l.id))];
  if (ended.length === 0) return [];
  return linkEndedSessions(indexPath, ended, warn);
}

/**
 * A log that is gone needs no offset; without this the state would only ever grow. Gone
 * means no tool found it: one tool's directory may hold another's (Aider reads the cwd,
 * which may be the home directory, with Claude Code's and Codex's logs below it).
 */
function forgetDeleted(state: ImportState, dirs: string[], logs: string[]): boolean {
  const present = new Set(logs);
  const gone = Object.keys(state.logs).filter((path) => dirs.some((dir) => path.startsWith(dir + sep)) && !present.has(path));
  for (const path of gone) delete state.logs[path];
  return gone.length > 0;
}

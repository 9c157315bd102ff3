import type { IndexLine } from '../index-line.js';
import { normaliseId } from '../session.js';
import { parseIsoTime } from '../../time.js';
import { asRecord } from '../../json-object.js';

/** Each tool as it names itself. */
export const IMPORT_TOOLS = ['claude-code', 'codex', 'gemini-cli', 'aider', 'cursor', 'copilot-cli', 'amp'] as const;
export type ImportTool = (typeof IMPORT_TOOLS)[number];

export function isImportTool(value: unknown): value is ImportTool {
  return (IMPORT_TOOLS as readonly unknown[]).includes(value);
}

/**
 * What one agent log has said so far. It is plain JSON so the import state can keep
 * it: a log that grows is read on from where it stopped, with this as the start.
 */
export interface LogProgress {
  tool: ImportTool;
  id?: string;
  cwd?: string;
  branch?: string;
  startedAt?: number;
  endedAt?: number;
  files: string[];
  /** The tool's own summary of the session; it wins over the first prompt. */
  summaryTitle?: string;
  firstPrompt?: string;
  /** The log file it was read from. */
  log?: string;
  /**
   * False while every message was a sub-agent's: such a log (Claude Code's
   * `agent-*.jsonl`) belongs to its parent session and may only add files to it.
   */
  main: boolean;
}

/** One log read to the end: what lore puts in the index for it. */
export type LogSummary = Omit<LogProgress, 'summaryTitle' | 'firstPrompt' | 'main' | 'log'> & { title?: string };

export interface ReadResult {
  progress: LogProgress;
  /** Lines that were not a JSON object; they are skipped, never fatal. */
  malformed: number;
}

export function newProgress(tool: ImportTool, id?: string): LogProgress {
  return { tool, id: id === undefined ? undefined : normaliseId(id), files: [], main: false };
}

export function cloneProgress(p: LogProgress): LogProgress {
  return { ...p, files: [...p.files] };
}

export function titleOf(p: LogProgress): string | undefined {
  return p.summaryTitle ?? p.firstPrompt;
}

export function summarise(p: LogProgress): LogSummary {
  const { tool, id, cwd, branch, startedAt, endedAt, files } = p;
  return { tool, id, cwd, branch, startedAt, endedAt, files: [...files], title: titleOf(p) };
}

/** A time in a log, by the index reader's rules (parseIsoTime); undefined when it is not one. */
export function parseTime(value: unknown): number | undefined {
  const ms = typeof value === 'string' ? parseIsoTime(value) : 'shape';
  return typeof ms === 'number' ? ms : undefined;
}

/** Start and end are the earliest and latest times seen: lines are not always in order. */
export function seeTime(p: LogProgress, value: unknown): boolean {
  const ms = parseTime(value);
  if (ms === undefined) return false;
  if (p.startedAt === undefined || ms < p.startedAt) p.startedAt = ms;
  if (p.endedAt === undefined || ms > p.endedAt) p.endedAt = ms;
  return true;
}

export function addFile(p: LogProgress, path: unknown): void {
  const f = normaliseLogPath(path);
  if (f !== undefined && !p.files.includes(f)) p.files.push(f);
}

/**
 * A path as a log names it, as the index keeps it: absolute, or relative to the
 * session's cwd. Some tools write `file://` URIs or a leading `./`; both name the
 * same file as the plain path, and two spellings would count as two files.
 */
export function normaliseLogPath(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  let f = path.trim();
  if (f.startsWith('file://')) {
    try {
      f = decodeURIComponent(new URL(f).pathname);
    } catch {
      return undefined;
    }
  }
  while (f.startsWith('./')) f = f.slice(2);
  return f === '' ? undefined : f;
}

const TITLE_MAX = 80;

/**
 * The title a prompt gives, or undefined for text that is not the user's words:
 * tools send context (environment, instructions, command output) as user messages,
 * and each says which texts those are with `notPrompt`.
 */
export function promptTitle(text: string, notPrompt: (trimmed: string) => boolean = () => false): string | undefined {
  const t = text.trim();
  return t === '' || notPrompt(t) ? undefined : oneLine(t);
}

/** A label for one line of a listing: whitespace folded, at most TITLE_MAX characters. */
export function oneLine(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  const chars = [...flat];
  return chars.length <= TITLE_MAX ? flat : chars.slice(0, TITLE_MAX - 1).join('').trimEnd() + '…';
}

/** Calls `fn` with every line that is a JSON object; returns how many were not. */
export function eachObject(lines: Iterable<string>, fn: (obj: Record<string, unknown>) => void): number {
  let malformed = 0;
  for (const text of lines) {
    if (text.trim() === '') continue;
    let obj: Record<string, unknown> | undefined;
    try {
      obj = asRecord(JSON.parse(text));
    } catch {
      obj = undefined;
    }
    if (obj) fn(obj);
    else malformed++;
  }
  return malformed;
}

// The importers read every log through it.
export { asRecord };

/**
 * The index line that brings a reader from `before` to `after`. Later lines update
 * earlier ones and files accumulate (CONTRACT §1), so only what changed is written.
 * A log with no edits yields no `files` at all: a shell command may still have
 * changed files, so "no edit seen" is unknown, not "touched nothing".
 */
export function changeLine(before: LogProgress | undefined, after: LogProgress): IndexLine | null {
  if (after.id === undefined) return null;
  const known = before?.id === after.id && before.main ? before : undefined;
  const seenFiles = new Set(before?.id === after.id ? before.files : []);
  const newFiles = after.files.filter((f) => !seenFiles.has(f));
  const line: IndexLine = { id: after.id };
  if (newFiles.length > 0) line.files = newFiles;
  if (after.main) {
    if (!known) line.tool = after.tool;
    if (after.cwd !== known?.cwd) line.cwd = after.cwd;
    if (after.branch !== known?.branch) line.branch = after.branch;
    if (after.startedAt !== known?.startedAt) line.startedAt = after.startedAt;
    if (after.endedAt !== known?.endedAt) line.endedAt = after.endedAt;
    const title = titleOf(after);
    if (title !== (known && titleOf(known))) line.title = title;
    if (after.log !== known?.log) line.log = after.log;
  }
  return Object.values(line).filter((v) => v !== undefined).length > 1 ? line : null;
}

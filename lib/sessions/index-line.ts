import { normaliseId, type Session } from './session.js';
import { isoSeconds, parseIsoTime } from '../time.js';
import { isRecord } from '../json-object.js';

/** One parsed line of the session index, before folding. */
export interface IndexLine {
  id: string;
  tool?: string;
  title?: string;
  cwd?: string;
  branch?: string;
  startedAt?: number;
  /** undefined: the line says nothing; null: the line says "still active". */
  endedAt?: number | null;
  files?: string[];
  /** When the activity this line records happened: a start, an edit, a resume. */
  seenAt?: number;
  /** The agent started a `git commit` at this time; null: that command has finished. */
  committingAt?: number | null;
  /** The agent log the line was read from, for `lore show` (extends CONTRACT §1). */
  log?: string;
}

/** Thrown for a line that cannot be used; the reader turns it into one warning. */
export class BadLine extends Error {}

function time(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new BadLine(`${field} is not a string`);
  const ms = parseIsoTime(value);
  if (ms === 'shape') throw new BadLine(`${field} is not an ISO 8601 time`);
  if (ms === 'invalid') throw new BadLine(`${field} is not a valid time`);
  return ms;
}

function optionalString(obj: Record<string, unknown>, field: string): string | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new BadLine(`${field} is not a string`);
  return v;
}

export function parseIndexLine(text: string): IndexLine {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw new BadLine('not valid JSON');
  }
  if (!isRecord(obj)) throw new BadLine('not a JSON object');
  const o = obj as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.trim() === '') throw new BadLine('no "id"');
  const line: IndexLine = { id: normaliseId(o.id.trim()) };
  line.tool = optionalString(o, 'tool');
  line.title = optionalString(o, 'title');
  line.cwd = optionalString(o, 'cwd');
  line.branch = optionalString(o, 'branch');
  line.log = optionalString(o, 'log');
  if (o.started_at !== undefined && o.started_at !== null) line.startedAt = time(o.started_at, 'started_at');
  if (o.ended_at === null) line.endedAt = null;
  else if (o.ended_at !== undefined) line.endedAt = time(o.ended_at, 'ended_at');
  if (o.seen_at !== undefined && o.seen_at !== null) line.seenAt = time(o.seen_at, 'seen_at');
  if (o.committing_at === null) line.committingAt = null;
  else if (o.committing_at !== undefined) line.committingAt = time(o.committing_at, 'committing_at');
  if (o.files !== undefined && o.files !== null) {
    if (!Array.isArray(o.files) || o.files.some((f) => typeof f !== 'string')) {
      throw new BadLine('files is not a list of strings');
    }
    line.files = o.files as string[];
  }
  return line;
}

/** Later lines update earlier ones field by field; files accumulate (CONTRACT §1). */
export function foldLine(into: Session | undefined, line: IndexLine): Session {
  const s: Session = into ?? { id: line.id, branches: [], endedAt: null, files: null };
  if (line.tool !== undefined) s.tool = line.tool;
  if (line.title !== undefined) s.title = line.title;
  if (line.cwd !== undefined) s.cwd = line.cwd;
  if (line.log !== undefined) s.log = line.log;
  if (line.branch !== undefined) {
    s.branch = line.branch;
    if (!s.branches.includes(line.branch)) s.branches.push(line.branch);
  }
  if (line.startedAt !== undefined) s.startedAt = line.startedAt;
  if (line.endedAt !== undefined) s.endedAt = line.endedAt;
  if (line.committingAt !== undefined) s.committingAt = line.committingAt;
  if (line.seenAt !== undefined && (s.seenAt === undefined || line.seenAt > s.seenAt)) s.seenAt = line.seenAt;
  if (line.files !== undefined) {
    const set = new Set(s.files ?? []);
    for (const f of line.files) set.add(f);
    s.files = [...set];
  }
  return s;
}


/** The canonical text of one index line, keys in the contract's order. */
export function formatIndexLine(line: IndexLine): string {
  const o: Record<string, unknown> = { id: line.id };
  if (line.tool !== undefined) o.tool = line.tool;
  if (line.cwd !== undefined) o.cwd = line.cwd;
  if (line.branch !== undefined) o.branch = line.branch;
  if (line.startedAt !== undefined) o.started_at = isoSeconds(line.startedAt);
  if (line.endedAt !== undefined) o.ended_at = line.endedAt === null ? null : isoSeconds(line.endedAt);
  if (line.files !== undefined) o.files = line.files;
  if (line.seenAt !== undefined) o.seen_at = isoSeconds(line.seenAt);
  if (line.committingAt !== undefined) o.committing_at = line.committingAt === null ? null : isoSeconds(line.committingAt);
  if (line.title !== undefined) o.title = line.title;
  if (line.log !== undefined) o.log = line.log;
  return JSON.stringify(o);
}

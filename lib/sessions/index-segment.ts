/**
 * The folded segment beside the session index (extends CONTRACT §1): the sessions of the
 * index's first `log_bytes` bytes, folded, one JSON line each, and where that part's
 * malformed lines are. A reader folds the segment, then
 * reads `sessions.jsonl` from `log_bytes` on. The index itself is never rewritten, so an
 * append, however it races with folding, lands in the one file and is read; and a
 * malformed line stays where it was, verbatim.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Session } from './session.js';

const VERSION = 1;
/** Bytes at each end of the folded part whose hash tells that the index is still the one folded. */
const PROBE = 4096;
/** A lock older than this was left by a process that died while folding. */
const STALE_LOCK_MS = 60_000;

export interface MalformedLine {
  lineNo: number;
  reason: string;
}

/** A fold of the index's first `bytes` bytes (`lines` lines). */
export interface Folded {
  sessions: Map<string, Session>;
  malformed: MalformedLine[];
  bytes: number;
  lines: number;
}

interface Header {
  lore_folded: number;
  log_bytes: number;
  log_lines: number;
  dev: string;
  ino: string;
  head: string;
  tail: string;
}

/** A segment whose header matches the open index; its lines are folded on demand. */
export interface Segment {
  bytes: number;
  lines: number;
  body: string[];
}

export function segmentPath(indexPath: string): string {
  return indexPath.endsWith('.jsonl') ? `${indexPath.slice(0, -'.jsonl'.length)}.folded.jsonl` : `${indexPath}.folded`;
}

function digest(fd: number, start: number, stop: number): string {
  const buf = Buffer.alloc(stop - start);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return createHash('sha1').update(buf.subarray(0, got)).digest('hex');
}

/** What identifies the first `bytes` bytes of the open index without reading them all. */
function fingerprint(fd: number, bytes: number): Pick<Header, 'dev' | 'ino' | 'head' | 'tail'> {
  const st = fstatSync(fd, { bigint: true });
  return { dev: String(st.dev), ino: String(st.ino), head: digest(fd, 0, Math.min(bytes, PROBE)), tail: digest(fd, Math.max(0, bytes - PROBE), bytes) };
}

/**
 * The segment beside the open index `fd`, or null when there is none, it is damaged, or
 * it folds another file: the index was replaced, truncated or rewritten since.
 */
export function openSegment(indexPath: string, fd: number, size: number): Segment | null {
  let lines: string[];
  let h: Header;
  try {
    lines = readFileSync(segmentPath(indexPath), 'utf8').split('\n');
    h = JSON.parse(lines[0]) as Header;
  } catch {
    return null;
  }
  if (h?.lore_folded !== VERSION || !Number.isInteger(h.log_bytes) || !Number.isInteger(h.log_lines) || h.log_bytes > size) return null;
  const now = fingerprint(fd, h.log_bytes);
  if (now.dev !== h.dev || now.ino !== h.ino || now.head !== h.head || now.tail !== h.tail) return null;
  return { bytes: h.log_bytes, lines: h.log_lines, body: lines.slice(1) };
}

const isString = (v: unknown) => typeof v === 'string';
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, is: (v: unknown) => boolean) => v === undefined || is(v);
const strings = (v: unknown) => Array.isArray(v) && v.every(isString);

/**
 * A folded session as the segment keeps it: the Session itself as JSON, times in ms, so a
 * read is one JSON.parse and a shape check, not an index line's parse and fold.
 */
function sessionOf(raw: string): Session {
  const s = JSON.parse(raw) as Session;
  const ok =
    isString(s.id) &&
    strings(s.branches) &&
    (s.endedAt === null || isTime(s.endedAt)) &&
    (s.files === null || strings(s.files)) &&
    [s.tool, s.title, s.cwd, s.branch].every((v) => optional(v, isString)) &&
    [s.startedAt, s.seenAt].every((v) => optional(v, isTime)) &&
    (s.committingAt === null || optional(s.committingAt, isTime));
  if (!ok) throw new Error('damaged');
  return s;
}

/** What a filter of the index is told about a session before the rest of it is read. */
export type Summary = Pick<Session, 'startedAt' | 'endedAt'>;

/** Which sessions a read keeps: asked once per session, with its id and its folded summary. */
export type Keep = (id: string, summary: Summary) => boolean;

// A segment line starts with the summary (see writeSegment): read without parsing the line.
const SUMMARY = /^\{"id":("(?:[^"\\]|\\.)*")(?:,"startedAt":(-?\d+))?,"endedAt":(null|-?\d+)[,}]/;

/**
 * The segment's sessions that `keep` accepts, or that `always` names (those the lines
 * after the segment change, which only the whole fold can judge); null when a line of
 * the segment is damaged.
 */
export function foldSegment(seg: Segment, keep?: Keep, always?: Set<string>): Folded | null {
  const sessions = new Map<string, Session>();
  const malformed: MalformedLine[] = [];
  try {
    for (const raw of seg.body) {
      if (raw === '') continue;
      if (raw.startsWith('{"malformed":')) {
        const m = JSON.parse(raw) as { malformed: number; reason: string };
        malformed.push({ lineNo: m.malformed, reason: m.reason });
        continue;
      }
      const head = SUMMARY.exec(raw);
      if (!head) return null;
      if (keep) {
        const id = JSON.parse(head[1]) as string;
        const summary = { startedAt: head[2] === undefined ? undefined : Number(head[2]), endedAt: head[3] === 'null' ? null : Number(head[3]) };
        if (!always?.has(id) && !keep(id, summary)) continue;
      }
      const s = sessionOf(raw);
      sessions.set(s.id, s);
    }
  } catch {
    return null;
  }
  return { sessions, malformed, bytes: seg.bytes, lines: seg.lines };
}

function takeLock(lock: string): number | null {
  try {
    return openSync(lock, 'wx');
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock); // the next read folds
    } catch {
      // gone already
    }
    return null;
  }
}

/**
 * Writes the fold of the open index's first `folded.bytes` bytes as its segment: under a
 * lock, to a temp file, fsynced, renamed over the old one. Another process folding at the
 * same time keeps the lock and the work; a failure leaves the index read whole, as before.
 */
export function writeSegment(indexPath: string, fd: number, folded: Folded): void {
  const path = segmentPath(indexPath);
  const lock = `${path}.lock`;
  const held = takeLock(lock);
  if (held === null) return;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const header: Header = { lore_folded: VERSION, log_bytes: folded.bytes, log_lines: folded.lines, ...fingerprint(fd, folded.bytes) };
    const out = [JSON.stringify(header)];
    for (const m of folded.malformed) out.push(JSON.stringify({ malformed: m.lineNo, reason: m.reason }));
    // The summary first, for foldSegment to judge a line by without parsing it.
    for (const { id, startedAt, endedAt, ...rest } of folded.sessions.values()) out.push(JSON.stringify({ id, startedAt, endedAt, ...rest }));
    const t = openSync(tmp, 'w');
    try {
      writeFileSync(t, out.join('\n') + '\n');
      fsyncSync(t);
    } finally {
      closeSync(t);
    }
    renameSync(tmp, path);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // never made
    }
  } finally {
    closeSync(held);
    try {
      unlinkSync(lock);
    } catch {
      // taken as stale by another process: harmless, the rename was atomic
    }
  }
}

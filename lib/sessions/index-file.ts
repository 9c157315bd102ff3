import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LoreError } from '../errors.js';
import { indexReadFault, indexWriteFault } from './index-faults.js';
import { BadLine, foldLine, formatIndexLine, parseIndexLine, type IndexLine } from './index-line.js';
import { forEachLine, type LinesRead } from './index-lines.js';
import { foldSegment, openSegment, writeSegment, type Keep, type MalformedLine } from './index-segment.js';

export type { Keep, Summary } from './index-segment.js';
import type { Session } from './session.js';

export type Warn = (message: string) => void;

export interface SessionIndex {
  path: string;
  /** Sessions by id, in order of first appearance. */
  sessions: Map<string, Session>;
}

/** Unfolded bytes after which a reader folds the index into its segment (index-segment.ts). */
const FOLD_AFTER_BYTES = 128 * 1024;

const malformed = (path: string, m: MalformedLine) => `Warning: ${path}:${m.lineNo}: skipped a malformed session line (${m.reason})`;

/** Parses the lines from byte `from` on, numbered from `firstLineNo`. */
function parseFrom(fd: number, from: number, firstLineNo: number, onLine: (line: IndexLine) => void, onBad: (m: MalformedLine) => void): LinesRead {
  return forEachLine(fd, from, firstLineNo, (raw, lineNo) => {
    let line: IndexLine;
    try {
      line = parseIndexLine(raw);
    } catch (e) {
      if (!(e instanceof BadLine)) throw e;
      return onBad({ lineNo, reason: e.message });
    }
    onLine(line);
  });
}

/** The sessions `keep` accepts, asked only of those `judged` does not leave out (when given). */
function kept(sessions: Map<string, Session>, keep: Keep, judged?: Set<string>): Map<string, Session> {
  return new Map([...sessions].filter(([id, s]) => (judged && !judged.has(id)) || keep(id, s)));
}

/**
 * Reads and folds the index: the folded segment beside it, then the lines appended since.
 * A line that cannot be used is reported once per read, with file and line number, and
 * skipped; the reader never rewrites the file. With `keep`, only the sessions it accepts
 * are kept, and the segment's others are never parsed: a command after one session, or
 * the hook after the current ones, need not fold (or hold) thousands. When more than
 * FOLD_AFTER_BYTES were appended since the segment was written, the whole index is folded
 * and the segment written again, so no command reads more than that many edits.
 */
export function readIndex(path: string, warn: Warn, keep?: Keep): SessionIndex {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path, sessions: new Map() };
    throw indexReadFault(path, e);
  }
  try {
    const size = fstatSync(fd).size;
    const segment = openSegment(path, fd, size);
    if (segment && size - segment.bytes <= FOLD_AFTER_BYTES) {
      // The few lines since the fold first: a session they change is judged on all of it.
      const lines: IndexLine[] = [];
      const bad: MalformedLine[] = [];
      parseFrom(fd, segment.bytes, segment.lines + 1, (l) => lines.push(l), (m) => bad.push(m));
      const changed = new Set(lines.map((l) => l.id));
      const folded = foldSegment(segment, keep, changed);
      if (folded) {
        for (const m of [...folded.malformed, ...bad]) warn(malformed(path, m));
        const { sessions } = folded;
        for (const l of lines) sessions.set(l.id, foldLine(sessions.get(l.id), l));
        return { path, sessions: keep ? kept(sessions, keep, changed) : sessions };
      }
    }
    // No usable segment, or much appended since: fold it all, and write the segment again.
    const base = (segment && foldSegment(segment)) ?? { sessions: new Map<string, Session>(), malformed: [], bytes: 0, lines: 0 };
    const { sessions, malformed: bad } = base;
    for (const m of bad) warn(malformed(path, m));
    const read = parseFrom(
      fd,
      base.bytes,
      base.lines + 1,
      (l) => sessions.set(l.id, foldLine(sessions.get(l.id), l)),
      (m) => {
        bad.push(m);
        warn(malformed(path, m));
      },
    );
    // A last line without its newline may still be being written: folded next time.
    if (read.end - base.bytes > FOLD_AFTER_BYTES && !read.unended) writeSegment(path, fd, { sessions, malformed: bad, bytes: read.end, lines: base.lines + read.lines });
    return { path, sessions: keep ? kept(sessions, keep) : sessions };
  } catch (e) {
    if (e instanceof LoreError || !(e as NodeJS.ErrnoException).code) throw e;
    throw indexReadFault(path, e);
  } finally {
    closeSync(fd);
  }
}

/** Whether the file's last byte is not a newline: a line torn by a crash, a full disk or another tool. */
function endsTorn(fd: number): boolean {
  const { size } = fstatSync(fd);
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Takes back the first `written` bytes of `data` if they are still the file's last bytes,
 * so a write the disk cut short leaves no torn line of ours behind. Another writer's
 * later line (rare on a full disk) is never cut: the torn line then stays, reported.
 */
function undoPartial(fd: number, data: Buffer, written: number): void {
  if (written === 0) return;
  try {
    const { size } = fstatSync(fd);
    const tail = Buffer.alloc(written);
    if (size >= written && readSync(fd, tail, 0, written, size - written) === written && tail.equals(data.subarray(0, written))) {
      ftruncateSync(fd, size - written);
    }
  } catch {
    // The write's own failure is the one to report.
  }
}

/**
 * Appends whole lines with O_APPEND writes, so concurrent writers never interleave. A file
 * that does not end in a newline gets one first: the torn line stays (and is reported
 * on read), and the new lines stay whole instead of being glued onto it.
 */
export function appendIndexLines(path: string, lines: IndexLine[]): void {
  if (lines.length === 0) return;
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'a+');
  } catch (e) {
    throw indexWriteFault(path, e);
  }
  let written = 0;
  let data = Buffer.alloc(0);
  try {
    data = Buffer.from((endsTorn(fd) ? '\n' : '') + lines.map((l) => formatIndexLine(l) + '\n').join(''));
    while (written < data.length) written += writeSync(fd, data, written);
  } catch (e) {
    undoPartial(fd, data, written);
    throw indexWriteFault(path, e);
  } finally {
    closeSync(fd);
  }
}

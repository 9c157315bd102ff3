import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { LoreError } from '../errors.js';
import { BadLine, foldLine, formatIndexLine, parseIndexLine, type IndexLine } from './index-line.js';
import { forEachLine } from './index-lines.js';
import { foldSegment, openSegment, writeSegment, type MalformedLine } from './index-segment.js';
import type { Session } from './session.js';

export type Warn = (message: string) => void;

export interface SessionIndex {
  path: string;
  /** Sessions by id, in order of first appearance. */
  sessions: Map<string, Session>;
}

function unreadable(path: string, err: NodeJS.ErrnoException): LoreError {
  return new LoreError(
    'INDEX_UNREADABLE',
    `cannot read the session index ${path}: ${err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message}`,
    'Point LORE_HOME or the sessionIndex setting at a readable sessions.jsonl.',
  );
}

/** Unfolded bytes after which a reader folds the index into its segment (index-segment.ts). */
const FOLD_AFTER_BYTES = 128 * 1024;

const malformed = (path: string, m: MalformedLine) => `Warning: ${path}:${m.lineNo}: skipped a malformed session line (${m.reason})`;

/**
 * Reads and folds the index: the folded segment beside it, then the lines appended since.
 * A line that cannot be used is reported once per read, with file and line number, and
 * skipped; the reader never rewrites the file. With `keep`, only the sessions whose id it
 * accepts are kept: a command after one session need not fold (or hold) thousands. When
 * more than FOLD_AFTER_BYTES were appended since the segment was written, the whole index
 * is folded and the segment rewritten, so no command reads more than that many edits.
 */
export function readIndex(path: string, warn: Warn, keep?: (id: string) => boolean): SessionIndex {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path, sessions: new Map() };
    throw unreadable(path, e as NodeJS.ErrnoException);
  }
  try {
    const size = fstatSync(fd).size;
    const segment = openSegment(path, fd, size);
    const fold = size - (segment?.bytes ?? 0) > FOLD_AFTER_BYTES;
    const only = fold ? undefined : keep;
    const folded = (segment && foldSegment(segment, only)) ?? { sessions: new Map<string, Session>(), malformed: [], bytes: 0, lines: 0 };
    const { sessions, malformed: bad } = folded;
    for (const m of bad) warn(malformed(path, m));
    const read = forEachLine(fd, folded.bytes, folded.lines + 1, (raw, lineNo) => {
      try {
        const line = parseIndexLine(raw);
        if (!only || only(line.id)) sessions.set(line.id, foldLine(sessions.get(line.id), line));
      } catch (e) {
        if (!(e instanceof BadLine)) throw e;
        bad.push({ lineNo, reason: e.message });
        warn(malformed(path, { lineNo, reason: e.message }));
      }
    });
    // A last line without its newline may still be being written: folded next time.
    if (fold && !read.unended) writeSegment(path, fd, { sessions, malformed: bad, bytes: read.end, lines: folded.lines + read.lines });
    if (only === keep) return { path, sessions };
    return { path, sessions: new Map([...sessions].filter(([id]) => keep!(id))) };
  } catch (e) {
    if (e instanceof LoreError || !(e as NodeJS.ErrnoException).code) throw e;
    throw unreadable(path, e as NodeJS.ErrnoException);
  } finally {
    closeSync(fd);
  }
}

/** Appends whole lines in one O_APPEND write, so concurrent writers never interleave. */
export function appendIndexLines(path: string, lines: IndexLine[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, lines.map((l) => formatIndexLine(l) + '\n').join(''), { flag: 'a' });
}

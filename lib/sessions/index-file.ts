import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { indexReadFault, indexWriteFault } from './index-faults.js';
import { BadLine, foldLine, formatIndexLine, parseIndexLine, type IndexLine } from './index-line.js';
import type { Session } from './session.js';

export type Warn = (message: string) => void;

export interface SessionIndex {
  path: string;
  /** Sessions by id, in order of first appearance. */
  sessions: Map<string, Session>;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw indexReadFault(path, e);
  }
}

/**
 * Reads and folds the whole index. A line that cannot be used is reported once,
 * with file and line number, and skipped; the reader never rewrites the file. With
 * `keep`, every line is still checked but only the sessions whose id it accepts are
 * kept: a command after one session need not hold (and garbage-collect) thousands.
 */
export function readIndex(path: string, warn: Warn, keep?: (id: string) => boolean): SessionIndex {
  const sessions = new Map<string, Session>();
  const text = readText(path);
  let lineNo = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw === '') continue;
    try {
      const line = parseIndexLine(raw);
      if (!keep || keep(line.id)) sessions.set(line.id, foldLine(sessions.get(line.id), line));
    } catch (e) {
      if (!(e instanceof BadLine)) throw e;
      warn(`Warning: ${path}:${lineNo}: skipped a malformed session line (${e.message})`);
    }
  }
  return { path, sessions };
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

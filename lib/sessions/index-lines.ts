import { readSync } from 'node:fs';

const CHUNK = 1 << 20;

export interface LinesRead {
  /** The byte offset just after the last newline read: what a later read may start from. */
  end: number;
  /** Newline-ended lines read (a last line without one is passed on but not counted). */
  lines: number;
  /** Whether the file went on after `end` with a line that has no newline (yet). */
  unended: boolean;
}

/**
 * Passes each line of the open file `fd` from byte `from` to `onLine`, trimmed, with its
 * 1-based number counted from `firstLineNo`, blank lines counted but not passed. Reads a
 * chunk at a time, so a year of index lines costs one chunk of memory, not the whole file.
 * A newline byte is never inside a UTF-8 sequence, so lines decode as the whole file would.
 */
export function forEachLine(fd: number, from: number, firstLineNo: number, onLine: (text: string, lineNo: number) => void): LinesRead {
  const buf = Buffer.allocUnsafe(CHUNK);
  let carry: Buffer | null = null;
  let pos = from;
  let end = from;
  let lineNo = firstLineNo;
  const emit = (bytes: Buffer, start: number, stop: number) => {
    const text = bytes.toString('utf8', start, stop).trim();
    if (text !== '') onLine(text, lineNo);
    lineNo++;
  };
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, pos);
    if (n === 0) break;
    pos += n;
    const bytes: Buffer = carry ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
    let start = 0;
    for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
      emit(bytes, start, nl);
      start = nl + 1;
    }
    end = pos - (bytes.length - start);
    // The unfinished line is copied out: `buf` is overwritten by the next read.
    carry = start < bytes.length ? Buffer.from(bytes.subarray(start)) : null;
  }
  const unended = carry !== null && carry.length > 0;
  if (carry && unended) emit(carry, 0, carry.length);
  return { end, lines: lineNo - firstLineNo - (unended ? 1 : 0), unended };
}

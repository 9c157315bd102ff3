import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { IndexLine } from '../sessions/index-line.js';
import type { ImportContext, Importer } from '../sessions/importers/importer.js';
import { changeLine, type LogProgress } from '../sessions/importers/progress.js';
import type { LogState } from '../sessions/importers/state.js';
import type { Warn } from './deps.js';
import { importWarnings } from './import-warnings.js';

/** What one log added: its new index lines, and its state to remember (none: read it again next time). */
export type LogOutcome = 'unchanged' | { lines: IndexLine[]; state?: LogState; skipped: number };

/** Reads what one log added since `known`; a log that cannot be read is warned about and left as it was. */
export function importLog(importer: Importer, path: string, known: LogState | undefined, since: number | undefined, ctx: ImportContext, warn: Warn): LogOutcome {
  let bytes: Buffer;
  let size: number;
  let mtimeMs: number;
  let birthtimeMs: number;
  // A log that shrank was rewritten, not appended to: it is read again from the start.
  // So is a document on every change: the tool rewrites it whole.
  let from = 0;
  try {
    ({ size, mtimeMs, birthtimeMs } = statSync(path));
    if (known && known.size === size && known.mtimeMs === mtimeMs) return 'unchanged';
    if (known && importer.shape === 'lines' && size >= known.offset) from = known.offset;
    bytes = readBytes(path, from, size);
  } catch (e) {
    warn(importWarnings.unreadableLog(path, reason(e)));
    return 'unchanged';
  }
  const log = { path, mtimeMs, birthtimeMs };
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
  if (malformed > 0) warn(importWarnings.malformed(path, malformed));
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
  // Unzeroed: only the bytes read are returned.
  const buf = Buffer.allocUnsafe(to - from);
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
  return { lines: decodeLines(buf, end), consumed: end };
}

/**
 * The text of `buf` up to `end`, split at newlines, each line decoded by itself. UTF-8 never
 * has a newline byte inside a character, so this is the same as decoding first and splitting
 * after; but one non-ASCII character makes the whole decoded file a two-byte string, slow to
 * make and to parse, where decoded line by line only the lines that hold one are (3-5x faster
 * over agents' logs, whose few non-ASCII characters are in a few lines).
 */
function decodeLines(buf: Buffer, end: number): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = buf.indexOf(0x0a, start); nl !== -1 && nl < end; nl = buf.indexOf(0x0a, start)) {
    lines.push(buf.toString('utf8', start, nl));
    start = nl + 1;
  }
  lines.push(buf.toString('utf8', start, end));
  return lines;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message;
}

import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LoreError } from '../errors.js';
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
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return '';
    throw new LoreError(
      'INDEX_UNREADABLE',
      `cannot read the session index ${path}: ${err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message}`,
      'Point LORE_HOME or the sessionIndex setting at a readable sessions.jsonl.',
    );
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

/** Appends whole lines in one O_APPEND write, so concurrent writers never interleave. */
export function appendIndexLines(path: string, lines: IndexLine[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, lines.map((l) => formatIndexLine(l) + '\n').join(''), { flag: 'a' });
}

import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { asRecord, isImportTool, type LogProgress } from './progress.js';

/**
 * What `lore import` has read of each agent log, so the next import reads only what
 * was added. Losing it is safe: the logs are read again from the start, and lines
 * written twice fold to the same sessions (CONTRACT §1).
 */
export interface LogState {
  size: number;
  mtimeMs: number;
  /** Byte offset just past the last complete line read (a whole document: its size). */
  offset: number;
  /** What the log said up to `offset`, to read on from: one session per JSON Lines log, any number per document. */
  sessions: LogProgress[];
}

export interface ImportState {
  /** By absolute path of the log file. */
  logs: Record<string, LogState>;
}

/** Version 1 kept one `progress` per log; it reads as a list of one. */
const VERSION = 2;

function isProgress(value: unknown): value is LogProgress {
  const p = asRecord(value);
  return (
    p !== undefined &&
    isImportTool(p.tool) &&
    Array.isArray(p.files) &&
    p.files.every((f) => typeof f === 'string') &&
    typeof p.main === 'boolean'
  );
}

function toLogState(value: unknown, version: number): LogState | undefined {
  const s = asRecord(value);
  if (s === undefined || ![s.size, s.mtimeMs, s.offset].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return undefined;
  const sessions = version === 1 ? [s.progress] : s.sessions;
  if (!Array.isArray(sessions) || !sessions.every(isProgress)) return undefined;
  return { size: s.size as number, mtimeMs: s.mtimeMs as number, offset: s.offset as number, sessions };
}

/** Why some or all of the state could not be used: those logs are read from the start. */
export type StateWarning =
  | { kind: 'unreadable'; path: string; why: string }
  | { kind: 'unknown'; path: string }
  | { kind: 'dropped'; path: string; count: number };

/** A missing file is an empty state; an unusable one is too, with a warning. */
export function readImportState(path: string, warn: (w: StateWarning) => void): ImportState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT') warn({ kind: 'unreadable', path, why: err.code ?? err.message });
    return { logs: {} };
  }
  let obj: Record<string, unknown> | undefined;
  try {
    obj = asRecord(JSON.parse(text));
  } catch {
    obj = undefined;
  }
  const logs = asRecord(obj?.logs);
  const version = obj?.version;
  if ((version !== 1 && version !== VERSION) || !logs) {
    warn({ kind: 'unknown', path });
    return { logs: {} };
  }
  const state: ImportState = { logs: {} };
  let dropped = 0;
  for (const [file, entry] of Object.entries(logs)) {
    const log = toLogState(entry, version as number);
    if (log) state.logs[file] = log;
    else dropped++;
  }
  if (dropped > 0) warn({ kind: 'dropped', path, count: dropped });
  return state;
}

/** Temp file, fsync, rename: a reader sees the old state or the new one, never half. */
export function writeImportState(path: string, state: ImportState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify({ version: VERSION, logs: state.logs }) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

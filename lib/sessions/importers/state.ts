import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { importText } from '../../cli/import-text.js';
import { asRecord, type LogProgress } from './progress.js';

/**
 * What `lore import` has read of each agent log, so the next import reads only what
 * was added. Losing it is safe: the logs are read again from the start, and lines
 * written twice fold to the same sessions (CONTRACT §1).
 */
export interface LogState {
  size: number;
  mtimeMs: number;
  /** Byte offset just past the last complete line read. */
  offset: number;
  /** What the lines before `offset` said, to read on from. */
  progress: LogProgress;
}

export interface ImportState {
  /** By absolute path of the log file. */
  logs: Record<string, LogState>;
}

const VERSION = 1;

function isProgress(value: unknown): value is LogProgress {
  const p = asRecord(value);
  return (
    p !== undefined &&
    (p.tool === 'claude-code' || p.tool === 'codex') &&
    Array.isArray(p.files) &&
    p.files.every((f) => typeof f === 'string') &&
    typeof p.main === 'boolean'
  );
}

function isLogState(value: unknown): value is LogState {
  const s = asRecord(value);
  return (
    s !== undefined &&
    [s.size, s.mtimeMs, s.offset].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
    isProgress(s.progress)
  );
}

/** A missing file is an empty state; an unusable one is too, with a warning. */
export function readImportState(path: string, warn: (message: string) => void): ImportState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT') warn(importText.stateUnreadable(path, err.code ?? err.message));
    return { logs: {} };
  }
  let obj: Record<string, unknown> | undefined;
  try {
    obj = asRecord(JSON.parse(text));
  } catch {
    obj = undefined;
  }
  const logs = asRecord(obj?.logs);
  if (obj?.version !== VERSION || !logs) {
    warn(importText.stateUnknown(path));
    return { logs: {} };
  }
  const state: ImportState = { logs: {} };
  let dropped = 0;
  for (const [file, entry] of Object.entries(logs)) {
    if (isLogState(entry)) state.logs[file] = entry;
    else dropped++;
  }
  if (dropped > 0) warn(importText.stateEntriesDropped(path, dropped));
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

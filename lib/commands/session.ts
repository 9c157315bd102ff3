import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Io } from '../cli/io.js';
import { LoreError } from '../errors.js';
import { appendIndexLines } from '../sessions/index-file.js';
import { normaliseId } from '../sessions/session.js';

/**
 * `lore session start|touch|end`: what an agent hook or a person calls to tell lore
 * about a session as it happens. Each call appends one line (CONTRACT §1), so an
 * unknown id is fine: the lines fold together whatever order they arrive in.
 */

export interface SessionStartOptions {
  indexPath: string;
  /** Default: a new UUID. */
  id?: string;
  /** Default: `manual`. */
  tool?: string;
  /** Default: the current directory. */
  cwd?: string;
  branch?: string;
  /** `[]` for a tool whose hooks report every edit: the session has file data from its start. */
  files?: string[];
}

export interface SessionTouchOptions {
  indexPath: string;
  id: string;
  files: string[];
  /** What relative FILE arguments are relative to; default: the current directory. */
  cwd?: string;
}

export interface SessionEndOptions {
  indexPath: string;
  id: string;
}

function sessionId(id: string | undefined): string {
  const trimmed = id?.trim() ?? '';
  if (trimmed === '') throw new LoreError('BAD_ARGUMENT', 'the session id is empty', 'Pass the id `lore session start` printed.');
  return normaliseId(trimmed);
}

/** Appends the session's first line and prints its id, for the caller to keep. */
export async function sessionStart(opts: SessionStartOptions, io: Io): Promise<string> {
  const id = opts.id === undefined ? randomUUID() : sessionId(opts.id);
  appendIndexLines(opts.indexPath, [
    {
      id,
      tool: opts.tool ?? 'manual',
      cwd: resolve(opts.cwd ?? process.cwd()),
      branch: opts.branch,
      startedAt: Date.now(),
      endedAt: null,
      files: opts.files,
    },
  ]);
  io.out(id);
  return id;
}

/**
 * Records files the session changed. They are stored absolute: a FILE relative to
 * where the command runs need not be relative to the session's directory.
 */
export async function sessionTouch(opts: SessionTouchOptions, _io: Io): Promise<void> {
  const id = sessionId(opts.id);
  const files = opts.files.filter((f) => f.trim() !== '');
  if (files.length === 0) throw new LoreError('BAD_ARGUMENT', 'no file to record', 'Usage: lore session touch ID FILE...');
  const base = resolve(opts.cwd ?? process.cwd());
  appendIndexLines(opts.indexPath, [{ id, files: [...new Set(files.map((f) => resolve(base, f)))], seenAt: Date.now() }]);
}

export async function sessionEnd(opts: SessionEndOptions, _io: Io): Promise<void> {
  appendIndexLines(opts.indexPath, [{ id: sessionId(opts.id), endedAt: Date.now() }]);
}

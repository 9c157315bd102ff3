import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { LoreError } from '../errors.js';
import { appendIndexLines, readIndex } from '../sessions/index-file.js';
import { findSession, matchesAnyPrefix } from '../sessions/lookup.js';
import type { PlannedLink } from '../links/apply.js';
import { normaliseId, type Session } from '../sessions/session.js';
import type { CommandDeps } from './deps.js';
import { linkEndedSessions } from './link-session-end.js';

/**
 * `lore session start|touch|end`: what a person or a script calls to tell lore about a
 * session as it happens. Each call appends one line (CONTRACT §1). touch and end name a
 * session lore knows, by id or unique prefix, as every other command does; the agents'
 * hooks, whose ids come from the agent, record through recordTouch and recordEnd, which
 * accept an id the index has not seen yet (lines fold together in any order).
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
  /** The agent's log of the session, when its hook names it. */
  log?: string;
}

export interface SessionTouchOptions {
  indexPath: string;
  /** A session id or unique prefix. */
  id: string;
  files: string[];
  /** What relative FILE arguments are relative to; default: the current directory. */
  cwd?: string;
}

export interface SessionEndOptions {
  indexPath: string;
  /** A session id or unique prefix. */
  id: string;
  /** Link the session to its commits now (default); false: `--no-link`. */
  link?: boolean;
}

function sessionId(id: string | undefined): string {
  const trimmed = id?.trim() ?? '';
  if (trimmed === '') throw new LoreError('BAD_ARGUMENT', 'the session id is empty', 'Pass the id `lore session start` printed.');
  return normaliseId(trimmed);
}

/** The one indexed session a prefix names; an unknown or ambiguous one is an error. */
function knownSession(indexPath: string, prefix: string | undefined, deps: Pick<CommandDeps, 'warn'>): Session {
  const wanted = sessionId(prefix);
  const index = readIndex(indexPath, deps.warn, matchesAnyPrefix([wanted]));
  return findSession(index.sessions, wanted);
}

/** Appends the session's first line; returns its id, for the caller to keep. */
export async function sessionStart(opts: SessionStartOptions): Promise<string> {
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
      log: opts.log,
    },
  ]);
  return id;
}

function filesToRecord(files: string[]): string[] {
  const wanted = files.filter((f) => f.trim() !== '');
  if (wanted.length === 0) throw new LoreError('BAD_ARGUMENT', 'no file to record', 'Usage: lore session touch ID FILE...');
  return wanted;
}

export interface TouchOptions {
  /** What relative files are relative to; default: the current directory. */
  cwd?: string;
  /** The line also says the session is active again (a Codex tool call after its Stop). */
  reopen?: boolean;
}

/**
 * Records files the session changed, whether or not the index knows the id yet. They are
 * stored absolute: a FILE relative to where the command runs need not be relative to the
 * session's directory.
 */
export function recordTouch(indexPath: string, id: string, files: string[], opts: TouchOptions = {}): void {
  const wanted = filesToRecord(files);
  const base = resolve(opts.cwd ?? process.cwd());
  const reopen = opts.reopen ? { endedAt: null } : {};
  appendIndexLines(indexPath, [{ id: sessionId(id), files: [...new Set(wanted.map((f) => resolve(base, f)))], seenAt: Date.now(), ...reopen }]);
}

/** Records the session's end, whether or not the index knows the id yet; `log`: the agent's log, when its hook names it. */
export function recordEnd(indexPath: string, id: string, log?: string): void {
  appendIndexLines(indexPath, [{ id: sessionId(id), endedAt: Date.now(), log }]);
}

export async function sessionTouch(opts: SessionTouchOptions, deps: Pick<CommandDeps, 'warn'>): Promise<void> {
  filesToRecord(opts.files); // before the index is read: a missing FILE is a usage error, whatever the id
  recordTouch(opts.indexPath, knownSession(opts.indexPath, opts.id, deps).id, opts.files, { cwd: opts.cwd });
}

/**
 * Ends the session, then links it to the commits made in its window (see link-session-end.ts).
 * A session that has ended keeps its end: a second `end` must not stretch its window over
 * commits made since. Returns the links that are new.
 */
export async function sessionEnd(opts: SessionEndOptions, deps: Pick<CommandDeps, 'warn'>): Promise<PlannedLink[]> {
  const { id, endedAt } = knownSession(opts.indexPath, opts.id, deps);
  if (endedAt === null) recordEnd(opts.indexPath, id);
  if (opts.link === false) return [];
  return linkEndedSessions(opts.indexPath, [id], deps.warn);
}

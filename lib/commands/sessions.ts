import { isoSeconds } from '../time.js';
import type { Session } from '../sessions/session.js';
import { isStale } from '../sessions/session.js';
import { isInside } from '../linking/facts.js';
import { readIndex, type SessionIndex } from '../sessions/index-file.js';
import type { CommandDeps, Warn } from './deps.js';
import { realDir } from './place.js';
import { sessionIndexPath } from './workspace.js';

export interface SessionsOptions {
  cwd: string;
  limit?: number;
  /** Only sessions whose directory is this one or inside it (`--repo DIR`, `--here`). */
  within?: string;
}

/** What `lore sessions` found: the sessions to show, newest first, and what the text says around them. */
export interface SessionsResult {
  /** The index file read. */
  path: string;
  /** The directory asked about, resolved as the filter compared it. */
  within?: string;
  /** How many sessions there are to show before the limit: all the index's, or those within. */
  known: number;
  sessions: Session[];
  /** Every id of the index: short ids are unique among all sessions, not only those shown. */
  ids: string[];
  /** The time `stale` was judged at, so text and JSON agree. */
  now: number;
}

export function sessionJson(s: Session, now = Date.now()) {
  return {
    id: s.id,
    tool: s.tool ?? null,
    title: s.title ?? null,
    cwd: s.cwd ?? null,
    branch: s.branch ?? null,
    branches: s.branches,
    started_at: s.startedAt === undefined ? null : isoSeconds(s.startedAt),
    ended_at: s.endedAt === null ? null : isoSeconds(s.endedAt),
    active: s.endedAt === null,
    stale: isStale(s, now),
    files: s.files,
  };
}

/** `lore sessions --json`, and what lore_list_sessions filters. */
export function sessionsJson(r: SessionsResult) {
  return r.sessions.map((s) => sessionJson(s, r.now));
}

/**
 * The index, or with a limit only the sessions that can be among the `limit` newest: a
 * first read learns every start from the summaries alone, the second parses only those
 * that start no earlier than the limit-th newest (ties are all kept, for the stable sort).
 */
function newest(path: string, warn: Warn, limit?: number): { index: SessionIndex; ids: string[] } {
  if (limit === undefined || limit < 0) {
    const index = readIndex(path, warn);
    return { index, ids: [...index.sessions.keys()] };
  }
  // Every id still counts: short ids are unique among all sessions, not only those shown.
  const starts: number[] = [];
  const ids: string[] = [];
  readIndex(path, () => {}, (id, s) => {
    ids.push(id);
    starts.push(s.startedAt ?? 0);
    return false;
  });
  starts.sort((a, b) => b - a);
  const from = limit === 0 ? Infinity : starts.length > limit ? starts[limit - 1] : -Infinity;
  return { index: readIndex(path, warn, (_, s) => (s.startedAt ?? 0) >= from), ids };
}

/** `lore sessions`: what the index knows, newest first, so a user can find an id. */
export async function listSessions(opts: SessionsOptions, deps: Pick<CommandDeps, 'warn'>): Promise<SessionsResult> {
  const { index, ids } = newest(await sessionIndexPath(opts.cwd), deps.warn, opts.within === undefined ? opts.limit : undefined);
  const within = opts.within === undefined ? undefined : realDir(opts.within);
  const list = [...index.sessions.values()]
    .filter((s) => within === undefined || (s.cwd !== undefined && isInside(realDir(s.cwd), within)))
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  const known = within === undefined ? ids.length : list.length;
  const sessions = opts.limit === undefined ? list : list.slice(0, opts.limit);
  return { path: index.path, within, known, sessions, ids, now: Date.now() };
}

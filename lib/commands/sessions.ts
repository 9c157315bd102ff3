import { columns, formatMinute } from '../cli/format.js';
import { isoSeconds } from '../time.js';
import type { Io } from '../io.js';
import type { Session } from '../sessions/session.js';
import { abbreviations, isStale } from '../sessions/session.js';
import { isInside } from '../linking/facts.js';
import { readIndex, type SessionIndex } from '../sessions/index-file.js';
import { realDir } from './place.js';
import { sessionIndexPath } from './workspace.js';

export interface SessionsOptions {
  cwd: string;
  json: boolean;
  limit?: number;
  /** Only sessions whose directory is this one or inside it (`--repo DIR`, `--here`). */
  within?: string;
}

const TITLE_WIDTH = 60;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_WIDTH ? line : line.slice(0, TITLE_WIDTH - 1).trimEnd() + '…';
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

/**
 * The index, or with a limit only the sessions that can be among the `limit` newest: a
 * first read learns every start from the summaries alone, the second parses only those
 * that start no earlier than the limit-th newest (ties are all kept, for the stable sort).
 */
function newest(path: string, io: Io, limit?: number): { index: SessionIndex; ids: string[] } {
  if (limit === undefined || limit < 0) {
    const index = readIndex(path, (w) => io.err(w));
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
  return { index: readIndex(path, (w) => io.err(w), (_, s) => (s.startedAt ?? 0) >= from), ids };
}

/** `lore sessions`: what the index knows, newest first, so a user can find an id. */
export async function listSessions(opts: SessionsOptions, io: Io): Promise<void> {
  const { index, ids } = newest(await sessionIndexPath(opts.cwd), io, opts.within === undefined ? opts.limit : undefined);
  const within = opts.within === undefined ? undefined : realDir(opts.within);
  let list = [...index.sessions.values()]
    .filter((s) => within === undefined || (s.cwd !== undefined && isInside(realDir(s.cwd), within)))
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  const known = within === undefined ? ids.length : list.length;
  if (opts.limit !== undefined) list = list.slice(0, opts.limit);
  const now = Date.now();
  if (opts.json) {
    io.out(JSON.stringify(list.map((s) => sessionJson(s, now)), null, 2));
    return;
  }
  if (known === 0) {
    io.out(within === undefined ? `No sessions in ${index.path}` : `No sessions in ${within} (of those in ${index.path})`);
    return;
  }
  // --limit 0 asks for no rows: say how many there are rather than that there are none.
  if (list.length === 0) {
    io.out(`${known} session(s) in ${index.path}; --limit 0 shows none`);
    return;
  }
  const short = abbreviations(ids);
  const rows = [['SESSION', 'STARTED', 'ENDED', 'TOOL', 'DIRECTORY', 'BRANCH', 'TITLE']];
  for (const s of list) {
    rows.push([
      short.get(s.id)!,
      s.startedAt === undefined ? '?' : formatMinute(s.startedAt),
      s.endedAt !== null ? formatMinute(s.endedAt) : isStale(s, now) ? 'stale' : 'active',
      s.tool ?? '-',
      s.cwd ?? '?',
      s.branch ?? '-',
      s.title === undefined ? '-' : clip(s.title),
    ]);
  }
  for (const line of columns(rows)) io.out(line);
}

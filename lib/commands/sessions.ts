import { columns, formatMinute, isoSeconds } from '../cli/format.js';
import type { Io } from '../cli/io.js';
import type { Session } from '../sessions/session.js';
import { shortId } from '../sessions/session.js';
import { readIndex, type SessionIndex } from '../sessions/index-file.js';
import { sessionIndexPath } from './workspace.js';

export interface SessionsOptions {
  cwd: string;
  json: boolean;
  limit?: number;
}

export function sessionJson(s: Session) {
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
    files: s.files,
  };
}

/**
 * The index, or with a limit only the sessions that can be among the `limit` newest: a
 * first read learns every start from the summaries alone, the second parses only those
 * that start no earlier than the limit-th newest (ties are all kept, for the stable sort).
 */
function newest(path: string, io: Io, limit?: number): SessionIndex {
  if (limit === undefined || limit < 0) return readIndex(path, (w) => io.err(w));
  const starts: number[] = [];
  readIndex(path, () => {}, (_, s) => {
    starts.push(s.startedAt ?? 0);
    return false;
  });
  starts.sort((a, b) => b - a);
  const from = limit === 0 ? Infinity : starts.length > limit ? starts[limit - 1] : -Infinity;
  return readIndex(path, (w) => io.err(w), (_, s) => (s.startedAt ?? 0) >= from);
}

/** `lore sessions`: what the index knows, newest first, so a user can find an id. */
export async function listSessions(opts: SessionsOptions, io: Io): Promise<void> {
  const index = newest(await sessionIndexPath(opts.cwd), io, opts.limit);
  let list = [...index.sessions.values()].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  if (opts.limit !== undefined && opts.limit >= 0) list = list.slice(0, opts.limit);
  if (opts.json) {
    io.out(JSON.stringify(list.map(sessionJson), null, 2));
    return;
  }
  if (list.length === 0) {
    io.out(`No sessions in ${index.path}`);
    return;
  }
  const rows = [['SESSION', 'STARTED', 'ENDED', 'TOOL', 'DIRECTORY', 'BRANCH']];
  for (const s of list) {
    rows.push([
      shortId(s.id),
      s.startedAt === undefined ? '?' : formatMinute(s.startedAt),
      s.endedAt === null ? 'active' : formatMinute(s.endedAt),
      s.tool ?? '-',
      s.cwd ?? '?',
      s.branch ?? '-',
    ]);
  }
  for (const line of columns(rows)) io.out(line);
}

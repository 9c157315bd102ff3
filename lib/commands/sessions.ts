import { columns, formatMinute, isoSeconds } from '../cli/format.js';
import type { Io } from '../cli/io.js';
import type { Session } from '../sessions/session.js';
import { isStale, shortId } from '../sessions/session.js';
import { loadIndex } from './workspace.js';

export interface SessionsOptions {
  cwd: string;
  json: boolean;
  limit?: number;
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

/** `lore sessions`: what the index knows, newest first, so a user can find an id. */
export async function listSessions(opts: SessionsOptions, io: Io): Promise<void> {
  const index = await loadIndex(opts.cwd, io);
  let list = [...index.sessions.values()].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  if (opts.limit !== undefined && opts.limit >= 0) list = list.slice(0, opts.limit);
  const now = Date.now();
  if (opts.json) {
    io.out(JSON.stringify(list.map((s) => sessionJson(s, now)), null, 2));
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
      s.endedAt !== null ? formatMinute(s.endedAt) : isStale(s, now) ? 'stale' : 'active',
      s.tool ?? '-',
      s.cwd ?? '?',
      s.branch ?? '-',
    ]);
  }
  for (const line of columns(rows)) io.out(line);
}

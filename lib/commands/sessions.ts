import { columns, formatMinute, isoSeconds } from '../cli/format.js';
import type { Io } from '../cli/io.js';
import type { Session } from '../sessions/session.js';
import { abbreviations } from '../sessions/session.js';
import { loadIndex } from './workspace.js';

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

/** `lore sessions`: what the index knows, newest first, so a user can find an id. */
export async function listSessions(opts: SessionsOptions, io: Io): Promise<void> {
  const index = await loadIndex(opts.cwd, io);
  let list = [...index.sessions.values()].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  const known = list.length;
  if (opts.limit !== undefined) list = list.slice(0, opts.limit);
  if (opts.json) {
    io.out(JSON.stringify(list.map(sessionJson), null, 2));
    return;
  }
  if (known === 0) {
    io.out(`No sessions in ${index.path}`);
    return;
  }
  // --limit 0 asks for no rows: say how many there are rather than that there are none.
  if (list.length === 0) {
    io.out(`${known} session(s) in ${index.path}; --limit 0 shows none`);
    return;
  }
  const short = abbreviations(index.sessions.keys());
  const rows = [['SESSION', 'STARTED', 'ENDED', 'TOOL', 'DIRECTORY', 'BRANCH']];
  for (const s of list) {
    rows.push([
      short.get(s.id)!,
      s.startedAt === undefined ? '?' : formatMinute(s.startedAt),
      s.endedAt === null ? 'active' : formatMinute(s.endedAt),
      s.tool ?? '-',
      s.cwd ?? '?',
      s.branch ?? '-',
    ]);
  }
  for (const line of columns(rows)) io.out(line);
}

import type { Io } from '../cli/io.js';
import { findSession } from '../sessions/lookup.js';
import type { Session } from '../sessions/session.js';
import { linkSessionsToCommit } from './link-one-commit.js';
import { openWorkspace } from './workspace.js';

export interface ManualLinkOptions {
  cwd: string;
  sessions: string[];
  commit: string;
  dryRun: boolean;
}

/** `lore link <SESSION>...`: every prefix must resolve before anything is written. */
export async function linkManual(opts: ManualLinkOptions, io: Io): Promise<void> {
  const { repo, index } = await openWorkspace(opts.cwd, io);
  const commit = await repo.resolveCommit(opts.commit);
  const sessions = new Map<string, Session>();
  for (const prefix of opts.sessions) {
    const s = findSession(index.sessions, prefix);
    sessions.set(s.id, s);
  }
  await linkSessionsToCommit(repo, commit, [...sessions.values()], 'manual', opts.dryRun, io);
}

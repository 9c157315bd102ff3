import type { Io } from '../io.js';
import type { CommitInfo, Repo } from '../git/repo.js';
import type { LinkReport } from '../links/link-report.js';
import { findSession, matchesAnyPrefix } from '../sessions/lookup.js';
import type { Session } from '../sessions/session.js';
import { linkSessionsToCommit } from './link-one-commit.js';
import { openWorkspace } from './workspace.js';

export interface ManualLinkOptions {
  cwd: string;
  sessions: string[];
  commit: string;
  dryRun: boolean;
  report?: LinkReport;
}

export interface ManualTarget {
  repo: Repo;
  commit: CommitInfo;
  sessions: Session[];
}

/**
 * The commit, then every session prefix, resolved before anything is written. With
 * `willWrite`, the writer loads while git resolves the commit and the identity.
 */
export async function resolveManualLink(cwd: string, prefixes: string[], ref: string, io: Io, willWrite = false): Promise<ManualTarget> {
  const { repo, index } = await openWorkspace(cwd, (line) => io.err(line), matchesAnyPrefix(prefixes));
  const resolving = repo.resolveCommit(ref);
  if (willWrite) repo.prepareWrite();
  const commit = await resolving;
  const sessions = new Map<string, Session>();
  for (const prefix of prefixes) {
    const s = findSession(index.sessions, prefix);
    sessions.set(s.id, s);
  }
  return { repo, commit, sessions: [...sessions.values()] };
}

/** `lore link <SESSION>...`: if any prefix fails, nothing is written. */
export async function linkManual(opts: ManualLinkOptions, io: Io): Promise<void> {
  const { repo, commit, sessions } = await resolveManualLink(opts.cwd, opts.sessions, opts.commit, io, !opts.dryRun);
  await linkSessionsToCommit(repo, commit, sessions.map((session) => ({ session, method: 'manual' })), opts.dryRun, io, opts.report);
}

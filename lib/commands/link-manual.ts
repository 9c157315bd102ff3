import { findSession, matchesAnyPrefix } from '../sessions/lookup.js';
import type { Session } from '../sessions/session.js';
import type { CommandDeps } from './deps.js';
import { oneCommitPlan, type OneCommitPlan } from './link-one-commit.js';
import { openWorkspace } from './workspace.js';

export interface ManualLinkOptions {
  cwd: string;
  sessions: string[];
  commit: string;
  /** The links will be written: the writer loads while git resolves the commit and the identity. */
  prepareWrite?: boolean;
}

/**
 * `lore link <SESSION>...` (and the MCP server's lore_link): the commit, then every
 * session prefix, resolved before anything is written; if any prefix fails, nothing is.
 */
export async function planManual(opts: ManualLinkOptions, deps: Pick<CommandDeps, 'warn'>): Promise<OneCommitPlan> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn, matchesAnyPrefix(opts.sessions));
  const resolving = repo.resolveCommit(opts.commit);
  if (opts.prepareWrite) repo.prepareWrite();
  const commit = await resolving;
  const sessions = new Map<string, Session>();
  for (const prefix of opts.sessions) {
    const s = findSession(index.sessions, prefix);
    sessions.set(s.id, s);
  }
  return oneCommitPlan(repo, commit, [...sessions.values()].map((session) => ({ session, method: 'manual' })));
}

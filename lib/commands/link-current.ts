import { findGitRoot } from '../git/discover.js';
import { skipOf, type ReportedSkip } from '../links/link-report.js';
import { commitDistance } from '../linking/auto.js';
import { decideCurrent, isCurrent, mayBeCurrent, planCurrent } from '../linking/current.js';
import type { CommitFacts } from '../linking/facts.js';
import { linkSignals } from '../linking/signals.js';
import type { CommandDeps } from './deps.js';
import { oneCommitPlan, type OneCommitPlan } from './link-one-commit.js';
import { factsFor, placeSessions, realDir } from './place.js';
import { loadConfig } from '../config.js';
import { readIndex } from '../sessions/index-file.js';
import { importLiveLogs } from './import-live.js';
import { clearQuietMarker, writeQuietMarker } from './quiet-marker.js';

export interface CurrentLinkOptions {
  cwd: string;
  commit: string;
  now?: number;
}

/**
 * What `lore link --current` found: no current session in the repository at `root`, or
 * `found` of them, the ones the evidence took off the commit (`skipped`) and the links
 * for the rest (none: no session edited the commit's files).
 */
export type CurrentPlan =
  | { kind: 'none'; root: string }
  | { kind: 'found'; root: string; found: number; skipped: ReportedSkip[]; target: OneCommitPlan };

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * `lore link --current`: what the post-commit hook runs on every commit. The hook
 * passes the new commit's full SHA; then the common case, no active session, is
 * answered from the index alone, before git or nodegit (~55 ms to load) is touched.
 * Any other ref is resolved first, so a bad one is always an error. Of the current
 * sessions, the evidence (decideCurrent) links those that made the commit.
 */
export async function planLinkCurrent(opts: CurrentLinkOptions, deps: Pick<CommandDeps, 'warn'>): Promise<CurrentPlan> {
  const root = findGitRoot(realDir(opts.cwd));
  const { sessionIndex } = await loadConfig(opts.cwd, root ?? undefined);
  const stamp = await importLiveLogs(sessionIndex, root);
  const now = opts.now ?? Date.now();
  // Only the current sessions are parsed: a year of ended ones is judged by its summaries.
  const index = readIndex(sessionIndex, deps.warn, (_, s) => mayBeCurrent(s, now));
  const placed = placeSessions(index, (s) => isCurrent(s, now));
  if (root !== null) {
    if (placed.length === 0) writeQuietMarker(root, stamp);
    else clearQuietMarker(root);
  }
  if (root !== null && FULL_SHA.test(opts.commit) && planCurrent(placed, root, now).length === 0) return { kind: 'none', root };
  const { openRepo } = await import('../git/nodegit-repo.js');
  const repo = await openRepo(opts.cwd);
  const current = factsFor(planCurrent(placed, repo.root, now), repo.root);
  // The commit's files only matter against file data: without any, one git call fewer.
  const { commit, files } = current.some((f) => f.files !== null)
    ? await repo.inspectCommit(opts.commit)
    : { commit: await repo.resolveCommit(opts.commit), files: null };
  if (current.length === 0) return { kind: 'none', root: repo.root };
  const { winners, losers } = decideCurrent(current, files, commit.time);
  const facts: CommitFacts = { ...commit, committerTime: commit.time };
  const links = winners.map((c) => ({
    session: c.facts.session,
    method: c.agentCommit ? ('agent-commit' as const) : ('current' as const),
    signals: linkSignals({ overlap: c.overlap, commitFiles: files?.length ?? null, distanceMs: commitDistance(c.facts.session, facts), agentCommit: c.agentCommit }),
  }));
  return {
    kind: 'found',
    root: repo.root,
    found: current.length,
    skipped: losers.map(({ claimant, loss }) => skipOf(claimant.id, commit.sha, loss)),
    target: oneCommitPlan(repo, commit, links),
  };
}

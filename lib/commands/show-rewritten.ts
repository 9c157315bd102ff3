import type { Repo } from '../git/repo.js';
import type { LinkedCommit } from './show.js';

/** A linked commit no ref reaches any more, and the live commit that replaced it, when one can be told. */
export interface RewrittenCommit {
  commit: LinkedCommit;
  as: LinkedCommit | null;
}

/**
 * Splits a session's commits into those a branch, tag or remote ref reaches and those an
 * amend or rebase left behind. The rewritten commit carries the link (the post-rewrite
 * hook and notes.rewriteRef copy it), and it keeps the author time and, mostly, the
 * subject: that pair names the replacement among the live commits. A commit the
 * repository lacks is kept as it is: nothing says it is dead.
 */
export async function splitRewritten(repo: Repo, commits: LinkedCommit[]): Promise<{ live: LinkedCommit[]; rewritten: RewrittenCommit[] }> {
  const dead = await repo.unreachable(commits.filter((c) => c.subject !== null).map((c) => c.sha));
  const live = commits.filter((c) => !dead.has(c.sha));
  const rewritten = commits
    .filter((c) => dead.has(c.sha))
    .map((commit) => ({ commit, as: live.find((l) => l.authorTime === commit.authorTime && l.subject === commit.subject) ?? null }));
  return { live, rewritten };
}

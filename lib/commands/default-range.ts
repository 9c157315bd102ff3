import { resolveRemote } from '../git/notes-sync.js';
import { remoteDefaultBranch } from '../git/range.js';
import type { Repo } from '../git/repo.js';

export interface ChosenRange {
  /** As the user would write it. */
  label: string;
  /** As rev-list reads it. */
  revs: string[];
}

const LAST = 100;

/**
 * The range `coverage` and `log` look at without one given: what the current branch adds to
 * the remote's default branch (a pull request's commits), else the last 100 commits.
 */
export async function chooseRange(repo: Repo, range: string | undefined): Promise<ChosenRange> {
  if (range !== undefined) return { label: range, revs: [range] };
  // The remote as sync chooses it: the branch's upstream remote, else origin.
  const remote = await resolveRemote(repo.root).catch(() => null);
  const base = remote === null ? null : await remoteDefaultBranch(repo.gitDir, remote);
  if (base !== null) return { label: `${base.replace(/^refs\/remotes\//, '')}..HEAD`, revs: ['HEAD', '--not', base] };
  return { label: `the last ${LAST} commits`, revs: [`--max-count=${LAST}`, 'HEAD'] };
}

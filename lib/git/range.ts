/**
 * Ranges and branches as git reads them: the commits a range holds, the branch tips, where a
 * branch forked, the upstream and the remote's default branch (for carry, coverage and log).
 */
import { LoreError } from '../errors.js';
import { git, GitFailed } from './git-cli.js';

/** The commits of `revs` (as rev-list reads them), newest first, merges left out. */
export async function nonMergeCommits(gitDir: string, revs: string[], since?: number): Promise<string[]> {
  const args = ['rev-list', '--no-merges', ...(since === undefined ? [] : [`--since=${Math.floor(since / 1000)}`]), ...revs, '--'];
  try {
    return (await git(gitDir, args)).split('\n').filter((l) => l !== '');
  } catch (e) {
    if (!(e instanceof GitFailed)) throw e;
    throw new LoreError('UNKNOWN_REF', `not a range git knows: ${revs.join(' ')}`, 'Give a range such as origin/main~10..origin/main, or a branch.');
  }
}

/** Tips of the local and remote-tracking branches: sha -> ref names pointing at it. */
export async function branchTips(gitDir: string): Promise<Map<string, string[]>> {
  const out = await git(gitDir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes']);
  const tips = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const [sha, ref] = line.split(' ');
    if (!sha || !ref || ref.endsWith('/HEAD')) continue;
    tips.set(sha, [...(tips.get(sha) ?? []), ref]);
  }
  return tips;
}

/** Where `tip` forked from `onto`: their merge base, or null when they share no history. */
export async function forkPoint(gitDir: string, tip: string, onto: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['merge-base', tip, onto])).trim() || null;
  } catch (e) {
    if (e instanceof GitFailed && e.exitCode === 1) return null;
    throw e;
  }
}

/** The full name of the current branch's upstream (`refs/remotes/origin/main`), or null. */
export async function upstreamRef(gitDir: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['rev-parse', '--symbolic-full-name', '@{upstream}'])).trim() || null;
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

export async function resolveSha(gitDir: string, rev: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['rev-parse', '-q', '--verify', `${rev}^{commit}`])).trim() || null;
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

/** The remote's default branch (`refs/remotes/origin/HEAD` -> `refs/remotes/origin/main`), or null when the clone does not know it. */
export async function remoteDefaultBranch(gitDir: string, remote: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['symbolic-ref', '-q', `refs/remotes/${remote}/HEAD`])).trim() || null;
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

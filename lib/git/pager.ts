import { gitRun } from './git-cli.js';

/**
 * The pager git would use here: `$GIT_PAGER`, `core.pager`, `$PAGER`, then git's built-in
 * default (`less`), as `git var GIT_PAGER` resolves them. null when git would not page:
 * its answer is `cat` (or nothing), or git cannot say.
 */
export async function gitPager(cwd: string): Promise<string | null> {
  try {
    const pager = (await gitRun(cwd, ['var', 'GIT_PAGER'], undefined, '-C')).toString('utf8').trim();
    return pager === '' || pager === 'cat' ? null : pager;
  } catch {
    return null;
  }
}

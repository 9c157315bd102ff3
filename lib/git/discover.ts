import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The top of the working tree around `dir`, found by looking for `.git` the way
 * git does, without loading nodegit. Used where only the location matters
 * (config search bounds, grouping sessions by repository).
 */
export function findGitRoot(dir: string): string | null {
  let current = dir;
  for (;;) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) {
      const st = statSync(dotGit);
      if (st.isDirectory() || st.isFile()) return current;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

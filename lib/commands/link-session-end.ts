import { spawn } from 'node:child_process';
import { isLoreError } from '../errors.js';
import { findGitRoot } from '../git/discover.js';
import { isDirectory } from '../is-directory.js';
import type { Placed } from '../linking/current.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import { readIndex, type Warn } from '../sessions/index-file.js';
import { gitSync } from '../git/git-sync.js';
import { backfillLinks, planRepo } from './link-backfill.js';
import { placeSessions } from './place.js';

/**
 * Linking at session end (issue 21), what the seed's daemon did: when a session ends, by
 * `lore session end`, an agent's end hook or an import that reads its end, lore links it to
 * the commits it made that no hook linked (a GUI client's, one made with LORE_SKIP=1, one
 * from another worktree). These are backfill's rules for just these sessions (the window
 * plus grace on author time, the user's own commits, file overlap where the session has
 * file data, commits already linked left alone), so the links say `method: backfill`.
 * One `git log` per repository, bounded by the earliest start. `git config
 * lore.linkOnEnd false` (in a repository, or --global) turns it off.
 */

/** Whether the repository's git config allows linking at session end (the default). */
function linkOnEnd(root: string): boolean {
  return gitSync(root, ['config', '--bool', 'lore.linkOnEnd']) !== 'false';
}

/** The sessions grouped by the git repository they ran in; one whose directory is gone or not in git drops out. */
function byRepository(placed: Placed[]): Map<string, Placed[]> {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const root = isDirectory(p.realCwd) ? findGitRoot(p.realCwd) : null;
    if (root === null) continue;
    groups.set(root, [...(groups.get(root) ?? []), p]);
  }
  return groups;
}

/** Links the ended sessions among `ids` to their commits; returns the links that are new. */
export async function linkEndedSessions(indexPath: string, ids: string[], warn: Warn): Promise<PlannedLink[]> {
  const wanted = new Set(ids);
  const index = readIndex(indexPath, warn, (id) => wanted.has(id));
  const links: PlannedLink[] = [];
  for (const [root, placed] of byRepository(placeSessions(index, (s) => s.endedAt !== null))) {
    if (!linkOnEnd(root)) continue;
    let planned: Awaited<ReturnType<typeof planRepo>>;
    try {
      planned = await planRepo(root, placed, false, true);
    } catch (e) {
      // A `.git` that git does not take for a repository: nothing there to link to.
      if (isLoreError(e) && e.code === 'NOT_A_REPO') continue;
      throw e;
    }
    links.push(...(await writeLinks(planned.plan.repo, backfillLinks(planned.plan.pairs, planned.plan.abbrev))));
  }
  return links;
}

/**
 * What an agent's end hook does: runs `lore hooks session-ended` for the session in a
 * detached process with no terminal, so the agent neither waits for it nor sees it.
 */
export function linkEndedInBackground(cwd: string, id: string): void {
  const child = spawn(process.execPath, [process.argv[1], 'hooks', 'session-ended', '--session', id], {
    cwd,
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => {}); // only an optimisation of a later backfill: never the agent's problem
  child.unref();
}

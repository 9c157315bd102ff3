import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The post-commit hook's way to skip starting node: when lore finds that no session in
 * the index is current (active, or ended within the grace period), it leaves
 * `.git/lore-quiet` saying which index, of which size, it read. The verdict can only
 * change when the index changes (time only makes sessions less current: ended ones
 * older, idle ones stale), so the hook
 * (hooks/post-commit) trusts it while the index has that size and is not newer than
 * the marker, whose mtime is set to the index's as lore saw it before reading.
 */
export const QUIET_MARKER = 'lore-quiet';

export interface IndexStamp {
  path: string;
  size: number | 'missing';
  mtime: Date | null;
}

/** Taken before the index is read, so that any later append makes the index newer. */
export function stampIndex(path: string): IndexStamp {
  try {
    const st = statSync(path);
    // utimes keeps whole milliseconds: round up, so the marker is never older than the index
    // it describes (an append after this moment also changes the size, which the hook checks).
    return { path, size: st.size, mtime: new Date(Math.ceil(st.mtimeMs)) };
  } catch {
    return { path, size: 'missing', mtime: null };
  }
}

/** Writes the marker into a main working tree's .git directory; elsewhere there is none. */
export function writeQuietMarker(root: string, stamp: IndexStamp): void {
  const gitDir = join(root, '.git');
  try {
    if (!statSync(gitDir).isDirectory()) return;
    const marker = join(gitDir, QUIET_MARKER);
    writeFileSync(marker, `${stamp.path} ${stamp.size}\n`);
    if (stamp.mtime) utimesSync(marker, stamp.mtime, stamp.mtime);
  } catch {
    // Only an optimisation: without the marker the hook runs lore as before.
  }
}

/** Removes a stale marker (a session is current now). */
export function clearQuietMarker(root: string): void {
  const marker = join(root, '.git', QUIET_MARKER);
  try {
    if (existsSync(marker)) writeFileSync(marker, '');
  } catch {
    // As above: the hook treats an unreadable or empty marker as absent.
  }
}

/**
 * Earlier versions of lore wrote notes on private refs, `refs/lore-scratch/<pid>-<ms>-<n>`
 * for a link and `refs/lore-scratch/sync-<pid>-<n>` for a sync, deleted when done; a lore
 * killed meanwhile left its ref behind. Today's notes engine makes none, so the next write
 * removes those whose lore is no longer running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as NG from 'nodegit';
import type { Libgit2 } from './libgit2.js';

const PREFIX = 'refs/lore-scratch/';
/** No lore write takes this long: an older ref is left over even if its pid was reused. */
const MAX_AGE_MS = 10 * 60_000;

/** Loose refs under the prefix and packed ones (a gc packs them), found without spawning git. */
function scratchRefs(commonDir: string): string[] {
  const names = new Set<string>();
  try {
    for (const f of readdirSync(join(commonDir, PREFIX))) if (!f.endsWith('.lock')) names.add(PREFIX + f);
  } catch {
    // no loose scratch refs
  }
  try {
    for (const line of readFileSync(join(commonDir, 'packed-refs'), 'utf8').split('\n')) {
      const name = line.split(' ')[1];
      if (name?.startsWith(PREFIX)) names.add(name);
    }
  } catch {
    // no packed refs
  }
  return [...names];
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A scratch ref whose lore is gone: its pid is not running, or it is older than any write. */
function leftOver(name: string, now: number): boolean {
  const m = /^(?:sync-)?(\d+)(?:-(\d+))?/.exec(name.slice(PREFIX.length));
  if (!m) return true;
  if (m[2] !== undefined && now - Number(m[2]) > MAX_AGE_MS) return true;
  return Number(m[1]) !== process.pid && !running(Number(m[1]));
}

export function sweepScratchRefs(repo: NG.Repository, G: Libgit2): void {
  const now = Date.now();
  for (const name of scratchRefs(G.commonDir(repo))) if (leftOver(name, now)) G.deleteRef(repo, name);
}

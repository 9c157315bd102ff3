/**
 * Moving a ref lore owns (refs/notes/lore, refs/lore/sessions) by compare-and-swap. Every
 * writer reads, writes its commit, then moves the ref only if it still points where it read
 * it; the one that lost reads again and retries, so no writer's change is lost.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { moveOutcome, type Libgit2 } from './libgit2.js';

/** Another git holds a ref's lock for milliseconds (git itself waits 100 ms, core.filesRefLockTimeout); one held this long was left by a crash. */
const LOCK_PATIENCE_MS = 500;

/**
 * Moves `ref` from `from` (null: it does not exist yet) to `to`, only if no other writer
 * moved it meanwhile; false when one did. A lock another git holds is waited for; one that
 * outlasts LOCK_PATIENCE_MS is reported, and nothing moves.
 */
export async function moveRefCas(G: Libgit2, repo: NG.Repository, ref: string, to: string, from: string | null, message: string): Promise<boolean> {
  const started = Date.now();
  for (let wait = 1; ; wait = Math.min(wait * 2, 100)) {
    const outcome = await moveOutcome(from ? G.moveRef(repo, ref, G.oid(to), G.oid(from), message) : G.createRef(repo, ref, G.oid(to), false, message));
    if (outcome !== 'locked') return outcome === 'moved';
    if (Date.now() - started >= LOCK_PATIENCE_MS) {
      const lock = `${G.commonDir(repo)}/${ref}.lock`;
      throw new LoreError(
        'NOTES_LOCKED',
        `${ref} is locked by ${lock}; nothing was written`,
        `If no git process is running, a crashed one left it: remove it (rm '${lock}') and try again.`,
      );
    }
    await sleep(wait);
  }
}

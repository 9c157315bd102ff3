/**
 * The records half of `lore sync`: refs/lore/sessions moves between clones as the notes do.
 * The fetched remote tip is merged in (fast-forward, or a merge commit with both tips as
 * parents, so the push that follows is a fast-forward); the local ref moves by compare-and-
 * swap; a push the remote refuses is retried after fetching and merging again; nothing is
 * forced. With sharing off, teammates' records are still merged in, and nothing is pushed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LoreError } from '../errors.js';
import type { Identity } from '../git/repo.js';
import { fetchRecords, recordsTrackingRef, type RecordsStore } from '../git/session-records.js';
import { diffNotes } from '../links/merge.js';
import { mergeRecordFiles } from '../sessions/shared-merge.js';
import { integrateRemote } from './integrate-remote.js';
import { recordsMessages } from './sync-messages.js';

const PUSH_ATTEMPTS = 5;

export interface RecordsSync {
  /** Records this clone wrote (lore share's level), before the push. */
  written: number;
  /** Records the local ref gained from the remote. */
  pulled: number;
  /** Records the remote gained. */
  pushed: number;
}

interface Step {
  tip: string | null;
  remoteTip: string | null;
  pulled: number;
  pushed: number;
}

async function integrate(store: RecordsStore, remote: string, remoteTip: string | null, who: () => Promise<Identity>): Promise<Step> {
  const { tip, ours, theirs, merged } = await integrateRemote(store, remoteTip, {
    merge: mergeRecordFiles,
    who,
    fastForwardMessage: recordsMessages.fastForward(remote),
    mergeMessage: recordsMessages.mergeMessage(remote),
    busy: () => new LoreError('NOTES_BUSY', recordsMessages.busy, 'Try again.'),
  });
  return { tip, remoteTip, pulled: diffNotes(ours, merged).size, pushed: diffNotes(theirs, merged).size };
}

/**
 * Merges the remote's records (fetched already: `present` says whether it has any), then,
 * when `push`, pushes the result, fetching and merging again while the remote moves.
 */
export async function syncRecords(cwd: string, remote: string, store: RecordsStore, present: boolean, push: boolean, who: () => Promise<Identity>): Promise<Omit<RecordsSync, 'written'>> {
  let pulled = 0;
  for (let attempt = 1; ; attempt++) {
    const remoteTip = present ? await store.tip(recordsTrackingRef(remote)) : null;
    if (!present) await store.setTracking(remote, null, '');
    const step = await integrate(store, remote, remoteTip, who);
    pulled += step.pulled;
    if (!push || step.tip === step.remoteTip) return { pulled, pushed: 0 };
    if (await store.push(remote)) return { pulled, pushed: step.pushed };
    if (attempt === PUSH_ATTEMPTS) throw new LoreError('REMOTE_FAILED', recordsMessages.gaveUp(remote, PUSH_ATTEMPTS), recordsMessages.gaveUpHint);
    await sleep(100 * 2 ** (attempt - 1) + Math.random() * 100);
    present = await fetchRecords(cwd, remote);
  }
}

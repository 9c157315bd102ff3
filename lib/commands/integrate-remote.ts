import type { LoreError } from '../errors.js';
import type { Identity } from '../git/repo.js';
import { diffNotes, type Notes } from '../links/merge.js';

/**
 * A ref of path -> text files that `lore sync` moves between clones: refs/notes/lore
 * (NotesSync) and refs/lore/sessions (RecordsStore). Both merge the same way; only the
 * merge of their files and their words differ.
 */
export interface SyncedRef {
  tip(): Promise<string | null>;
  mergeBase(a: string, b: string): Promise<string | null>;
  read(commit: string | null): Promise<Notes>;
  /** A commit of the first parent's files with `changes` applied. */
  write(changes: ReturnType<typeof diffNotes>, parents: string[], who: Identity, message: string): Promise<string>;
  /** Moves the local ref by compare-and-swap; false when another writer moved it first. */
  move(to: string, from: string | null, message: string): Promise<boolean>;
}

export interface RefMerge {
  merge(base: Notes, ours: Notes, theirs: Notes): Notes;
  who(): Promise<Identity>;
  fastForwardMessage: string;
  mergeMessage: string;
  /** Thrown when local writers kept moving the ref. */
  busy(): LoreError;
}

/** The local ref after the step, the remote tip it took in, and the files on each side. */
export interface Integrated {
  tip: string | null;
  remoteTip: string | null;
  ours: Notes;
  theirs: Notes;
  merged: Notes;
}

const LOCAL_ATTEMPTS = 20;

/**
 * Brings the fetched remote tip into the local ref. A local ref that is behind moves
 * forward; a diverged one gets a merge commit with both tips as parents, so the push that
 * follows is a fast-forward. The move is a compare-and-swap: when a local writer (lore
 * link, lore share) moved the ref meanwhile, everything is read and merged again.
 */
export async function integrateRemote(ref: SyncedRef, remoteTip: string | null, how: RefMerge): Promise<Integrated> {
  for (let attempt = 0; attempt < LOCAL_ATTEMPTS; attempt++) {
    const local = await ref.tip();
    const base = local && remoteTip ? await ref.mergeBase(local, remoteTip) : null;
    const nothingNew = !remoteTip || base === remoteTip;
    const fastForward = !nothingNew && (!local || base === local);
    const [ours, theirs, old] = await Promise.all([ref.read(local), ref.read(remoteTip), ref.read(nothingNew || fastForward ? null : base)]);
    if (nothingNew) return { tip: local, remoteTip, ours, theirs, merged: ours };
    let tip = remoteTip!;
    let merged = theirs;
    if (!fastForward) {
      merged = how.merge(old, ours, theirs);
      tip = await ref.write(diffNotes(ours, merged), [local!, remoteTip!], await how.who(), how.mergeMessage);
    }
    if (await ref.move(tip, local, fastForward ? how.fastForwardMessage : how.mergeMessage)) return { tip, remoteTip, ours, theirs, merged };
  }
  throw how.busy();
}

import { setTimeout as sleep } from 'node:timers/promises';
import { LoreError } from '../errors.js';
import { openRepo } from '../git/nodegit-repo.js';
import { fetchNotes, fetchUpstream, openNotesSync, resolveRemote, upstreamOn, type NotesSync } from '../git/notes-sync.js';
import type { Identity, Repo } from '../git/repo.js';
import { fetchRecords, openRecordsStore } from '../git/session-records.js';
import { readShareSetting } from '../git/share-config.js';
import { readIndex } from '../sessions/index-file.js';
import { writeRecords } from './share-records.js';
import { syncRecords, type RecordsSync } from './sync-records.js';
import type { CommandDeps } from './deps.js';
import { sessionIndexPath } from './workspace.js';
import { carry, type CarryResult } from './carry.js';
import { countLinks, mergeNotes, type LinkCount } from '../links/merge.js';
import { integrateRemote } from './integrate-remote.js';
import { linksMessages } from './sync-messages.js';

/** Pushes refused because the remote moved meanwhile, before giving up (links stay local). */
const PUSH_ATTEMPTS = 5;

export interface SyncOptions {
  cwd: string;
  remote?: string;
  /** Carry links onto what the upstream branch gained, before pushing (`--no-carry` turns it off). */
  carry: boolean;
}

interface Step {
  /** refs/notes/lore after the step, and the remote tip it was merged with. */
  tip: string | null;
  remoteTip: string | null;
  pulled: LinkCount;
  /** What the remote gains if `tip` is pushed. */
  pushed: LinkCount;
}

const NONE: LinkCount = { added: 0, removed: 0 };

/** Brings the fetched remote tip into refs/notes/lore (integrate-remote.ts), and counts the links each side gains. */
async function integrate(notes: NotesSync, remoteTip: string | null, who: () => Promise<Identity>): Promise<Step> {
  const { tip, ours, theirs, merged } = await integrateRemote(notes, remoteTip, {
    merge: mergeNotes,
    who,
    fastForwardMessage: linksMessages.fastForward(notes.remote),
    mergeMessage: linksMessages.mergeMessage(notes.remote),
    busy: () => new LoreError('NOTES_BUSY', 'refs/notes/lore kept changing under lore sync; nothing was pushed', 'Try again.'),
  });
  return { tip, remoteTip, pulled: countLinks(ours, merged), pushed: countLinks(theirs, merged) };
}

export interface SyncResult {
  remote: string;
  pulled: LinkCount;
  pushed: LinkCount;
  /** What carrying onto the upstream found, before the push; null when it did not run. */
  carried: CarryResult | null;
  /** refs/lore/sessions: what this clone wrote (lore share), pulled and pushed. */
  records: RecordsSync;
}

/** Fetches the links, and the upstream branch when it is on this remote and carrying is on. */
async function fetchAll(opts: SyncOptions, remote: string): Promise<{ fetched: boolean; carryOnto: boolean }> {
  const upstream = opts.carry ? await upstreamOn(opts.cwd, remote) : null;
  const [fetched, carryOnto] = await Promise.all([fetchNotes(opts.cwd, remote), upstream ? fetchUpstream(opts.cwd, remote, upstream) : false]);
  return { fetched, carryOnto };
}

/**
 * `lore sync`: fetch the remote's links, merge them with the local ones, carry links onto
 * what the upstream branch gained (a squash or rebase merge made on the server), push the
 * result. A push the remote refuses because someone pushed first is retried after fetching
 * and merging again; nothing is ever force-pushed, so no one's links are lost. Then the
 * session records the same way (sync-records.ts), written first when sharing is on.
 * `deps.warn` hears of malformed lines of the session index (read only when sharing is on).
 */
export async function sync(opts: SyncOptions, deps: Pick<CommandDeps, 'warn'>): Promise<SyncResult> {
  const [repo, remote, share] = await Promise.all([openRepo(opts.cwd), resolveRemote(opts.cwd, opts.remote), readShareSetting(opts.cwd)]);
  // nodegit loads (~0.3 s, blocking) while git fetch runs in its own process.
  const [{ fetched, carryOnto }, recordsFetched, notes] = await Promise.all([fetchAll(opts, remote), fetchRecords(opts.cwd, remote), openNotesSync(repo, remote)]);
  const links = await syncNotes(opts, repo, remote, notes, fetched, carryOnto);
  const store = await openRecordsStore(repo.gitDir, repo.root);
  let written = 0;
  if (share.level !== 'off') {
    const index = readIndex(await sessionIndexPath(opts.cwd, repo.root), deps.warn);
    written = await writeRecords(repo, store, index, share.level);
  }
  const records = await syncRecords(opts.cwd, remote, store, recordsFetched, share.level !== 'off', () => repo.identity());
  return { ...links, records: { written, ...records } };
}

async function syncNotes(opts: SyncOptions, repo: Repo, remote: string, notes: NotesSync, fetched: boolean, carryOnto: boolean): Promise<Omit<SyncResult, 'records'>> {
  let present = fetched;
  let pulled = NONE;
  let carried: CarryResult | null = null;
  for (let attempt = 1; ; attempt++) {
    const step = await integrate(notes, await notes.remoteTip(present), () => repo.identity());
    pulled = { added: pulled.added + step.pulled.added, removed: pulled.removed + step.pulled.removed };
    let [pushed, upToDate] = [step.pushed, step.tip === step.remoteTip];
    // Once, after the remote's links are in (a teammate's linked commits carry too); a retry
    // finds the carried links in the local ref and pushes them with the rest.
    if (carryOnto && carried === null) {
      carried = await carry({ cwd: opts.cwd, dryRun: false });
      // A new carried link is one the local notes lacked, so the remote (merged into them) lacks it too.
      const fresh = carried.links.filter((l) => l.added).length;
      [pushed, upToDate] = [{ ...pushed, added: pushed.added + fresh }, upToDate && fresh === 0];
    }
    if (upToDate || (await notes.push())) return { remote, pulled, pushed, carried };
    if (attempt === PUSH_ATTEMPTS) throw new LoreError('REMOTE_FAILED', linksMessages.gaveUp(remote, PUSH_ATTEMPTS), linksMessages.gaveUpHint);
    // Backoff with jitter, so two clones that collided do not collide again in step.
    await sleep(100 * 2 ** (attempt - 1) + Math.random() * 100);
    present = (await fetchAll({ ...opts, carry: false }, remote)).fetched;
  }
}

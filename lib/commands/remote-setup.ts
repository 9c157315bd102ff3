import type { Io } from '../io.js';
import { syncText } from '../cli/sync-text.js';
import { LoreError } from '../errors.js';
import { gitOutput, resolveRemote, trackingRefspec } from '../git/notes-sync.js';
import { NOTES_REF } from '../git/repo.js';
import { recordsFetchPattern } from '../git/session-records.js';

export interface RemoteSetupOptions {
  cwd: string;
  remote?: string;
}

/** Whether a fetch refspec writes onto refs/notes/lore itself (a `*` matches any part of a name). */
export function fetchesOntoLiveRef(refspec: string): boolean {
  const dst = refspec.split(':')[1];
  if (!dst) return false;
  const pattern = new RegExp(`^${dst.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pattern.test(NOTES_REF);
}

/**
 * `lore remote setup`: adds fetch refspecs so plain `git fetch` also brings the remote's
 * links and session records, to the tracking refs `lore sync` merges from. Never onto refs/notes/lore itself:
 * a fetch would then throw away links that are not pushed yet, which is what it warns about.
 */
export async function setupRemote(opts: RemoteSetupOptions, io: Io): Promise<void> {
  const remote = await resolveRemote(opts.cwd, opts.remote);
  const key = `remote.${remote}.fetch`;
  const current = await gitOutput(opts.cwd, ['config', '--get-all', key]);
  const refspecs = current ? current.split('\n') : [];
  for (const refspec of refspecs.filter(fetchesOntoLiveRef)) {
    io.err(syncText.overwriting(remote, refspec));
    io.err(syncText.overwritingHint(remote, refspec));
  }
  // The links' refspec, then the session records' (lore share), each added once.
  for (const wanted of [trackingRefspec(remote), recordsFetchPattern(remote)]) {
    if (refspecs.includes(wanted)) {
      io.out(syncText.setupAlready(remote, wanted));
      continue;
    }
    if ((await gitOutput(opts.cwd, ['config', '--add', key, wanted])) === null) {
      throw new LoreError('BAD_CONFIG', `could not add ${wanted} to ${key}`, `Try it by hand: git config --add ${key} '${wanted}'`);
    }
    io.out(syncText.setupAdded(remote, wanted));
  }
  io.out(syncText.setupNext(remote));
}

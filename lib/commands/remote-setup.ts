import { LoreError } from '../errors.js';
import { gitOutput, resolveRemote, trackingRefspec } from '../git/notes-sync.js';
import { remoteNotesTip } from '../git/doctor-probe.js';
import { NOTES_REF } from '../git/repo.js';
import { recordsFetchPattern } from '../git/session-records.js';

export interface RemoteSetupOptions {
  cwd: string;
  remote?: string;
}

/** What `lore remote setup` did to `remote.<remote>.fetch`. */
export interface RemoteSetupResult {
  remote: string;
  /** Refspecs already there that fetch onto refs/notes/lore itself: warned about, left alone. */
  overwriting: string[];
  /** The links' refspec, then the session records': whether each was added or was there already. */
  refspecs: { refspec: string; added: boolean }[];
  /**
   * Whether the remote has refs/notes/lore; null when it could not be asked. Without it, the
   * links' refspec names a ref git fetch cannot find, and plain git fetch fails until a push creates it.
   */
  remoteHasLinks: boolean | null;
}

/** How long remote setup waits to learn whether the remote has links yet. */
const ASK_REMOTE_MS = 10_000;

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
export async function setupRemote(opts: RemoteSetupOptions): Promise<RemoteSetupResult> {
  const remote = await resolveRemote(opts.cwd, opts.remote);
  const key = `remote.${remote}.fetch`;
  const current = await gitOutput(opts.cwd, ['config', '--get-all', key]);
  const present = current ? current.split('\n') : [];
  const refspecs: RemoteSetupResult['refspecs'] = [];
  // The links' refspec, then the session records' (lore share), each added once.
  for (const wanted of [trackingRefspec(remote), recordsFetchPattern(remote)]) {
    const added = !present.includes(wanted);
    if (added && (await gitOutput(opts.cwd, ['config', '--add', key, wanted])) === null) {
      // Said in the error, as nothing else is printed: a refspec added before this one stays.
      const before = refspecs.filter((r) => r.added).map((r) => ` (${r.refspec} was added)`).join('');
      throw new LoreError('BAD_CONFIG', `could not add ${wanted} to ${key}${before}`, `Try it by hand: git config --add ${key} '${wanted}'`);
    }
    refspecs.push({ refspec: wanted, added });
  }
  const tip = await remoteNotesTip(opts.cwd, remote, ASK_REMOTE_MS);
  return { remote, overwriting: present.filter(fetchesOntoLiveRef), refspecs, remoteHasLinks: tip.reached ? tip.tip !== null : null };
}

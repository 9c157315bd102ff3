import { doctorMessages as t } from './doctor-messages.js';
import { isLoreError } from '../errors.js';
import { fetchRefspecs, isAncestor, refTip, remoteNames, remoteNotesTip } from '../git/doctor-probe.js';
import { resolveRemote, trackingRef, trackingRefspec } from '../git/notes-sync.js';
import { NOTES_REF } from '../git/repo.js';
import { ok, problem, shellArg, warn, type Check } from './doctor-check.js';
import { fetchesOntoLiveRef } from './remote-setup.js';

/** How long doctor waits for the remote: a report, not a sync, must not hang on a dead network. */
export const REMOTE_TIMEOUT_MS = 5_000;

function fetchCheck(remote: string, refspecs: string[]): Check {
  const name = 'remote fetch';
  const overwriting = refspecs.find(fetchesOntoLiveRef);
  if (overwriting) {
    return problem(name, t.fetchOverwrites(overwriting), `git config --fixed-value --unset remote.${remote}.fetch ${shellArg(overwriting)} && lore remote setup ${remote}`);
  }
  const wanted = trackingRefspec(remote);
  return refspecs.includes(wanted) ? ok(name, t.fetchOk(wanted)) : warn(name, t.fetchMissing(remote), `lore remote setup ${remote}`);
}

/**
 * Whether the remote's links are here: its refs/notes/lore as `git ls-remote` says now,
 * else (unreachable) as its tracking ref says it was at the last fetch, against the local
 * links. Merged means the remote's tip is an ancestor of (or is) the local one.
 */
async function linksCheck(top: string, remote: string): Promise<Check> {
  const name = 'remote links';
  const sync = `lore sync ${remote}`;
  const [asked, local, tracking] = await Promise.all([remoteNotesTip(top, remote, REMOTE_TIMEOUT_MS), refTip(top, NOTES_REF), refTip(top, trackingRef(remote))]);
  const theirs = asked.reached ? asked.tip : tracking;
  const says = (check: Check): Check => (asked.reached ? check : { ...check, status: check.status === 'ok' ? 'warn' : check.status, detail: `${t.unreachable(remote, asked.reason)}: ${check.detail}` });
  if (theirs === null) return says(local === null ? ok(name, t.linksNowhere(remote)) : warn(name, t.linksUnshared(remote), sync));
  if (local === null || !(await isAncestor(top, theirs, local))) {
    return says(local === null && tracking === null ? problem(name, t.linksNotFetched(remote), sync) : warn(name, t.linksBehind(remote), sync));
  }
  return says(local === theirs ? ok(name, t.linksInStep(remote, theirs)) : warn(name, t.linksAhead(remote), sync));
}

/** The remote lore sync would use: its fetch refspecs, and whether its links were fetched and merged. */
export async function remoteChecks(top: string): Promise<Check[]> {
  if ((await remoteNames(top)).length === 0) return [warn('remote', t.noRemote())];
  let remote: string;
  try {
    remote = await resolveRemote(top);
  } catch (e) {
    if (isLoreError(e) && e.code === 'UNKNOWN_REMOTE') return [warn('remote', t.noChosenRemote(e.message, e.hint))];
    throw e;
  }
  return [fetchCheck(remote, await fetchRefspecs(top, remote)), await linksCheck(top, remote)];
}

import type { CommitFacts, SessionFacts } from './facts.js';
import { fileOverlap } from './facts.js';
import { GRACE_MS, madeByUser } from './score.js';
import type { LinkSignals } from '../links/record.js';
import { settleClaims } from './claims.js';
import { linkSignals } from './signals.js';

export interface BackfillPair {
  facts: SessionFacts;
  commit: CommitFacts;
  /** What made it a link, once filterByFiles kept it. */
  signals?: LinkSignals;
}

export interface WindowInput {
  sessions: SessionFacts[];
  /** Every commit of the repository's local branches and HEAD, once each. */
  commits: CommitFacts[];
  /** The repository user's email; commits neither authored nor committed by it are not claimed. */
  userEmail: string | null;
  allAuthors: boolean;
}

export interface WindowResult {
  pairs: BackfillPair[];
  otherAuthors: number;
}

function lowerBound(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Backfill step one: the commits authored inside each ended session's window
 * [started_at, ended_at + grace]. Author time, because a later rebase moves the
 * committer time of old commits into a window they were never part of. One sorted
 * pass serves every session: a binary search per window, no walk per session.
 */
export function pairsInWindows(input: WindowInput): WindowResult {
  const commits = [...input.commits].sort((a, b) => a.authorTime - b.authorTime);
  const times = commits.map((c) => c.authorTime);
  const mine = (c: CommitFacts) => input.allAuthors || madeByUser(c, input.userEmail) === true;
  const pairs: BackfillPair[] = [];
  let otherAuthors = 0;
  for (const facts of input.sessions) {
    const s = facts.session;
    if (s.endedAt === null) continue;
    const end = s.endedAt + GRACE_MS;
    for (let i = lowerBound(times, s.startedAt); i < commits.length && times[i] <= end; i++) {
      const commit = commits[i];
      if (!mine(commit)) {
        otherAuthors++;
        continue;
      }
      pairs.push({ facts, commit });
    }
  }
  return { pairs, otherAuthors };
}

export interface FileVerdict {
  kept: BackfillPair[];
  /** Pairs whose session's file data shows none of the commit's files. */
  noOverlap: number;
  /** Pairs of sessions without file data whose commit another session edited. */
  outclaimed: number;
}

/**
 * Backfill step two: the sessions whose windows hold one commit compete for it by the
 * evidence (claims.ts): a session whose file data shows none of its files did not make it,
 * and one without file data loses to one that edited them. Pairs already linked compete
 * too, but are neither kept nor counted. `filesOf` is asked only for commits that some
 * session with file data competes for. Kept pairs stay in their given order.
 */
export function filterByFiles(pairs: BackfillPair[], filesOf: (sha: string) => string[], isLinked: (p: BackfillPair) => boolean = () => false): FileVerdict {
  const bySha = new Map<string, BackfillPair[]>();
  for (const p of pairs) {
    const list = bySha.get(p.commit.sha);
    if (list) list.push(p);
    else bySha.set(p.commit.sha, [p]);
  }
  const won = new Map<BackfillPair, LinkSignals>();
  const verdict: FileVerdict = { kept: [], noOverlap: 0, outclaimed: 0 };
  for (const [sha, competing] of bySha) {
    if (competing.every(isLinked)) continue;
    const files = competing.some((p) => p.facts.files !== null) ? filesOf(sha) : [];
    const settled = settleClaims(competing.map((pair) => ({ pair, id: pair.facts.session.id, overlap: fileOverlap(pair.facts.files, files) })));
    for (const w of settled.winners) won.set(w.pair, linkSignals({ overlap: w.overlap, commitFiles: files.length, distanceMs: 0 }));
    for (const { claimant, loss } of settled.losers) {
      if (isLinked(claimant.pair)) continue;
      if (loss.reason === 'no-overlap') verdict.noOverlap++;
      else verdict.outclaimed++;
    }
  }
  verdict.kept = pairs.filter((p) => won.has(p) && !isLinked(p)).map((p) => ({ ...p, signals: won.get(p) }));
  return verdict;
}

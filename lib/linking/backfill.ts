import type { CommitFacts, SessionFacts } from './facts.js';
import { fileOverlap } from './facts.js';
import { GRACE_MS, madeByUser } from './score.js';

export interface BackfillPair {
  facts: SessionFacts;
  commit: CommitFacts;
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

/**
 * Backfill step two: a session whose file data shows it touched none of a commit's
 * files did not make that commit. Sessions without file data are judged on time alone.
 */
export function filterByFiles(pairs: BackfillPair[], filesOf: (sha: string) => string[]): { kept: BackfillPair[]; noOverlap: number } {
  const kept: BackfillPair[] = [];
  let noOverlap = 0;
  for (const p of pairs) {
    const overlap = fileOverlap(p.facts.files, p.facts.files === null ? [] : filesOf(p.commit.sha));
    if (overlap === 0) noOverlap++;
    else kept.push(p);
  }
  return { kept, noOverlap };
}

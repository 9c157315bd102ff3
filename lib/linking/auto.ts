import type { CompleteSession } from '../sessions/session.js';
import type { CommitFacts, SessionFacts } from './facts.js';
import { fileOverlap, isInside } from './facts.js';
import { branchMatch, CANDIDATE_RANGE_MS, confidence, madeByUser, timeScore, windowDistance, type Evidence } from './score.js';

export interface AutoCandidate {
  facts: SessionFacts;
  evidence: Evidence;
  confidence: number;
}

export interface AutoPlan {
  candidates: AutoCandidate[];
  accepted: AutoCandidate[];
  rejected: AutoCandidate[];
}

export interface AutoInput {
  commit: CommitFacts;
  commitFiles: string[];
  /** Local branches that contain the commit. */
  commitBranches: string[];
  sessions: SessionFacts[];
  root: string;
  threshold: number;
  /** The user's address as .mailmap names it (Repo.userEmail), or null without an identity. */
  userEmail: string | null;
}

/** The distance between a session's window and the commit, by the nearer of its two times. */
export function commitDistance(s: Pick<CompleteSession, 'startedAt' | 'endedAt'>, commit: CommitFacts): number {
  return Math.min(windowDistance(s, commit.authorTime), windowDistance(s, commit.committerTime));
}

/** Whether a session's window comes near enough to the commit to be a candidate. */
export function isNear(s: Pick<CompleteSession, 'startedAt' | 'endedAt'>, commit: CommitFacts): boolean {
  return commitDistance(s, commit) <= CANDIDATE_RANGE_MS;
}

/**
 * `--auto`: scores every session of this repository whose window comes within
 * CANDIDATE_RANGE_MS of the commit. The commit's time is the nearer of its author
 * and committer times, so a rebased or amended commit is still placed where it was made.
 */
export function planAuto(input: AutoInput): AutoPlan {
  const { commit } = input;
  const candidates: AutoCandidate[] = [];
  const byUser = madeByUser(commit, input.userEmail);
  for (const facts of input.sessions) {
    if (!isInside(facts.realCwd, input.root)) continue;
    const distance = commitDistance(facts.session, commit);
    if (distance > CANDIDATE_RANGE_MS) continue;
    const evidence: Evidence = {
      time: timeScore(distance),
      files: fileOverlap(facts.files, input.commitFiles),
      branch: branchMatch(facts.session.branches, input.commitBranches),
      byUser,
    };
    candidates.push({ facts, evidence, confidence: confidence(evidence) });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || (a.facts.session.id < b.facts.session.id ? -1 : 1));
  // Compare on the rounded percentage shown to the user, so "60% < 60%" never appears.
  const meets = (c: AutoCandidate) => Math.round(c.confidence * 100) >= Math.round(input.threshold * 100);
  return { candidates, accepted: candidates.filter(meets), rejected: candidates.filter((c) => !meets(c)) };
}

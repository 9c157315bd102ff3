import type { CompleteSession } from '../sessions/session.js';
import { settleClaims, type Loss } from './claims.js';
import type { CommitFacts, SessionFacts } from './facts.js';
import { fileOverlap, isInside } from './facts.js';
import { branchMatch, CANDIDATE_RANGE_MS, confidence, madeByUser, timeScore, windowDistance, type Evidence } from './score.js';

export interface AutoCandidate {
  facts: SessionFacts;
  evidence: Evidence;
  confidence: number;
  /** Between the commit and the session's window. */
  distance: number;
}

export interface AutoPlan {
  candidates: AutoCandidate[];
  /** Met the threshold, and the evidence (claims.ts) left them the commit. */
  accepted: AutoCandidate[];
  /** Below the threshold. */
  rejected: AutoCandidate[];
  /** Met the threshold, but the evidence points elsewhere. */
  lost: { candidate: AutoCandidate; loss: Loss }[];
  /** Would have been accepted, but the commit's note links them already. */
  linked: AutoCandidate[];
}

export interface AutoInput {
  commit: CommitFacts;
  commitFiles: string[];
  /** Local branches that contain the commit. */
  commitBranches: string[];
  sessions: SessionFacts[];
  root: string;
  /** Sessions the commit's note links already: accepted, they gain nothing new. */
  linked?: ReadonlySet<string>;
  threshold: number;
  /** The user's address as .mailmap names it (Repo.userEmail), or null without an identity. */
  userEmail: string | null;
}

/** The distance between a session's window and the commit, by the nearer of its two times. */
export function commitDistance(s: Pick<CompleteSession, 'startedAt' | 'endedAt' | 'seenAt'>, commit: CommitFacts): number {
  return Math.min(windowDistance(s, commit.authorTime), windowDistance(s, commit.committerTime));
}

/** Whether a session's window comes near enough to the commit to be a candidate. */
export function isNear(s: Pick<CompleteSession, 'startedAt' | 'endedAt' | 'seenAt'>, commit: CommitFacts): boolean {
  return commitDistance(s, commit) <= CANDIDATE_RANGE_MS;
}

/** The sessions `--auto` scores: in this repository, and near enough to the commit. */
export function autoCandidates(sessions: SessionFacts[], commit: CommitFacts, root: string): SessionFacts[] {
  return sessions.filter((f) => isInside(f.realCwd, root) && isNear(f.session, commit));
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
  for (const facts of autoCandidates(input.sessions, commit, input.root)) {
    const distance = commitDistance(facts.session, commit);
    const evidence: Evidence = {
      time: timeScore(distance),
      files: fileOverlap(facts.files, input.commitFiles),
      branch: branchMatch(facts.session.branches, input.commitBranches),
      byUser,
    };
    candidates.push({ facts, evidence, confidence: confidence(evidence), distance });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || (a.facts.session.id < b.facts.session.id ? -1 : 1));
  // Compare on the rounded percentage shown to the user, so "60% < 60%" never appears.
  const meets = (c: AutoCandidate) => Math.round(c.confidence * 100) >= Math.round(input.threshold * 100);
  // Only sessions that meet the threshold compete: a far-off one's file data decides nothing.
  const settled = settleClaims(candidates.filter(meets).map((candidate) => ({ candidate, id: candidate.facts.session.id, overlap: candidate.evidence.files })));
  const winners = settled.winners.map((w) => w.candidate);
  const isLinked = (c: AutoCandidate) => input.linked?.has(c.facts.session.id) === true;
  return {
    candidates,
    accepted: winners.filter((c) => !isLinked(c)),
    linked: winners.filter(isLinked),
    rejected: candidates.filter((c) => !meets(c)),
    lost: settled.losers.map(({ claimant, loss }) => ({ candidate: claimant.candidate, loss })),
  };
}

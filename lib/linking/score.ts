import { lastActivity, STALE_MS, type Session } from '../sessions/session.js';

/** People commit right after the agent stops: a session's window runs this long past its end. */
export const GRACE_MS = 5 * 60_000;
/** At this distance outside the window the time signal has fallen to one half. */
export const TIME_HALF_MS = 30 * 60_000;
/** Sessions farther than this from a commit are not candidates at all. */
export const CANDIDATE_RANGE_MS = 2 * 60 * 60_000;

/** Weights of the file and branch signals; they sum to one. */
export const FILE_WEIGHT = 0.6;
export const BRANCH_WEIGHT = 0.4;
/**
 * What an unknown signal counts as. Missing evidence is not evidence against: a session
 * without file data, active on the commit's branch, scores 0.6*0.75+0.4 = 0.85.
 */
export const UNKNOWN_SIGNAL = 0.75;

/**
 * Sessions in the index are the user's own; a commit neither authored nor committed
 * by the user (a teammate's, pulled in) is at most half as likely to be theirs.
 */
export const OTHER_AUTHOR_FACTOR = 0.5;

export interface Evidence {
  /** 1 inside the window (plus grace), falling smoothly with distance. */
  time: number;
  /** Share of the commit's files the session touched, null if unknown. */
  files: number | null;
  /** 1 same branch, 0 another branch, null if unknown. */
  branch: number | null;
  /** false when neither the commit's author nor its committer is the user; null if unknown. */
  byUser?: boolean | null;
}

/**
 * Milliseconds between time `t` and the session's window [start, end + grace]; 0 inside. An
 * active session's window runs until it goes stale: STALE_MS after its last activity.
 */
export function windowDistance(s: Pick<Session, 'startedAt' | 'endedAt' | 'seenAt'>, t: number): number {
  const start = s.startedAt ?? Infinity;
  const end = s.endedAt === null ? (lastActivity(s) ?? Infinity) + STALE_MS : s.endedAt + GRACE_MS;
  if (t < start) return start - t;
  if (t > end) return t - end;
  return 0;
}

export function timeScore(distanceMs: number): number {
  const x = distanceMs / TIME_HALF_MS;
  return 1 / (1 + x * x);
}

export function branchMatch(sessionBranches: string[], commitBranches: string[]): number | null {
  if (sessionBranches.length === 0 || commitBranches.length === 0) return null;
  return sessionBranches.some((b) => commitBranches.includes(b)) ? 1 : 0;
}

/**
 * confidence = time × (0.6 × files + 0.4 × branch) × author, unknown signals counting
 * 0.75, author 0.5 for another person's commit and 1 otherwise.
 */
export function confidence(e: Evidence): number {
  const files = e.files ?? UNKNOWN_SIGNAL;
  const branch = e.branch ?? UNKNOWN_SIGNAL;
  const author = e.byUser === false ? OTHER_AUTHOR_FACTOR : 1;
  return e.time * (FILE_WEIGHT * files + BRANCH_WEIGHT * branch) * author;
}

/** Whether the user made the commit, by author or committer email; null without a user email. */
export function madeByUser(commit: { authorEmail: string; committerEmail: string }, userEmail: string | null): boolean | null {
  if (!userEmail) return null;
  const email = userEmail.toLowerCase();
  return commit.authorEmail.toLowerCase() === email || commit.committerEmail.toLowerCase() === email;
}

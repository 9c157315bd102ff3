import { isStale, type CompleteSession, type Session } from '../sessions/session.js';
import { settleClaims, type Claimant, type Settled } from './claims.js';
import { fileOverlap, isInside, type SessionFacts } from './facts.js';
import { GRACE_MS } from './score.js';

export interface Placed {
  session: CompleteSession;
  realCwd: string;
}

/**
 * What a summary of a session (its start and end, all the folded index gives before a
 * session is parsed) says of it: it may be current. Staleness needs its last activity.
 */
export function mayBeCurrent(s: Pick<CompleteSession, 'endedAt'>, now: number): boolean {
  return s.endedAt === null || now - s.endedAt <= GRACE_MS;
}

/** Active and not stale, or ended within the grace period before `now`. */
export function isCurrent(s: CompleteSession, now: number): boolean {
  return s.endedAt === null ? !isStale(s, now) : now - s.endedAt <= GRACE_MS;
}

/**
 * `--current`: sessions current at `now` whose working directory is the repository's top or
 * inside it, oldest first.
 */
export function planCurrent(sessions: Placed[], root: string, now: number): Placed[] {
  return sessions
    .filter(({ session: s, realCwd }) => isInside(realCwd, root) && isCurrent(s, now))
    .sort((a, b) => a.session.startedAt - b.session.startedAt || (a.session.id < b.session.id ? -1 : 1));
}

/** An agent's `git commit` that started this long before a commit is taken to have made it. */
export const AGENT_COMMIT_MS = 10 * 60_000;
// Commit times have whole seconds; a hook's committing_at may carry the fraction.
const CLOCK_SLACK_MS = 1000;

/** Whether the session's agent was running `git commit` when a commit was made at `commitTime`. */
export function isCommitting(s: Pick<Session, 'committingAt'>, commitTime: number): boolean {
  const at = s.committingAt;
  return typeof at === 'number' && at <= commitTime + CLOCK_SLACK_MS && commitTime - at <= AGENT_COMMIT_MS;
}

export interface CurrentClaim extends Claimant {
  facts: SessionFacts;
}

/**
 * Which current sessions made the commit, by the evidence (claims.ts). `commitFiles` is null
 * when they were not read: then no session has file data, and file overlap is unknown.
 */
export function decideCurrent(current: SessionFacts[], commitFiles: string[] | null, commitTime: number): Settled<CurrentClaim> {
  return settleClaims(
    current.map((facts) => ({
      facts,
      id: facts.session.id,
      overlap: commitFiles === null ? null : fileOverlap(facts.files, commitFiles),
      agentCommit: isCommitting(facts.session, commitTime),
    })),
  );
}

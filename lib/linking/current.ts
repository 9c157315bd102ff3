import type { CompleteSession } from '../sessions/session.js';
import { isInside } from './facts.js';
import { GRACE_MS } from './score.js';

export interface Placed {
  session: CompleteSession;
  realCwd: string;
}

/** Active, or ended within the grace period before `now`. */
export function isCurrent(s: Pick<CompleteSession, 'endedAt'>, now: number): boolean {
  return s.endedAt === null || now - s.endedAt <= GRACE_MS;
}

/**
 * `--current`: sessions still active, or ended within the grace period before `now`,
 * whose working directory is the repository's top or inside it.
 */
export function planCurrent(sessions: Placed[], root: string, now: number): CompleteSession[] {
  return sessions
    .filter(({ session: s, realCwd }) => isInside(realCwd, root) && isCurrent(s, now))
    .map((p) => p.session)
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

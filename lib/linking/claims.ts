/**
 * The one rule by which evidence settles which of several sessions made a commit; used by
 * `--current`, `--auto` and `--backfill` alike. A wrong link is worse than a missing one.
 */

/** A session that could claim a commit, with what is known of it. */
export interface Claimant {
  id: string;
  /** The share of the commit's files the session edited; null when either side has no data. */
  overlap: number | null;
  /** The session's agent was running `git commit` when the commit was made. */
  agentCommit?: boolean;
}

/** Why the evidence took a session off the commit; `by` is the session that outclaimed it. */
export type Loss = { reason: 'no-overlap' } | { reason: 'outclaimed'; by: string } | { reason: 'agent-commit'; by: string };

export interface Settled<T extends Claimant> {
  winners: T[];
  losers: { claimant: T; loss: Loss }[];
}

const edited = (c: Claimant) => c.overlap !== null && c.overlap > 0;

/**
 * 1. A session whose file data shows none of the commit's files did not make it.
 * 2. A session whose agent ran this `git commit` made it; of the others, only those that
 *    edited some of the commit's files keep their claim.
 * 3. Otherwise, when some session edited the commit's files, sessions without file data lose
 *    to it: the evidence points elsewhere, and no data is no claim against evidence.
 */
export function settleClaims<T extends Claimant>(claimants: T[]): Settled<T> {
  const open = claimants.filter((c) => c.overlap !== 0);
  const committer = open.find((c) => c.agentCommit);
  const witness = open.find(edited);
  const settled: Settled<T> = { winners: [], losers: [] };
  for (const c of claimants) {
    const loss: Loss | null =
      c.overlap === 0
        ? { reason: 'no-overlap' }
        : committer && !c.agentCommit && !edited(c)
          ? { reason: 'agent-commit', by: committer.id }
          : !committer && witness && c.overlap === null
            ? { reason: 'outclaimed', by: witness.id }
            : null;
    if (loss) settled.losers.push({ claimant: c, loss });
    else settled.winners.push(c);
  }
  return settled;
}

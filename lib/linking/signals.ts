import type { LinkSignals } from '../links/record.js';

export interface SignalFacts {
  /** Share of the commit's files the session edited; null when unknown. */
  overlap: number | null;
  /** How many files the commit changed; 0 or null when not read. */
  commitFiles: number | null;
  /** Distance between the commit and the session's window. */
  distanceMs?: number;
  /** 1 same branch, 0 another, null unknown (score.ts's branchMatch). */
  branch?: number | null;
  agentCommit?: boolean;
}

/** The compact record of what made an automatic link, for its note (record.ts). */
export function linkSignals(f: SignalFacts): LinkSignals {
  const s: LinkSignals = {};
  if (f.overlap !== null && f.commitFiles) s.files = `${Math.round(f.overlap * f.commitFiles)}/${f.commitFiles}`;
  if (f.distanceMs !== undefined) s.minutes = Math.round(f.distanceMs / 60_000);
  if (f.branch !== undefined && f.branch !== null) s.branch = f.branch === 1;
  if (f.agentCommit) s.agent_commit = true;
  return s;
}

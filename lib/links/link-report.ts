import type { Loss } from '../linking/claims.js';
import type { PlannedLink } from './apply.js';

/** What became of one link `lore link` found: only proposed (dry run), written, or there before. */
export type LinkStatus = 'would-link' | 'linked' | 'already-linked';

/** Why a session found for a commit was not linked to it. */
export type SkipReason = 'below-threshold' | 'already-linked' | Loss['reason'];

export interface ReportedLink {
  link: PlannedLink;
  status: LinkStatus;
}

export interface ReportedSkip {
  session: string;
  commit: string;
  reason: SkipReason;
  confidence?: number;
  /** The session that took the commit (`outclaimed`, `agent-commit`). */
  by?: string;
}

/** Backfill's counts of what it did not look at or left out. */
export interface BackfillCounts {
  ended: number;
  existing: number;
  in_git: number;
  no_overlap: number;
  outclaimed: number;
  other_authors: number;
}

/**
 * What one `lore link` run found and did, in every mode, as data: the links with their
 * status and the sessions it skipped. `--json` prints it; the text lines say the same.
 */
export interface LinkReport {
  links: ReportedLink[];
  skipped: ReportedSkip[];
  backfill?: BackfillCounts;
}

export function newLinkReport(): LinkReport {
  return { links: [], skipped: [] };
}

export function skipOf(session: string, commit: string, loss: Loss): ReportedSkip {
  return { session, commit, reason: loss.reason, ...('by' in loss ? { by: loss.by } : {}) };
}

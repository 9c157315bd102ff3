/** Every line `lore link` prints, in one place (the seed page fixes most of them). */
import type { ReportedSkip } from '../links/link-report.js';
import { shortId } from '../sessions/session.js';

const pct = (c: number) => `${Math.round(c * 100)}%`;

export const linkText = {
  linkingTo: (short: string) => `Linking to commit ${short}`,
  linked: (id8: string, short: string) => `  Linked session ${id8} -> commit ${short}`,
  alreadyLinked: (id8: string, short: string) => `  Linked session ${id8} -> commit ${short} (already linked)`,
  wouldLink: (id8: string, short: string) => `  [dry-run] Would link session ${id8} -> commit ${short}`,

  foundActive: (n: number, root: string) => `Found ${n} active session(s) in ${root}`,
  noActive: (root: string) => `No active sessions in ${root}; nothing to link`,
  noneEdited: () => `None of them edited the commit's files; nothing to link`,
  /** Why a session found for the commit was not linked; `threshold`: --auto's, the only mode with one. */
  skip: (s: ReportedSkip, threshold = 0) => {
    const id8 = shortId(s.session);
    const by = shortId(s.by ?? '');
    switch (s.reason) {
      case 'below-threshold':
        return `  Skipped ${id8} (confidence: ${pct(s.confidence ?? 0)} < ${pct(threshold)})`;
      case 'already-linked':
        return `  Skipped ${id8} (already linked)`;
      case 'no-overlap':
        return `  Skipped ${id8} (edited none of the commit's files)`;
      case 'outclaimed':
        return `  Skipped ${id8} (no file data; ${by} edited the commit's files)`;
      case 'agent-commit':
        return `  Skipped ${id8} (${by}'s agent made the commit)`;
    }
  },

  autoHeader: (short: string) => `Auto-linking to commit ${short}`,
  autoCommit: (subject: string, date: string) => `  Commit: ${subject} (${date})`,
  autoFiles: (n: number) => `  Files changed: ${n}`,
  autoThreshold: (t: number) => `  Threshold: ${pct(t)}`,
  candidates: (n: number) => `Found ${n} candidate session(s)`,
  meetThreshold: (n: number) => `${n} session(s) meet the confidence threshold:`,
  noneMeet: () => `No session meets the confidence threshold; nothing to link`,
  autoWould: (id8: string, short: string, c: number) => `  [dry-run] Would link ${id8} -> ${short} (confidence: ${pct(c)})`,
  autoLinked: (id8: string, short: string, c: number) => `  Linked ${id8} -> ${short} (confidence: ${pct(c)})`,

  backfillFound: (n: number) => `${n} session-to-commit link(s) found:`,
  backfillNone: () => `No new session-to-commit links found`,
  backfillWould: (id8: string, sha8: string, subject: string) => `  [dry-run] Would link ${id8} -> ${sha8} ${subject}`,
  backfillLinked: (id8: string, sha8: string, subject: string) => `  Linked ${id8} -> ${sha8} ${subject}`,
  scanned: (ended: number, existing: number, inGit: number) =>
    `Scanned ${ended} ended session(s); ${existing} with existing directories; ${inGit} in git repos`,
  skippedMissing: (n: number) => `Skipped ${n} session(s) with missing directories`,
  skippedNonGit: (n: number) => `Skipped ${n} session(s) in non-git directories`,
  skippedNoOverlap: (n: number) => `Skipped ${n} commit(s) with no file overlap`,
  skippedOutclaimed: (n: number) => `Skipped ${n} link(s) of sessions without file data to commits another session edited`,
  skippedOtherAuthors: (n: number) => `Skipped ${n} commit(s) by other authors (use --all-authors to include them)`,

  prompt: 'Apply these links? (y/N):',
  applied: (n: number) => `Applied ${n} link(s)`,
  notApplied: () => `No links applied`,
};

import { applyOneCommit, type OneCommitPlan } from '../commands/link-one-commit.js';
import type { Io } from '../io.js';
import type { LinkReport } from '../links/link-report.js';
import { shortId } from '../sessions/session.js';
import { linkText } from './link-text.js';

/** Links sessions to one commit, or with `dryRun` says it would, in the seed's lines (manual and --current). */
export async function linkOneCommit(plan: OneCommitPlan, dryRun: boolean, io: Io, report?: LinkReport): Promise<void> {
  const short = plan.commit.short;
  io.out(linkText.linkingTo(short));
  if (dryRun) {
    for (const l of plan.links) io.out(linkText.wouldLink(shortId(l.session), short));
    report?.links.push(...plan.links.map((link) => ({ link, status: 'would-link' as const })));
    return;
  }
  const done = await applyOneCommit(plan);
  report?.links.push(...done);
  for (const { link, status } of done) io.out((status === 'linked' ? linkText.linked : linkText.alreadyLinked)(shortId(link.session), short));
}

import { depsOf } from './deps-of.js';
import { applyBackfill, planBackfill, type BackfillFound } from '../commands/link-backfill.js';
import { confirm, type Io } from '../io.js';
import type { LinkReport } from '../links/link-report.js';
import { shortId } from '../sessions/session.js';
import type { LinkArgs } from './link-command.js';
import { linkText } from './link-text.js';

/**
 * `lore link --auto --backfill`: the links found and the counts of what was left out;
 * --yes writes them before printing, otherwise y/N (unless --dry-run) after.
 */
export async function runBackfill(a: LinkArgs, cwd: string, io: Io, report?: LinkReport): Promise<void> {
  const applyNow = a.yes && !a.dryRun;
  const plan = await planBackfill({ cwd, allAuthors: a.allAuthors, prepareWrite: applyNow }, depsOf(io));
  const { found, counts } = plan;
  if (report) report.backfill = counts;
  const summary = () => {
    io.out(linkText.scanned(counts.ended, counts.existing, counts.in_git));
    io.out(linkText.skippedMissing(counts.ended - counts.existing));
    io.out(linkText.skippedNonGit(counts.existing - counts.in_git));
    if (counts.no_overlap > 0) io.out(linkText.skippedNoOverlap(counts.no_overlap));
    if (counts.outclaimed > 0) io.out(linkText.skippedOutclaimed(counts.outclaimed));
    if (counts.other_authors > 0) io.out(linkText.skippedOtherAuthors(counts.other_authors));
  };
  if (found.length === 0) {
    io.out(linkText.backfillNone());
    summary();
    return;
  }
  io.out(linkText.backfillFound(found.length));
  // git's abbreviation, but never under the 8 digits the seed's backfill lines show.
  const line = (f: BackfillFound, text: typeof linkText.backfillWould) => text(shortId(f.link.session), f.link.sha.slice(0, Math.max(8, f.abbrev)), f.subject);
  // One write for thousands of lines: a write per line costs more than planning them.
  const lines = (text: typeof linkText.backfillWould) => io.out(found.map((f) => line(f, text)).join('\n'));
  if (applyNow) {
    await applyBackfill(plan);
    lines(linkText.backfillLinked);
  } else lines(linkText.backfillWould);
  report?.links.push(...found.map(({ link }) => ({ link, status: applyNow ? ('linked' as const) : ('would-link' as const) })));
  summary();
  if (a.dryRun || applyNow) return;
  if (!(await confirm(io, linkText.prompt))) return io.out(linkText.notApplied());
  io.out(linkText.applied(await applyBackfill(plan)));
}

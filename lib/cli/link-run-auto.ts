import { depsOf } from './deps-of.js';
import { planLinkAuto } from '../commands/link-auto.js';
import { applyOneCommit } from '../commands/link-one-commit.js';
import { confirm, type Io } from '../io.js';
import type { LinkReport } from '../links/link-report.js';
import { shortId } from '../sessions/session.js';
import { formatMinute } from './format.js';
import type { LinkArgs } from './link-command.js';
import { linkText } from './link-text.js';

/** `lore link --auto`: the commit and its scored candidates, then y/N (unless --yes or --dry-run) before the links are written. */
export async function runAuto(a: LinkArgs, cwd: string, io: Io, report?: LinkReport): Promise<void> {
  const plan = await planLinkAuto({ cwd, commit: a.commit, threshold: a.threshold }, depsOf(io));
  const { commit, links } = plan.target;
  io.out(linkText.autoHeader(commit.short));
  io.out(linkText.autoCommit(commit.subject, formatMinute(commit.authorTime, commit.authorOffset)));
  io.out(linkText.autoFiles(plan.filesChanged));
  io.out(linkText.autoThreshold(a.threshold));
  io.out('');
  io.out(linkText.candidates(plan.candidates));
  for (const s of plan.skipped) io.out(linkText.skip(s, a.threshold));
  report?.skipped.push(...plan.skipped);
  if (links.length === 0) return io.out(linkText.noneMeet());
  io.out(linkText.meetThreshold(links.length));
  const confidence = (c: number | undefined) => c ?? 0; // every --auto link has one
  if (a.dryRun || !a.yes) for (const l of links) io.out(linkText.autoWould(shortId(l.session), commit.short, confidence(l.confidence)));
  if (a.dryRun) {
    report?.links.push(...links.map((link) => ({ link, status: 'would-link' as const })));
    return;
  }
  if (!a.yes && !(await confirm(io, linkText.prompt))) return io.out(linkText.notApplied());
  const done = await applyOneCommit(plan.target);
  report?.links.push(...done);
  const added = done.filter((d) => d.status === 'linked').map((d) => d.link);
  for (const l of added) io.out(linkText.autoLinked(shortId(l.session), commit.short, confidence(l.confidence)));
  io.out(linkText.applied(added.length));
}

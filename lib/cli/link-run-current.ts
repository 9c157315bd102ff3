import { planLinkCurrent } from '../commands/link-current.js';
import type { Io } from '../io.js';
import type { LinkReport } from '../links/link-report.js';
import type { LinkArgs } from './link-command.js';
import { linkOneCommit } from './link-run-one.js';
import { linkText } from './link-text.js';

/** `lore link --current`, the post-commit hook's: what it found, then the links of the sessions that made the commit. */
export async function runCurrent(a: LinkArgs, cwd: string, io: Io, report?: LinkReport): Promise<void> {
  // Only a warn, not depsOf: the hook's path loads nothing it does not use.
  const plan = await planLinkCurrent({ cwd, commit: a.commit }, { warn: (line) => io.err(line) });
  if (plan.kind === 'none') return io.out(linkText.noActive(plan.root));
  io.out(linkText.foundActive(plan.found, plan.root));
  for (const s of plan.skipped) io.out(linkText.skip(s));
  report?.skipped.push(...plan.skipped);
  if (plan.target.links.length === 0) return io.out(linkText.noneEdited());
  await linkOneCommit(plan.target, a.dryRun, io, report);
}

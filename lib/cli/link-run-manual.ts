import { depsOf } from './deps-of.js';
import { planManual } from '../commands/link-manual.js';
import type { Io } from '../io.js';
import type { LinkReport } from '../links/link-report.js';
import type { LinkArgs } from './link-command.js';
import { linkOneCommit } from './link-run-one.js';

/** `lore link <SESSION>...`: every prefix resolved before anything is written. */
export async function runManual(a: LinkArgs, cwd: string, io: Io, report?: LinkReport): Promise<void> {
  const plan = await planManual({ cwd, sessions: a.sessions, commit: a.commit, prepareWrite: !a.dryRun }, depsOf(io));
  await linkOneCommit(plan, a.dryRun, io, report);
}

import type { CommandSpec } from './command.js';
import { depsOf } from './deps-of.js';
import { confirm } from '../io.js';
import { commitLines } from './commit-lines.js';
import { optionTable } from './option-table.js';
import { unlinkText as t } from './unlink-text.js';

export const unlinkSpec: CommandSpec = {
  table: optionTable('unlink <session>', { session: { describe: 'Session id or unique prefix (a full id for sessions not in the index)' } }, {
    commit: { type: 'string', describe: 'Only unlink from this commit' },
    yes: { type: 'boolean', default: false, describe: 'Remove without prompting' },
    'dry-run': { type: 'boolean', default: false, describe: 'List the links without removing them' },
  }),
  describe: 'Remove a session\'s links from this repository\'s commits',
  run: async (argv, cwd, io) => {
    const { applyUnlink, planUnlink } = await import('../commands/unlink.js');
    const dryRun = Boolean(argv['dry-run']);
    const plan = await planUnlink(
      { cwd, session: String(argv.session), commit: argv.commit === undefined ? undefined : String(argv.commit) },
      depsOf(io),
    );
    if (plan.kind === 'commit') {
      if (!plan.linked) return io.out(t.notLinked(plan.id8, plan.short));
      if (dryRun) return io.out(t.wouldUnlink(plan.id8, plan.short));
      return io.out((await applyUnlink(plan)) > 0 ? t.unlinked(plan.id8, plan.short) : t.notLinked(plan.id8, plan.short));
    }
    const n = plan.commits.length;
    if (n === 0) return io.out(t.notLinkedHere(plan.id8, plan.repo.root));
    io.out(t.linkedTo(plan.id8, n, plan.repo.root));
    for (const line of commitLines(plan.commits)) io.out(line);
    if (dryRun) return io.out(t.wouldRemove(n));
    if (!argv.yes && !(await confirm(io, t.prompt))) return io.out(t.notRemoved());
    io.out(t.removed(await applyUnlink(plan)));
  },
};

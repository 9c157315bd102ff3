import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const unlinkSpec: CommandSpec = {
  table: optionTable('unlink <session>', { session: { describe: 'Session id or unique prefix (a full id for sessions not in the index)' } }, {
    commit: { type: 'string', describe: 'Only unlink from this commit' },
    yes: { type: 'boolean', default: false, describe: 'Remove without prompting' },
    'dry-run': { type: 'boolean', default: false, describe: 'List the links without removing them' },
  }),
  describe: 'Remove a session\'s links from this repository\'s commits',
  run: async (argv, cwd, io) => {
    const { unlink } = await import('../commands/unlink.js');
    await unlink(
      {
        cwd,
        session: String(argv.session),
        commit: argv.commit === undefined ? undefined : String(argv.commit),
        yes: Boolean(argv.yes),
        dryRun: Boolean(argv['dry-run']),
      },
      io,
    );
  },
};

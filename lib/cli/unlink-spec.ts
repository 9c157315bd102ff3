import type { CommandSpec } from './command.js';

export const unlinkSpec: CommandSpec = {
  command: 'unlink <session>',
  describe: 'Remove a session\'s links from this repository\'s commits',
  builder: (y) =>
    y
      .positional('session', { type: 'string', describe: 'Session id or unique prefix (a full id for sessions not in the index)' })
      .option('commit', { type: 'string', describe: 'Only unlink from this commit', requiresArg: true })
      .option('yes', { type: 'boolean', default: false, describe: 'Remove without prompting' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'List the links without removing them' }) as never,
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

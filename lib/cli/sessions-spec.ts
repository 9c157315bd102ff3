import type { CommandSpec } from './command.js';

export const sessionsSpec: CommandSpec = {
  command: 'sessions',
  describe: 'List the sessions lore knows, newest first',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' })
      .option('limit', { type: 'number', describe: 'Show at most N sessions', requiresArg: true }) as never,
  run: async (argv, cwd, io) => {
    const { listSessions } = await import('../commands/sessions.js');
    await listSessions({ cwd, json: Boolean(argv.json), limit: argv.limit as number | undefined }, io);
  },
};

import type { CommandSpec } from './command.js';

export const syncSpec: CommandSpec = {
  command: 'sync [remote]',
  describe: 'Share links through a git remote: fetch, merge and push refs/notes/lore',
  builder: (y) =>
    y
      .positional('remote', { type: 'string', describe: "Remote to sync with (default: the current branch's remote, else origin)" })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing on success' }) as never,
  run: async (argv, cwd, io) => {
    const { sync } = await import('../commands/sync.js');
    await sync({ cwd, remote: argv.remote as string | undefined, quiet: Boolean(argv.quiet) }, io);
  },
};

import type { CommandSpec } from './command.js';

export const syncSpec: CommandSpec = {
  command: 'sync [remote]',
  describe: 'Share links through a git remote: fetch, merge and push refs/notes/lore',
  builder: (y) =>
    y
      .positional('remote', { type: 'string', describe: "Remote to sync with (default: the current branch's remote, else origin)" })
      .option('carry', { type: 'boolean', default: true, describe: 'Carry links onto what the upstream branch gained (squash and rebase merges); --no-carry skips it' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing on success' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' }) as never,
  run: async (argv, cwd, io) => {
    const [{ sync }, { syncText }] = await Promise.all([import('../commands/sync.js'), import('./sync-text.js')]);
    const result = await sync({ cwd, remote: argv.remote as string | undefined, carry: argv.carry !== false, warn: (line) => io.err(line) });
    if (argv.json) io.out(JSON.stringify(syncText.json(result), null, 2));
    else if (!argv.quiet) for (const line of syncText.lines(result)) io.out(line);
  },
};

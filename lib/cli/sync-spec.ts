import { depsOf } from './deps-of.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const syncSpec: CommandSpec = {
  table: optionTable('sync [remote]', { remote: { describe: "Remote to sync with (default: the current branch's remote, else origin)" } }, {
    carry: { type: 'boolean', default: true, describe: 'Carry links onto what the upstream branch gained (squash and rebase merges); --no-carry skips it' },
    quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing on success' },
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: 'Share links through a git remote: fetch, merge and push refs/notes/lore',
  run: async (argv, cwd, io) => {
    const [{ sync }, { syncText }] = await Promise.all([import('../commands/sync.js'), import('./sync-text.js')]);
    const result = await sync({ cwd, remote: argv.remote as string | undefined, carry: argv.carry !== false }, depsOf(io));
    if (argv.json) io.out(JSON.stringify(syncText.json(result), null, 2));
    else if (!argv.quiet) for (const line of syncText.lines(result)) io.out(line);
  },
};

import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const carrySpec: CommandSpec = {
  table: optionTable('carry [range]', { range: { describe: 'Commits to carry onto, as git reads a range (default: what the upstream gained since the last carry)' } }, {
    'dry-run': { type: 'boolean', default: false, describe: 'Preview without making changes' },
    quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print only the links carried' },
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: 'Carry links onto the commits that a squash merge, rebase merge or cherry-pick made of linked commits',
  run: async (argv, cwd, io) => {
    const [{ carry }, text] = await Promise.all([import('../commands/carry.js'), import('./carry-text.js')]);
    const result = await carry({ cwd, range: argv.range as string | undefined, dryRun: Boolean(argv['dry-run']) });
    if (argv.json) io.out(JSON.stringify(text.carryJson(result), null, 2));
    else for (const line of text.carryLines(result, Boolean(argv.quiet))) io.out(line);
  },
};

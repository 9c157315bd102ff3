import type { CommandSpec } from './command.js';
import { depsOf } from './deps-of.js';
import { optionTable } from './option-table.js';

export const blameSpec: CommandSpec = {
  table: optionTable('blame <file>', { file: { describe: 'FILE, FILE:LINE or FILE:LINE-END (lines as committed at HEAD)' } }, {
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: 'Show the sessions linked to the commits that last changed each line of a file',
  run: async (argv, cwd, io) => {
    const [{ blame, blameJson }, { blameLines }] = await Promise.all([import('../commands/blame.js'), import('./blame-render.js')]);
    const result = await blame({ cwd, target: String(argv.file) }, depsOf(io));
    if (argv.json) return io.out(JSON.stringify(blameJson(result), null, 2));
    // Short ids are unique among every id the notes carry: worth reading them only to print some.
    const { sessionAbbreviator } = await import('../commands/session-abbrev.js');
    const shortId = result.ranges.length === 0 ? (id: string) => id : await sessionAbbreviator(result.repo, result.sessions);
    for (const line of blameLines(result, shortId)) io.out(line);
  },
};

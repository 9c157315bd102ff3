import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const blameSpec: CommandSpec = {
  table: optionTable('blame <file>', { file: { describe: 'FILE, FILE:LINE or FILE:LINE-END (lines as committed at HEAD)' } }, {
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: 'Show the sessions linked to the commits that last changed each line of a file',
  run: async (argv, cwd, io) => {
    const { blame } = await import('../commands/blame.js');
    await blame({ cwd, target: String(argv.file), json: Boolean(argv.json) }, io);
  },
};

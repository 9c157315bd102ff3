import type { CommandSpec } from './command.js';

export const blameSpec: CommandSpec = {
  command: 'blame <file>',
  describe: 'Show the sessions linked to the commits that last changed each line of a file',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'FILE, FILE:LINE or FILE:LINE-END (lines as committed at HEAD)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' }) as never,
  run: async (argv, cwd, io) => {
    const { blame } = await import('../commands/blame.js');
    await blame({ cwd, target: String(argv.file), json: Boolean(argv.json) }, io);
  },
};

import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const remoteSpec: CommandSpec = {
  table: optionTable('remote <action> [remote]', { action: { choices: ['setup'], describe: 'What to do with the remote' }, remote: { describe: "The remote (default: the current branch's remote, else origin)" } }, {}),
  describe: 'remote setup [remote]: make plain git fetch bring the remote\'s links too',
  run: async (argv, cwd, io) => {
    const { setupRemote } = await import('../commands/remote-setup.js');
    await setupRemote({ cwd, remote: argv.remote as string | undefined }, io);
  },
};

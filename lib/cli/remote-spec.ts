import type { CommandSpec } from './command.js';

export const remoteSpec: CommandSpec = {
  command: 'remote <action> [remote]',
  describe: 'remote setup [remote]: make plain git fetch bring the remote\'s links too',
  builder: (y) =>
    y
      .positional('action', { choices: ['setup'], describe: 'What to do with the remote' })
      .positional('remote', { type: 'string', describe: "The remote (default: the current branch's remote, else origin)" }) as never,
  run: async (argv, cwd, io) => {
    const { setupRemote } = await import('../commands/remote-setup.js');
    await setupRemote({ cwd, remote: argv.remote as string | undefined }, io);
  },
};

import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const remoteSpec: CommandSpec = {
  table: optionTable('remote <action> [remote]', { action: { choices: ['setup'], describe: 'What to do with the remote' }, remote: { describe: "The remote (default: the current branch's remote, else origin)" } }, {}),
  describe: 'remote setup [remote]: make plain git fetch bring the remote\'s links too',
  run: async (argv, cwd, io) => {
    const [{ setupRemote }, { syncText: t }] = await Promise.all([import('../commands/remote-setup.js'), import('./sync-text.js')]);
    const r = await setupRemote({ cwd, remote: argv.remote as string | undefined });
    for (const refspec of r.overwriting) {
      io.err(t.overwriting(r.remote, refspec));
      io.err(t.overwritingHint(r.remote, refspec));
    }
    for (const { refspec, added } of r.refspecs) io.out(added ? t.setupAdded(r.remote, refspec) : t.setupAlready(r.remote, refspec));
    if (r.remoteHasLinks === false) for (const line of t.noLinksOnRemote(r.remote)) io.err(line);
    io.out(t.setupNext(r.remote));
  },
};

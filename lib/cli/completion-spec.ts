import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';
import { COMPLETION_SCRIPTS, SHELLS, type Shell } from './completion-scripts.js';

/** The shell the user runs, by $SHELL's name; bash when it is none lore knows. */
function currentShell(): Shell {
  const name = (process.env.SHELL ?? '').split('/').pop() as Shell;
  return SHELLS.includes(name) ? name : 'bash';
}

export const completionSpec: CommandSpec = {
  table: optionTable('completion [shell]', { shell: { describe: SHELLS.join(' | ') } }, {}),
  describe: 'Print a shell completion script to source (bash, zsh or fish; default: your $SHELL)',
  run: async (argv, _cwd, io) => {
    const shell = (argv.shell as string | undefined) ?? currentShell();
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new LoreError('BAD_ARGUMENT', `no completion for the shell '${shell}'`, `Give one of: ${SHELLS.join(', ')}`);
    }
    io.out(COMPLETION_SCRIPTS[shell as Shell].trimEnd());
  },
};

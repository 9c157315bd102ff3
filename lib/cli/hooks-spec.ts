import type { CommandSpec } from './command.js';
import { hooksText } from './hooks-text.js';
import { LoreError } from '../errors.js';

const ACTIONS = ['install', 'uninstall', 'status'];
/** Run by the post-rewrite hook, not by people: accepted, but not listed in the help. */
const REWRITTEN = 'rewritten';

/** post-rewrite's "old new" lines; a terminal gives none (the hook always pipes them). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const hooksSpec: CommandSpec = {
  command: 'hooks <action>',
  describe: 'Git hooks: link each commit to the active sessions; links follow amend and rebase',
  builder: (y) =>
    y
      .positional('action', { type: 'string', describe: ACTIONS.join(' | ') })
      .option('show-in-log', {
        type: 'boolean',
        default: false,
        describe: 'With install: also set notes.displayRef so plain git log shows the links',
      }) as never,
  run: async (argv, cwd, io) => {
    const action = String(argv.action);
    const showInLog = Boolean(argv['show-in-log']);
    if (action !== REWRITTEN && !ACTIONS.includes(action)) {
      throw new LoreError('BAD_ARGUMENT', `unknown action '${action}'`, `Give one of: lore hooks ${ACTIONS.join(' | ')}`);
    }
    if (showInLog && action !== 'install') throw new LoreError('BAD_ARGUMENT', '--show-in-log goes with install', 'Run: lore hooks install --show-in-log');
    if (action === REWRITTEN) {
      const { carryLinks } = await import('../commands/hooks-rewritten.js');
      const changed = await carryLinks(cwd, await readStdin());
      if (changed > 0) io.out(hooksText.carried(changed));
      return;
    }
    const hooks = await import('../commands/hooks.js');
    if (action === 'install') hooks.installHooks({ cwd, showInLog }, io);
    else if (action === 'uninstall') hooks.uninstallHooks({ cwd }, io);
    else hooks.hooksStatus({ cwd }, io);
  },
};

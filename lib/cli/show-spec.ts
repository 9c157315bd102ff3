import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';
import { showText } from './show-text.js';

const SHOW_USAGE = `Show what links sessions and commits

Usage:
  lore show <SESSION> [--json]
  lore show <SESSION> --full [--json]  (the conversation, through a pager on a terminal)
  lore show --commit <REF> [--json]
  lore show                          (the same as --commit HEAD)`;

/** One command with two forms: a session's commits, or with --commit a commit's sessions. */
export const showSpec: CommandSpec = {
  table: optionTable('show [session]', { session: { describe: 'Session id or unique prefix' } }, {
    commit: { type: 'string', describe: 'Show the sessions linked to this commit' },
    full: { type: 'boolean', default: false, describe: "With a session: its whole conversation, from the agent's log" },
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }, SHOW_USAGE),
  describe: "Show a session's linked commits, or with --commit a commit's linked sessions",
  run: async (argv, cwd, io) => {
    const json = Boolean(argv.json);
    const session = argv.session === undefined ? undefined : String(argv.session);
    if (session !== undefined && argv.commit !== undefined) throw new LoreError('BAD_ARGUMENT', showText.bothGiven);
    if (argv.full && session === undefined) throw new LoreError('BAD_ARGUMENT', showText.fullNeedsSession);
    // With neither, git's habit: `git show` shows HEAD.
    if (session === undefined) {
      const { showCommit } = await import('../commands/show-commit.js');
      return showCommit({ cwd, ref: argv.commit === undefined ? 'HEAD' : String(argv.commit), json }, io);
    }
    const { showSession } = await import('../commands/show.js');
    if (!argv.full) return showSession({ cwd, session, json }, io);
    // All of it first, then one pager: a failure (an unknown session) is an error line, not a pager.
    const lines: string[] = [];
    await showSession({ cwd, session, json, full: true }, { ...io, out: (line) => lines.push(line) });
    const { page } = await import('./pager.js');
    return page(lines, cwd, io);
  },
};

import { depsOf } from './deps-of.js';
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
    const deps = depsOf(io);
    // With neither, git's habit: `git show` shows HEAD.
    if (session === undefined) {
      const [{ showCommit, showCommitJson, unfetchedRemote }, { sessionAbbreviator }, { commitSessionsLines }] = await Promise.all([
        import('../commands/show-commit.js'),
        import('../commands/session-abbrev.js'),
        import('./show-render.js'),
      ]);
      const result = await showCommit({ cwd, ref: argv.commit === undefined ? 'HEAD' : String(argv.commit) }, deps);
      if (json) return io.out(JSON.stringify(showCommitJson(result), null, 2));
      // Both read git only to print: short ids among every id the notes carry, the hint only when no link is here.
      const none = result.sessions.length === 0;
      const shortId = none ? (id: string) => id : await sessionAbbreviator(result.repo, result.index);
      const fetchFrom = none ? await unfetchedRemote(result.repo.gitDir, cwd) : null;
      for (const line of commitSessionsLines(result, shortId, fetchFrom)) io.out(line);
      return;
    }
    const [{ showSession, showSessionJson }, { sessionLines }] = await Promise.all([import('../commands/show.js'), import('./show-render.js')]);
    const result = await showSession({ cwd, session, full: Boolean(argv.full) }, deps);
    const lines = json ? [JSON.stringify(showSessionJson(result), null, 2)] : sessionLines(result);
    if (!argv.full) return lines.forEach((line) => io.out(line));
    // All of it first, then one pager: a failure (an unknown session) is an error line, not a pager.
    const { page } = await import('./pager.js');
    return page(lines, cwd, io);
  },
};

import { depsOf } from './deps-of.js';
import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const logSpec: CommandSpec = {
  table: optionTable('log [range]', { range: { describe: "Commits to explain, as git reads a range (default: the branch's commits not on the remote's default branch, else the last 100)" } }, {
    markdown: { type: 'boolean', default: false, describe: 'Print Markdown, ready to paste as a pull-request comment' },
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: "The sessions behind a range of commits (a pull request's), with their commits; --markdown for a PR comment",
  run: async (argv, cwd, io) => {
    if (argv.json && argv.markdown) throw new LoreError('BAD_ARGUMENT', 'give --markdown or --json, not both');
    const [{ sessionsLog, sessionsLogJson }, text] = await Promise.all([import('../commands/sessions-log.js'), import('./log-text.js')]);
    const result = await sessionsLog({ cwd, range: argv.range as string | undefined }, depsOf(io));
    if (argv.json) io.out(JSON.stringify(sessionsLogJson(result), null, 2));
    else for (const line of argv.markdown ? text.logMarkdown(result) : text.logLines(result)) io.out(line);
  },
};

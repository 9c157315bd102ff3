import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

function minOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(String(value).replace(/%$/, ''));
  if (String(value).trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new LoreError('BAD_ARGUMENT', `--min must be a percentage from 0 to 100, not "${String(value)}"`);
  }
  return n;
}

export const coverageSpec: CommandSpec = {
  table: optionTable('coverage [range]', { range: { describe: "Commits to count, as git reads a range (default: the branch's commits not on the remote's default branch, else the last 100)" } }, {
    min: { type: 'string', describe: 'Fail (exit 1) when fewer than PCT percent of the commits are linked' },
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: "How many of a range's commits are linked to a session, by method; --min gates a CI step",
  run: async (argv, cwd, io) => {
    const min = minOf(argv.min);
    const [{ coverage }, text] = await Promise.all([import('../commands/coverage.js'), import('./coverage-text.js')]);
    const result = await coverage({ cwd, range: argv.range as string | undefined });
    if (argv.json) io.out(JSON.stringify(text.coverageJson(result), null, 2));
    else for (const line of text.coverageLines(result)) io.out(line);
    if (min !== undefined && result.percent < min) throw new LoreError('BELOW_MINIMUM', text.belowMinimum(result.percent, min));
  },
};

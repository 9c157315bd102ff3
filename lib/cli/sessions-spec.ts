import { resolve } from 'node:path';
import { depsOf } from './deps-of.js';
import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

/** `--limit` is a count: yargs would turn `x` into NaN and take `-1` as it is. */
export function limitOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || String(value).trim() === '') {
    throw new LoreError('BAD_ARGUMENT', `--limit must be a whole number of sessions (0 or more), not "${String(value)}"`);
  }
  return n;
}

export const sessionsSpec: CommandSpec = {
  table: optionTable('sessions', {}, {
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
    limit: { type: 'string', describe: 'Show at most N sessions' },
    repo: { type: 'string', describe: 'Only sessions in this directory or below it' },
    here: { type: 'boolean', default: false, describe: "Only sessions in the current repository (its top and below)" },
  }),
  describe: 'List the sessions lore knows, newest first',
  run: async (argv, cwd, io) => {
    if (argv.here && argv.repo !== undefined) throw new LoreError('BAD_ARGUMENT', 'give --repo DIR or --here, not both');
    const [{ listSessions, sessionsJson }, { findGitRoot }, { sessionsLines }] = await Promise.all([
      import('../commands/sessions.js'),
      import('../git/discover.js'),
      import('./sessions-render.js'),
    ]);
    let within = argv.repo === undefined ? undefined : resolve(cwd, String(argv.repo));
    if (argv.here) {
      const root = findGitRoot(cwd);
      if (root === null) throw new LoreError('NOT_A_REPO', `not inside a git repository: ${cwd}`, 'Run lore sessions --here inside a repository, or give --repo DIR.');
      within = root;
    }
    const result = await listSessions({ cwd, limit: limitOf(argv.limit), within }, depsOf(io));
    if (argv.json) io.out(JSON.stringify(sessionsJson(result), null, 2));
    else for (const line of sessionsLines(result)) io.out(line);
  },
};

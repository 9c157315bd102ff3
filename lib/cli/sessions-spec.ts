import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';

/** `--limit` is a count: yargs would turn `x` into NaN and take `-1` as it is. */
function limitOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || String(value).trim() === '') {
    throw new LoreError('BAD_ARGUMENT', `--limit must be a whole number of sessions (0 or more), not "${String(value)}"`);
  }
  return n;
}

export const sessionsSpec: CommandSpec = {
  command: 'sessions',
  describe: 'List the sessions lore knows, newest first',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' })
      .option('limit', { type: 'string', describe: 'Show at most N sessions', requiresArg: true }) as never,
  run: async (argv, cwd, io) => {
    const { listSessions } = await import('../commands/sessions.js');
    await listSessions({ cwd, json: Boolean(argv.json), limit: limitOf(argv.limit) }, io);
  },
};

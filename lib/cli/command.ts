import type { Io } from '../io.js';
import type { OptionTable } from './option-table.js';

/**
 * One `lore` subcommand: its grammar and how to run it. Handlers only turn argv into
 * typed options and call a command in lib/commands; they never exit.
 */
export interface CommandSpec {
  table: OptionTable;
  describe: string;
  /** `argv` holds each option and positional by its table name, defaults filled in. */
  run: (argv: Record<string, unknown>, cwd: string, io: Io) => Promise<void>;
}

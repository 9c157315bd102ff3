import type { Argv } from 'yargs';
import type { Io } from '../io.js';

/**
 * One `lore` subcommand: its yargs declaration and how to run it. Handlers only turn
 * argv into typed options and call a command in lib/commands; they never exit.
 */
export interface CommandSpec {
  /** yargs command string, e.g. `link [sessions..]`. */
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (argv: Record<string, unknown>, cwd: string, io: Io) => Promise<void>;
}

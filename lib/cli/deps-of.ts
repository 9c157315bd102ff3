import type { CommandDeps } from '../commands/deps.js';
import { startProgress, type Io } from '../io.js';

/** The deps of a command run for the terminal: warnings to its standard error, progress on its spinner. */
export function depsOf(io: Io): CommandDeps {
  return { warn: (line) => io.err(line), progress: (text) => startProgress(io, text) };
}

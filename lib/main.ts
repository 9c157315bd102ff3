import { Interrupted, isLoreError } from './errors.js';
import { noRoomFault } from './file-fault.js';
import { EXIT_INTERRUPTED } from './cli/interrupt.js';
import type { Io } from './io.js';
import { processIo } from './cli/io.js';
import type { CommandSpec } from './cli/command.js';
import { COMMANDS } from './cli/commands.js';
import { fastParse } from './cli/fast-parse.js';
import { fullParse, type FullParse } from './cli/full-parse.js';

const EXIT_USER = 1;
const EXIT_USAGE = 2;
const EXIT_BUG = 70;

function reportError(io: Io, e: unknown): number {
  if (e instanceof Interrupted) {
    io.err(e.message);
    return EXIT_INTERRUPTED;
  }
  // A full disk can stop any write, lore's or libgit2's: it is the user's to fix, not a bug.
  if (!isLoreError(e)) e = noRoomFault(e) ?? e;
  if (isLoreError(e)) {
    io.err(`Error: ${e.message}`);
    if (e.hint) io.err(`hint: ${e.hint}`);
    return e.code === 'BAD_ARGUMENT' ? EXIT_USAGE : EXIT_USER;
  }
  const err = e as Error;
  io.err(`Error: internal error: ${err?.message ?? String(e)}`);
  io.err('hint: this is a bug in lore; please report it with the lines below');
  if (err?.stack) io.err(err.stack);
  return EXIT_BUG;
}

/** Runs one command: 0, or the exit code of what it threw, reported. */
async function exitCode(run: () => Promise<void>, io: Io): Promise<number> {
  try {
    await run();
    return 0;
  } catch (e) {
    return reportError(io, e);
  }
}

/**
 * The command the words name and the words it parses (`git lore-link` is `lore link`);
 * null when they name none, for yargs to say so.
 */
async function chosenCommand(argv: string[], as: string): Promise<{ spec: CommandSpec; words: string[] } | null> {
  if (as !== 'lore') return { spec: await COMMANDS.link(), words: argv };
  const [name, ...words] = argv;
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? { spec: await COMMANDS[name](), words } : null;
}

/** `lore help [COMMAND]` is `lore [COMMAND] --help`, as with git. */
function helpArgv(argv: string[]): string[] {
  return argv[0] === 'help' ? [...argv.slice(1), '--help'] : argv;
}

/**
 * The process boundary: parses argv, runs one command, maps failures to exit codes.
 * `as` is the name the user typed: `lore`, or `git lore-link` for the git subcommand.
 */
export async function main(argv: string[], as: 'lore' | 'git lore-link' = 'lore'): Promise<number> {
  const io = processIo();
  const cwd = process.cwd();
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const { LORE_VERSION } = await import('./version.js');
    io.out(`${as} version ${LORE_VERSION}`);
    return 0;
  }
  if (as === 'lore') argv = helpArgv(argv);
  const chosen = await chosenCommand(argv, as);
  const fast = chosen && fastParse(chosen.spec.table, chosen.words);
  if (chosen && fast) return exitCode(() => chosen.spec.run(fast, cwd, io), io);
  return parseAndRun(argv, as, cwd, io);
}

/** The full parser, yargs, for everything the fast path leaves: help, completion, mistakes. */
async function parseAndRun(argv: string[], as: 'lore' | 'git lore-link', cwd: string, io: Io): Promise<number> {
  let full: FullParse;
  try {
    full = await fullParse(argv, as);
  } catch (e) {
    return reportError(io, e);
  }
  if (full.usageError) {
    io.err(`Error: ${full.usageError}`);
    io.err(`hint: see ${as === 'lore' ? 'lore --help' : 'git lore-link -h'}`);
    return EXIT_USAGE;
  }
  const { parsed, picked } = full;
  if (parsed.help || !picked) return 0;
  return exitCode(() => picked.run(parsed, cwd, io), io);
}

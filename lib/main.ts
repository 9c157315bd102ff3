import { Interrupted, isLoreError } from './errors.js';
import { noRoomFault } from './file-fault.js';
import { EXIT_INTERRUPTED } from './cli/interrupt.js';
import type { Io } from './io.js';
import { processIo } from './cli/io.js';
import { LINK_USAGE, linkOptions, runLink, toLinkArgs } from './cli/link-command.js';
import type { CommandSpec } from './cli/command.js';

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

const SESSION_PREFIX = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

/**
 * The calls made most skip yargs (~40 ms to load and parse): the post-commit hook's exact
 * `lore link --current --commit <full sha>`, `lore link <SESSION>...` with no option, and
 * lore's hooks' own `lore hooks agent-event [--agent A]` and `lore hooks rewritten`. They run what yargs
 * would have chosen, with what yargs would have given; anything else, however close, goes
 * through yargs. Returns null for those.
 */
function directRun(argv: string[], as: string, cwd: string, io: Io): (() => Promise<void>) | null {
  if (as === 'lore' && argv.length === 2 && argv[0] === 'hooks' && (argv[1] === 'agent-event' || argv[1] === 'rewritten')) {
    return async () => (await import('./cli/hooks-spec.js')).hooksSpec.run({ action: argv[1] }, cwd, io);
  }
  if (as === 'lore' && argv.length === 4 && argv[0] === 'hooks' && argv[1] === 'agent-event' && argv[2] === '--agent') {
    return async () => (await import('./cli/hooks-spec.js')).hooksSpec.run({ action: argv[1], agent: argv[3] }, cwd, io);
  }
  const [command, ...rest] = as === 'lore' ? argv : ['link', ...argv];
  if (command !== 'link' || rest.length === 0) return null;
  const link = (args: Record<string, unknown>) => () => runLink(toLinkArgs(args), cwd, io);
  if (rest.every((a) => SESSION_PREFIX.test(a))) return link({ sessions: rest });
  if (rest.length !== 3) return null;
  const at = rest.indexOf('--commit');
  const sha = at === -1 ? undefined : rest[at + 1];
  const others = rest.filter((_, i) => i !== at && i !== at + 1);
  return sha && /^[0-9a-f]{40}$/i.test(sha) && others.length === 1 && others[0] === '--current' ? link({ current: true, commit: sha }) : null;
}

/** What `lore --help` ends with: what a script or a hook needs to know beyond the commands. */
const EPILOGUE = `Environment:
  LORE_HOME    where the session index lives (default: ~/.lore)
  LORE_SKIP=1  makes lore's git hooks do nothing (e.g. LORE_SKIP=1 git commit ...)

Exit codes: 0 success, 1 a failure, 2 a usage mistake, 70 a bug in lore.
Stopped by Ctrl-C: exit code 130.
lore help COMMAND shows a command's options; man lore has the whole manual.`;

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
  const direct = directRun(argv, as, cwd, io);
  if (direct) return exitCode(direct, io);
  const [{ asksForHelp, loadYargs }, { COMMANDS }, { linkSpec }] = await Promise.all([
    import('./cli/yargs-loader.js'),
    import('./cli/commands.js'),
    import('./cli/link-spec.js'),
  ]);
  const yargs = await loadYargs(asksForHelp(argv));
  let usageError: string | undefined;
  let chosen: CommandSpec | undefined;
  const parser = yargs()
    .scriptName(as)
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .fail((msg, err) => {
      // yargs reports its own validation failures (a missing option value) as a YError.
      if (err && err.name !== 'YError') throw err;
      usageError = msg ?? err?.message;
    });

  if (as === 'git lore-link') {
    parser.usage(LINK_USAGE.replaceAll('$0', 'git lore-link'));
    linkOptions(parser.command('$0 [sessions..]', false, () => {}, () => void (chosen = linkSpec)));
  } else {
    parser.usage('lore: link AI coding sessions to the git commits they produced\n\nUsage: lore <command> [options]');
    for (const spec of COMMANDS) parser.command(spec.command, spec.describe, spec.builder, () => void (chosen = spec));
    parser.demandCommand(1, 'Give a command (see lore --help)').epilogue(EPILOGUE);
    // Answers the completion scripts' `lore --get-yargs-completions <words>`; yargs' own
    // script command stays hidden, `lore completion [shell]` prints lore's.
    parser.completion('yargs-completion-script', false);
  }

  let parsed: Record<string, unknown>;
  try {
    parsed = (await parser.parseAsync(argv)) as Record<string, unknown>;
  } catch (e) {
    return reportError(io, e);
  }
  if (usageError) {
    io.err(`Error: ${usageError}`);
    io.err(`hint: see ${as === 'lore' ? 'lore --help' : 'git lore-link -h'}`);
    return EXIT_USAGE;
  }
  if (parsed.help || !chosen) return 0;
  const command = chosen;
  return exitCode(() => command.run(parsed, cwd, io), io);
}

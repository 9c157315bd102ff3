import { isLoreError } from './errors.js';
import { processIo, type Io } from './cli/io.js';
import { LINK_USAGE, linkOptions, runLink, toLinkArgs } from './cli/link-command.js';
import type { CommandSpec } from './cli/command.js';

const EXIT_USER = 1;
const EXIT_USAGE = 2;
const EXIT_BUG = 70;

function reportError(io: Io, e: unknown): number {
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

const SESSION_PREFIX = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;

/**
 * The two calls made most: the post-commit hook's exact `lore link --current --commit
 * <full sha>` on every commit, and `lore link <SESSION>...` with no option. Both skip yargs
 * (~40 ms to load and parse) and give toLinkArgs what yargs would; anything else, however
 * close, goes through yargs.
 */
function fastLink(argv: string[], as: string): Record<string, unknown> | null {
  const [command, ...rest] = as === 'lore' ? argv : ['link', ...argv];
  if (command !== 'link' || rest.length === 0) return null;
  if (rest.every((a) => SESSION_PREFIX.test(a))) return { sessions: rest };
  if (rest.length !== 3) return null;
  const at = rest.indexOf('--commit');
  const sha = at === -1 ? undefined : rest[at + 1];
  const others = rest.filter((_, i) => i !== at && i !== at + 1);
  return sha && /^[0-9a-f]{40}$/i.test(sha) && others.length === 1 && others[0] === '--current' ? { current: true, commit: sha } : null;
}

/** What lore's own hooks run (`lore hooks agent-event`, `lore hooks rewritten`): exactly that argv, no yargs. */
function hookAction(argv: string[], as: string): string | null {
  return as === 'lore' && argv.length === 2 && argv[0] === 'hooks' && (argv[1] === 'agent-event' || argv[1] === 'rewritten') ? argv[1] : null;
}

/**
 * The process boundary: parses argv, runs one command, maps failures to exit codes.
 * `as` is the name the user typed: `lore`, or `git lore-link` for the git subcommand.
 */
export async function main(argv: string[], as: 'lore' | 'git lore-link' = 'lore'): Promise<number> {
  const io = processIo();
  const cwd = process.cwd();
  const fast = fastLink(argv, as);
  const hook = fast ? null : hookAction(argv, as);
  if (fast || hook) {
    try {
      if (fast) await runLink(toLinkArgs(fast), cwd, io);
      else await (await import('./cli/hooks-spec.js')).hooksSpec.run({ action: hook }, cwd, io);
      return 0;
    } catch (e) {
      return reportError(io, e);
    }
  }
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
    parser.demandCommand(1, 'Give a command (see lore --help)');
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
  try {
    await chosen.run(parsed, cwd, io);
    return 0;
  } catch (e) {
    return reportError(io, e);
  }
}

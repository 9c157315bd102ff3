import yargs from 'yargs';
import { isLoreError, LoreError } from './errors.js';
import { processIo, type Io } from './cli/io.js';
import { LINK_USAGE, linkOptions, runLink, toLinkArgs } from './cli/link-command.js';

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

/**
 * The process boundary: parses argv, runs one command, maps failures to exit codes.
 * `as` is the name the user typed: `lore`, or `git lore-link` for the git subcommand.
 */
export async function main(argv: string[], as: 'lore' | 'git lore-link' = 'lore'): Promise<number> {
  const io = processIo();
  const cwd = process.cwd();
  let usageError: string | undefined;
  const parser = yargs()
    .scriptName(as)
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
    });

  if (as === 'git lore-link') {
    parser.usage(LINK_USAGE.replaceAll('$0', 'git lore-link'));
    linkOptions(parser.command('$0 [sessions..]', false));
  } else {
    parser
      .usage('lore: link AI coding sessions to the git commits they produced\n\nUsage: lore <command> [options]')
      .command('link [sessions..]', 'Link sessions to git commits', (y) => linkOptions(y.usage(LINK_USAGE.replaceAll('$0', 'lore link'))))
      .command('sessions', 'List the sessions lore knows, newest first', (y) =>
        y.option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' }).option('limit', { type: 'number', describe: 'Show at most N sessions' }),
      )
      .demandCommand(1, 'Give a command: lore link, lore sessions (see lore --help)');
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
  if (parsed.help) return 0;
  const command = as === 'git lore-link' ? 'link' : String((parsed._ as unknown[])[0]);
  try {
    switch (command) {
      case 'link':
        await runLink(toLinkArgs(parsed), cwd, io);
        break;
      case 'sessions': {
        const { listSessions } = await import('./commands/sessions.js');
        await listSessions({ cwd, json: Boolean(parsed.json), limit: parsed.limit as number | undefined }, io);
        break;
      }
      default:
        throw new LoreError('BAD_ARGUMENT', `unknown command '${command}'`, 'See lore --help.');
    }
    return 0;
  } catch (e) {
    return reportError(io, e);
  }
}

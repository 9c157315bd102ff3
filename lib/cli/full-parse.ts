import type { CommandSpec } from './command.js';
import { COMMANDS, loadCommands } from './commands.js';
import { commandString, declare } from './option-table.js';

/** What `lore --help` ends with: what a script or a hook needs to know beyond the commands. */
const EPILOGUE = `Environment:
  LORE_HOME    where the session index lives (default: ~/.lore)
  LORE_SKIP=1  makes lore's git hooks do nothing (e.g. LORE_SKIP=1 git commit ...)

Exit codes: 0 success, 1 a failure, 2 a usage mistake, 70 a bug in lore.
Stopped by Ctrl-C: exit code 130.
lore help COMMAND shows a command's options; man lore has the whole manual.`;

export interface FullParse {
  /** What yargs parsed: each option and positional by name (and camel-cased), `_`, `help`. */
  parsed: Record<string, unknown>;
  /** The command the words chose; none for help and completion. */
  picked?: CommandSpec;
  /** yargs' word for a usage mistake (a missing value, an unknown option or command). */
  usageError?: string;
}

/**
 * yargs over every command's table: the full parser, with help, completion and usage
 * errors. `as` is how lore was called: `lore`, or `git lore-link` for the git subcommand.
 */
export async function fullParse(argv: string[], as: 'lore' | 'git lore-link'): Promise<FullParse> {
  const { default: yargs } = await import('yargs');
  let usageError: string | undefined;
  let picked: CommandSpec | undefined;
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
    const link = await COMMANDS.link();
    declare(parser.command(commandString(link.table, '$0'), false, () => {}, () => void (picked = link)), link.table, as);
  } else {
    parser.usage('lore: link AI coding sessions to the git commits they produced\n\nUsage: lore <command> [options]');
    for (const spec of await loadCommands()) parser.command(commandString(spec.table), spec.describe, (y) => declare(y, spec.table, `lore ${spec.table.name}`), () => void (picked = spec));
    parser.demandCommand(1, 'Give a command (see lore --help)').epilogue(EPILOGUE);
    // Answers the completion scripts' `lore --get-yargs-completions <words>`; yargs' own
    // script command stays hidden, `lore completion [shell]` prints lore's.
    parser.completion('yargs-completion-script', false);
  }
  const parsed = (await parser.parseAsync(argv)) as Record<string, unknown>;
  return { parsed, picked, usageError };
}

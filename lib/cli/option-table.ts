import type { Argv } from 'yargs';

/** One `--name` of a command. Every option lore has takes a string or is a flag. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The help line; an option without one is hidden (run by lore's hooks, not by people). */
  describe?: string;
  default?: string | boolean;
  /** Only these values (an option with choices always takes a value). */
  choices?: readonly string[];
  /** Repeatable: `--from A --from B`. */
  array?: boolean;
  /** One-letter alias: `-q`. */
  alias?: string;
}

/** One `<name>` or `[name]` of the command string, in its order there. */
export interface PositionalSpec {
  name: string;
  describe: string;
  required: boolean;
  /** `[name..]`: every remaining word. */
  variadic: boolean;
  choices?: readonly string[];
}

/**
 * A command's whole grammar: its name, positionals and options, from which both yargs'
 * declaration (the full parser, with help and errors) and the fast path (fast-parse.ts)
 * are made, so the two cannot disagree on a name, a type or a default.
 */
export interface OptionTable {
  name: string;
  positionals: PositionalSpec[];
  options: Record<string, OptionSpec>;
  /** A usage text replacing yargs' own, `$0` standing for how lore was called. */
  usage?: string;
}

const WORD = /^(<|\[)([a-z]+)(\.\.)?(>|\])$/;

/**
 * The table of `command` (yargs' form: `link [sessions..]`, `hooks <action>`), with each
 * positional's description and choices from `about`.
 */
export function optionTable(
  command: string,
  about: Record<string, { describe: string; choices?: readonly string[] }>,
  options: Record<string, OptionSpec>,
  usage?: string,
): OptionTable {
  const [name, ...words] = command.split(' ');
  const positionals = words.map((w) => {
    const m = WORD.exec(w);
    if (!m || !about[m[2]]) throw new Error(`lore: bad command string '${command}'`);
    return { name: m[2], required: m[1] === '<', variadic: m[3] !== undefined, ...about[m[2]] };
  });
  return { name, positionals, options, usage };
}

/** yargs' form of the command string, as the table has it. */
export function commandString(t: OptionTable, name = t.name): string {
  const word = (p: PositionalSpec) => (p.required ? `<${p.name}${p.variadic ? '..' : ''}>` : `[${p.name}${p.variadic ? '..' : ''}]`);
  return [name, ...t.positionals.map(word)].join(' ');
}

/** Declares the table to yargs: the full parser, its help and its errors. */
export function declare<T>(y: Argv<T>, t: OptionTable, as: string): Argv<T> {
  if (t.usage) y.usage(t.usage.replaceAll('$0', as));
  for (const p of t.positionals) {
    y.positional(p.name, {
      describe: p.describe,
      ...(p.choices ? { choices: p.choices } : { type: 'string' }),
      ...(p.variadic ? { array: true, default: [] as string[] } : {}),
    });
  }
  for (const [name, o] of Object.entries(t.options)) {
    y.option(name, {
      type: o.choices ? undefined : o.type,
      describe: o.describe,
      hidden: o.describe === undefined,
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.choices ? { choices: o.choices } : {}),
      ...(o.array ? { array: true } : {}),
      ...(o.alias ? { alias: o.alias } : {}),
      ...(o.type === 'string' && !o.choices ? { requiresArg: true } : {}),
    });
  }
  return y;
}

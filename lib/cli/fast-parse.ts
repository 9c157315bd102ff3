import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { OptionTable } from './option-table.js';

export type ParsedArgs = Record<string, unknown>;

/**
 * Parses a command's words by its table with node's parseArgs, which loads in no
 * measurable time, where yargs takes ~40 ms to load and parse: the post-commit hook's
 * `lore link --current --commit <sha>` and the agents' `lore hooks agent-event` run on
 * every commit and every tool call. It gives what yargs gives (each option by its
 * table name, defaults filled in, positionals by name) or null, and then yargs parses:
 * anything yargs reads its own way (help, `--no-x`, `--x=false`, a repeated option, a
 * value starting with `-`, `--`, an unknown option, a wrong count or choice) is null,
 * so yargs' parse and its errors are the only ones the user ever sees.
 */
export function fastParse(t: OptionTable, words: string[]): ParsedArgs | null {
  if (words.includes('--')) return null;
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, o] of Object.entries(t.options)) {
    options[name] = { type: o.choices ? 'string' : o.type, ...(o.array ? { multiple: true } : {}), ...(o.alias ? { short: o.alias } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: words, options, strict: true, allowPositionals: true, tokens: true });
  } catch {
    return null;
  }
  const seen = new Set<string>();
  let afterArray = false;
  for (const token of parsed.tokens ?? []) {
    // yargs reads the words after a repeatable option as more of its values.
    if (token.kind === 'positional' && afterArray) return null;
    if (token.kind !== 'option') continue;
    const o = t.options[token.name];
    if (seen.has(token.name) && !o.array) return null;
    seen.add(token.name);
    afterArray = Boolean(o.array);
  }
  const out: ParsedArgs = {};
  for (const [name, o] of Object.entries(t.options)) {
    const value = parsed.values[name];
    if (value === undefined) {
      if (o.default !== undefined) out[name] = o.default;
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (o.choices && !values.every((v) => o.choices!.includes(String(v)))) return null;
    out[name] = value;
  }
  const rest = [...parsed.positionals];
  for (const p of t.positionals) {
    const taken = p.variadic ? rest.splice(0) : rest.splice(0, 1);
    if (taken.length === 0 && p.required) return null;
    if (p.choices && !taken.every((v) => p.choices!.includes(v))) return null;
    if (p.variadic) out[p.name] = taken;
    else if (taken.length > 0) out[p.name] = taken[0];
  }
  return rest.length > 0 ? null : out;
}

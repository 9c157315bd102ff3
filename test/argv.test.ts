import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS } from '../lib/cli/commands.js';
import { fastParse } from '../lib/cli/fast-parse.js';
import { fullParse } from '../lib/cli/full-parse.js';

/**
 * argv -> options for every command, in-process: the fast path (node's parseArgs over the
 * command's table) either gives exactly what yargs gives or leaves the words to yargs.
 * `fast`: the fast path must take it (the hooks' own calls, the common forms); `usage`:
 * yargs must call it a mistake (and then the fast path must not have taken it).
 */
const argv = suite('argv');

const SHA = 'a'.repeat(40);
type Case = { words: string[]; fast?: true; usage?: true };
const c = (line: string, mark?: 'fast' | 'usage'): Case => ({ words: line === '' ? [] : line.split(' '), ...(mark ? { [mark]: true } : {}) });

const CASES: Record<string, Case[]> = {
  link: [
    c(`--current --commit ${SHA}`, 'fast'), // the post-commit hook's exact call
    c(`--commit ${SHA} --current`, 'fast'),
    c('a1b2c3d4', 'fast'),
    c('a1b2c3d4 e5f6a7b8 --commit HEAD~1 --dry-run', 'fast'),
    c('--auto --threshold 0.8 --yes --json', 'fast'),
    c('--auto --backfill --all-authors --dry-run', 'fast'),
    c('--commit=HEAD --current', 'fast'),
    c(''),
    c('--current --no-json'),
    c('--dryRun --current'),
    c('--commit a --commit b'),
    c('--commit', 'usage'),
    c('--bogus', 'usage'),
    c('--threshold -1 --auto'),
    c('-- --current'),
  ],
  sessions: [c('', 'fast'), c('--json --limit 5', 'fast'), c('--here', 'fast'), c('--repo /tmp --limit=3', 'fast'), c('--limit', 'usage'), c('extra', 'usage')],
  show: [c('', 'fast'), c('a1b2c3d4', 'fast'), c('a1b2c3d4 --full --json', 'fast'), c(`--commit ${SHA}`, 'fast'), c('a b', 'usage'), c('--commit', 'usage')],
  search: [c('retry logic', 'usage'), c('retry --limit 3 --json', 'fast'), c('')],
  unlink: [c('a1b2c3d4 --dry-run', 'fast'), c('a1b2c3d4 --commit HEAD --yes', 'fast'), c('', 'usage')],
  blame: [c('lib/x.ts:3-9', 'fast'), c('lib/x.ts --json', 'fast'), c('', 'usage')],
  import: [
    c('', 'fast'),
    c('--since 2026-01-01 --dry-run --json', 'fast'),
    c('--from cursor=/tmp/a --from amp=/tmp/b', 'fast'),
    c('--from cursor=/tmp/a amp=/tmp/b'),
    c('--claude-dir /tmp/c --codex-dir /tmp/d', 'fast'),
    c('--no-link'),
    c('--from', 'usage'),
  ],
  session: [
    c('start --tool aider --cwd /tmp --branch main', 'fast'),
    c('start --id 123', 'fast'),
    c('touch abc lib/a.ts lib/b.ts', 'fast'),
    c('end abc', 'fast'),
    c('end abc --no-link'),
    c('frob', 'usage'),
    c('', 'usage'),
  ],
  sync: [c('', 'fast'), c('--quiet origin', 'fast'), c('-q origin', 'fast'), c('--json', 'fast'), c('--no-carry'), c('a b', 'usage')],
  share: [c('summary', 'fast'), c('status --json', 'fast'), c('frob', 'usage'), c('', 'usage')],
  carry: [c('--quiet', 'fast'), c('main..HEAD --dry-run --json', 'fast'), c('-q', 'fast')],
  coverage: [c('', 'fast'), c('--min 80 --json', 'fast'), c('main..HEAD', 'fast'), c('--min', 'usage')],
  log: [c('', 'fast'), c('--markdown', 'fast'), c('HEAD~3..HEAD --json', 'fast')],
  export: [c('--agent-trace', 'fast'), c('HEAD~3..HEAD', 'fast')],
  remote: [c('setup', 'fast'), c('setup upstream', 'fast'), c('frob', 'usage'), c('', 'usage')],
  hooks: [
    c('agent-event', 'fast'), // the agents' hooks
    c('agent-event --agent codex', 'fast'),
    c('agent-event --agent cursor', 'fast'),
    c('rewritten', 'fast'), // post-rewrite
    c('session-ended --session abc', 'fast'), // an agent's end, in the background
    c('install --agent claude-code --show-in-log --sync', 'fast'),
    c('status --json', 'fast'),
    c('agent-event --agent windsurf', 'fast'), // lore answers, and never fails the agent
    c('', 'usage'),
  ],
  mcp: [c('', 'fast'), c('--repo /tmp --allow-write --all-repos', 'fast'), c('--repo', 'usage')],
  doctor: [c('', 'fast'), c('--json', 'fast'), c('--frob', 'usage')],
  completion: [c('', 'fast'), c('zsh', 'fast'), c('a b', 'usage')],
};

argv('every command has cases, named as its table names it', async () => {
  assert.equal(Object.keys(CASES).sort(), Object.keys(COMMANDS).sort());
  for (const [name, load] of Object.entries(COMMANDS)) assert.is((await load()).table.name, name);
});

async function check(as: 'lore' | 'git lore-link', name: string, k: Case): Promise<void> {
  const spec = await COMMANDS[name]();
  const words = as === 'lore' ? [name, ...k.words] : k.words;
  const what = `${as} ${words.join(' ')}`;
  const fast = fastParse(spec.table, k.words);
  const full = await fullParse(words, as);
  if (k.fast) assert.ok(fast, `${what}: the fast path takes it`);
  if (k.usage) {
    assert.ok(full.usageError, `${what}: yargs calls it a mistake`);
    assert.is(fast, null, `${what}: the fast path leaves a mistake to yargs`);
  }
  if (!fast) return;
  assert.is(full.usageError, undefined, `${what}: yargs takes what the fast path takes`);
  assert.is(full.picked, spec, `${what}: the same command`);
  const names = [...Object.keys(spec.table.options), ...spec.table.positionals.map((p) => p.name)];
  for (const key of names) assert.equal(fast[key], full.parsed[key], `${what}: ${key}`);
  assert.equal(Object.keys(fast).sort(), names.filter((n) => full.parsed[n] !== undefined).sort(), `${what}: the same names given`);
}

argv('the fast path and yargs agree on every command line', async () => {
  for (const [name, cases] of Object.entries(CASES)) for (const k of cases) await check('lore', name, k);
});

argv('git lore-link is lore link, by the same table', async () => {
  for (const k of CASES.link) await check('git lore-link', 'link', k);
});

argv.run();

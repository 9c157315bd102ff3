import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importWorld, type ImportWorld } from './helpers/import-world.js';
import { runImport } from '../lib/cli/import-run.js';
import { readAiderHistory } from '../lib/sessions/importers/aider.js';
import { readGeminiChat } from '../lib/sessions/importers/gemini-cli.js';
import { summarise } from '../lib/sessions/importers/progress.js';
import { lore, makeWorld as makeLoreWorld } from './helpers/env.js';

// Aider stamps its history in local time; these tests read it as UTC.
process.env.TZ = 'UTC';

/** Gemini CLI and Aider, parsed and imported from their fixtures (real ones first). */
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sessions');
const HASH = '28be4f5feb651b48879e1281570b925ec19d4e00cd5aa13d3b3f17fe9efd858d';
const GEMINI_CHAT = join(FIXTURES, 'gemini-cli', HASH, 'chats', 'session-2025-12-06T18-25-18f475c0');
const ZEN = join(FIXTURES, 'aider', 'zen-mcp-server');
const SHOP = join(FIXTURES, 'aider', 'hand-shop');
const GEMINI_ID = '18f475c0-690f-4bc9-b84e-88a0a1e9518f';

const ms = (iso: string) => Date.parse(iso);
const text = (path: string) => readFileSync(path, 'utf8');

const REAL_GEMINI = {
  tool: 'gemini-cli',
  id: GEMINI_ID,
  // No cwd in the log: the project hash is the sha256 of the directory its absolute paths are in.
  cwd: '/Users/svarlamov/projects/testing-git',
  branch: undefined,
  startedAt: ms('2025-12-06T18:25:18.042Z'),
  endedAt: ms('2025-12-06T18:27:49.718Z'),
  // A replace that failed, then one that worked; the two read_file calls are not edits.
  files: ['/Users/svarlamov/projects/testing-git/index.ts'],
  // The `@index.ts` content Gemini inlines after the prompt is not part of it.
  title: 'add another hello bob console log to @index.ts',
};

const gemini = suite('Gemini CLI parser');

gemini('the real single-JSON chat: id, times, cwd from its paths, title, edited files only', () => {
  const r = readGeminiChat(text(GEMINI_CHAT + '.json'), { knownDirs: [] });
  assert.is(r.malformed, 0);
  assert.equal(r.sessions.map(summarise), [REAL_GEMINI]);
});

gemini('the JSON Lines form of the same chat says the same', () => {
  const r = readGeminiChat(text(GEMINI_CHAT + '.jsonl'), { knownDirs: [] });
  assert.equal(r.sessions.map(summarise), [REAL_GEMINI]);
});

gemini('a chat with no absolute path is matched by the hash of a directory lore knows, or left without cwd', () => {
  const doc = JSON.parse(text(GEMINI_CHAT + '.json'));
  for (const m of doc.messages) delete m.toolCalls;
  const bare = JSON.stringify(doc);
  const known = readGeminiChat(bare, { knownDirs: ['/elsewhere', '/Users/svarlamov/projects/testing-git'] }).sessions[0];
  assert.is(known.cwd, '/Users/svarlamov/projects/testing-git');
  assert.equal(known.files, []);
  const unknown = readGeminiChat(bare, { knownDirs: ['/elsewhere'] }).sessions[0];
  assert.is(unknown.cwd, undefined);
});

gemini('a JSON Lines chat with a broken line and a $set of lastUpdated: the line is counted and skipped', () => {
  const lines = text(GEMINI_CHAT + '.jsonl').split('\n');
  lines.splice(2, 0, '{"id":"cut-', '');
  lines.push(JSON.stringify({ $set: { lastUpdated: '2025-12-06T18:30:00.000Z' } }));
  const r = readGeminiChat(lines.join('\n'), { knownDirs: [] });
  assert.is(r.malformed, 1);
  assert.is(r.sessions[0].endedAt, ms('2025-12-06T18:30:00Z'));
  assert.equal(r.sessions[0].files, REAL_GEMINI.files);
});

gemini.run();

const aider = suite('Aider parser');

aider('the real history (no edits): one session a run, ended by the input history, no files, no title', () => {
  const path = join(ZEN, '.aider.chat.history.md');
  const stamps = [...text(join(ZEN, '.aider.input.history')).matchAll(/^# (\S+ \S+)/gm)].map((m) => ms(m[1].replace(' ', 'T') + 'Z'));
  const r = readAiderHistory(text(path), { path, mtimeMs: 0 }, stamps);
  assert.equal(
    r.sessions.map((p) => [p.startedAt, p.endedAt, p.cwd, p.files, p.firstPrompt]),
    [
      [ms('2025-10-20T21:49:17Z'), ms('2025-10-20T21:49:17Z'), ZEN, [], undefined],
      // Its two prompts were answered after the next run started: they belong to that one.
      [ms('2025-10-20T21:49:22Z'), Math.floor(ms('2025-10-20T21:49:27.766Z')), ZEN, [], undefined],
      [ms('2025-10-22T09:29:12Z'), ms('2025-10-22T09:29:45.550Z'), ZEN, [], undefined],
      // Only /add and /copy-context: commands, not prompts.
      [ms('2025-10-23T17:04:56Z'), r.sessions[3].endedAt, ZEN, [], undefined],
    ],
  );
  assert.ok(r.sessions[3].endedAt! > ms('2025-10-23T17:08:00Z'));
  // The same history gives the same ids every time; every run its own.
  assert.equal(readAiderHistory(text(path), { path, mtimeMs: 0 }).sessions.map((p) => p.id), r.sessions.map((p) => p.id));
  assert.is(new Set(r.sessions.map((p) => p.id)).size, 4);
});

aider('edits are the "Applied edit to" lines; the title skips commands but keeps /code and /ask text', () => {
  const path = join(SHOP, '.aider.chat.history.md');
  const r = readAiderHistory(text(path), { path, mtimeMs: 0 });
  assert.equal(
    r.sessions.map((p) => [p.files, p.firstPrompt]),
    [
      [['src/cart.ts', 'src/discount.ts'], 'Add a discount to the cart total: apply 10% above 100 euros'],
      // `./src/cart.ts` and `src/cart.ts` are one file.
      [['src/cart.ts'], 'round the total to cents in src/cart.ts'],
    ],
  );
});

aider.run();

type World = ImportWorld;

/** A home with the Gemini fixtures in ~/.gemini/tmp and a repository holding the shop's Aider history. */
function makeWorld(): World {
  return importWorld('lore-import-tools-', (home, dir) => {
    cpSync(join(FIXTURES, 'gemini-cli'), join(home, '.gemini', 'tmp'), { recursive: true });
    const repo = join(dir, 'shop');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'src'));
    cpSync(SHOP, repo, { recursive: true });
    return join(repo, 'src');
  });
}

const imp = suite<{ w: World }>('lore import, Gemini CLI and Aider');
imp.before.each((ctx) => {
  ctx.w = makeWorld();
});
imp.after.each((ctx) => rmSync(ctx.w.dir, { recursive: true, force: true }));

imp('finds both tools at their default places, one session per chat and per run, with the log path', async ({ w }) => {
  const r = await runImport(w.opts, w.io);
  const chats = join(w.opts.env!.HOME!, '.gemini', 'tmp');
  const history = join(w.opts.cwd!, '..', '.aider.chat.history.md');
  assert.equal(w.out.slice(2), [
    // Both forms of the chat are the same session.
    `gemini-cli: 1 session(s) imported (1 new, 0 updated) from 2 log file(s) in ${chats}`,
    `aider: 2 session(s) imported (2 new, 0 updated) from 1 log file(s) in ${w.opts.cwd}`,
  ]);
  assert.equal(w.err, []);
  const all = w.sessions();
  const g = all.get(GEMINI_ID)!;
  // The index keeps whole seconds.
  assert.equal([g.tool, g.cwd, g.startedAt, g.endedAt, g.files, g.title], ['gemini-cli', REAL_GEMINI.cwd, ms('2025-12-06T18:25:18Z'), ms('2025-12-06T18:27:49Z'), REAL_GEMINI.files, REAL_GEMINI.title]);
  // Both logs name it; the one read last (sorted) names it last.
  assert.is(g.log, GEMINI_CHAT.replace(join(FIXTURES, 'gemini-cli'), chats) + '.jsonl');
  const runs = [...all.values()].filter((s) => s.tool === 'aider');
  assert.equal(
    runs.map((s) => [s.cwd, s.startedAt, s.endedAt, s.files, s.log]),
    [
      [resolve(history, '..'), ms('2026-02-03T09:00:00Z'), Math.floor(ms('2026-02-03T09:20:30Z')), ['src/cart.ts', 'src/discount.ts'], resolve(history)],
      [resolve(history, '..'), ms('2026-02-03T14:30:00Z'), ms('2026-02-03T14:31:00Z'), ['src/cart.ts'], resolve(history)],
    ],
  );
  // One line from each Gemini log, one per Aider run.
  assert.is(r.lines.length, 4);
});

imp('importing twice appends nothing; a grown history or a rewritten chat adds only what changed', async ({ w }) => {
  await runImport(w.opts, w.io);
  const index = () => readFileSync(w.opts.indexPath, 'utf8');
  const before = index();
  assert.is((await runImport(w.opts, w.io)).lines.length, 0);
  assert.is(index(), before);

  const history = join(w.opts.cwd!, '..', '.aider.chat.history.md');
  appendFileSync(history, '\n# aider chat started at 2026-02-04 08:00:00\n\n#### add a test for round  \n\n> Applied edit to test/cart.test.ts  \n');
  const chat = join(w.opts.env!.HOME!, '.gemini', 'tmp', HASH, 'chats', 'session-2025-12-06T18-25-18f475c0.json');
  const doc = JSON.parse(readFileSync(chat, 'utf8'));
  doc.lastUpdated = '2025-12-06T18:40:00.000Z';
  doc.messages.push({
    id: 'x',
    timestamp: '2025-12-06T18:40:00.000Z',
    type: 'gemini',
    content: '',
    toolCalls: [{ name: 'write_file', args: { file_path: '/Users/svarlamov/projects/testing-git/README.md' }, status: 'success' }],
  });
  writeFileSync(chat, JSON.stringify(doc, null, 2));
  const r = await runImport(w.opts, w.io);
  const newRun = r.lines.find((l) => l.tool === 'aider')!;
  assert.equal(
    r.lines.filter((l) => l !== newRun),
    [{ id: GEMINI_ID, files: ['/Users/svarlamov/projects/testing-git/README.md'], endedAt: ms('2025-12-06T18:40:00Z') }],
  );
  assert.equal([newRun.startedAt, newRun.files, newRun.title], [ms('2026-02-04T08:00:00Z'), ['test/cart.test.ts'], 'add a test for round']);
});

imp('a chat that is not JSON is reported and skipped; the others are still imported', async ({ w }) => {
  const broken = join(w.opts.env!.HOME!, '.gemini', 'tmp', 'ffff', 'chats', 'session-2026-01-01T00-00-deadbeef.json');
  mkdirSync(dirname(broken), { recursive: true });
  writeFileSync(broken, '{"sessionId": "cut off in the middle');
  const r = await runImport(w.opts, w.io);
  assert.equal(w.err, [`Warning: ${broken}: skipped 1 line(s) that are not JSON objects`]);
  assert.ok(w.sessions().has(GEMINI_ID));
  assert.is(r.lines.length, 4);
  // Remembered as read: the next import does not warn again until the file changes.
  await runImport(w.opts, w.io);
  assert.is(w.err.length, 1);
});

imp('--from points a tool elsewhere; a missing place is said, a tool without logs stays quiet', async ({ w }) => {
  const missing = join(w.dir, 'nowhere');
  await runImport({ ...w.opts, cwd: w.dir, from: { 'gemini-cli': missing } }, w.io);
  assert.equal(w.out.slice(2), [`gemini-cli: 0 session(s) found in ${missing} (no such directory)`]);
});

imp("the histories of repositories the index knows are read from anywhere, and a run's end may be the file's mtime", async ({ w }) => {
  await runImport(w.opts, w.io);
  const history = resolve(w.opts.cwd!, '..', '.aider.chat.history.md');
  rmSync(join(dirname(history), '.aider.input.history'));
  const end = ms('2026-02-03T15:00:00Z');
  utimesSync(history, end / 1000, end / 1000);
  rmSync(w.opts.statePath);
  await runImport({ ...w.opts, cwd: w.dir }, w.io);
  const last = [...w.sessions().values()].filter((s) => s.tool === 'aider').at(-1)!;
  assert.is(last.endedAt, end);
});

imp.run();

const cli = suite('lore import --from');

cli('a --from that is not TOOL=DIR, or names an unknown tool, is a usage error that reads nothing', () => {
  const w = makeLoreWorld();
  try {
    for (const [arg, error, hint] of [
      ['gemini-cli', "Error: --from takes TOOL=DIR, not 'gemini-cli'", 'hint: for example --from gemini-cli=/backup/.gemini/tmp'],
      ['nope=/x', "Error: --from: unknown tool 'nope'", 'hint: one of: claude-code, codex, gemini-cli, aider, cursor, copilot-cli, amp'],
    ]) {
      const r = lore(w, w.home, ['import', '--from', arg]);
      assert.is(r.code, 2, arg);
      assert.is(r.stdout, '');
      assert.is(r.stderr, `${error}\n${hint}\n`);
    }
  } finally {
    w.cleanup();
  }
});

cli('--from aider=DIR reads the history of the repository DIR is in', () => {
  const w = makeLoreWorld();
  try {
    const repo = join(w.dir, 'shop');
    mkdirSync(join(repo, '.git'), { recursive: true });
    cpSync(SHOP, repo, { recursive: true });
    const r = lore(w, w.home, ['import', '--from', `aider=${repo}`]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, `aider: 2 session(s) imported (2 new, 0 updated) from 1 log file(s) in ${repo}\n`);
  } finally {
    w.cleanup();
  }
});

cli.run();

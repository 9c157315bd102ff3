import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, git, lore, makeWorld, PROJECT, type World } from './helpers/env.js';
import { startMcp } from './helpers/mcp.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

/**
 * Reading the session records teammates shared (refs/lore/sessions): Alice's clone holds the
 * records (written here with git plumbing, in the format README "Session records" fixes) and
 * pushes them with the notes; Bob, whose index has none of her sessions, reads them.
 */
const CODEX_ID = '019b7f94-51b4-7593-922e-ba12b5b73b52';
const CODEX = join(PROJECT, `fixtures/sessions/codex/2026/01/02/rollout-2026-01-02T18-39-45-${CODEX_ID}.jsonl`);
const AMP_ID = 'T-019ca1f6-7f21-77b5-a308-65416ebbdf48';
const AMP = join(PROJECT, `fixtures/sessions/amp/${AMP_ID}.json`);
const PROMPTS = 'aaaaaaaa-1111-4000-8000-000000000001';
const SUMMARY = 'aaaaaaaa-2222-4000-8000-000000000002';
const BROKEN = 'bbbbbbbb-3333-4000-8000-000000000003';
const LOCAL = 'cccccccc-4444-4000-8000-000000000004';

const RECORDS: Record<string, string> = {
  [PROMPTS]: JSON.stringify({ version: 1, id: PROMPTS, tool: 'claude-code', model: 'claude-sonnet-4-5', started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:42:00Z', branch: 'fix-login', files: ['src/auth.ts', 'test/auth.test.ts'], prompt_count: 2, title: 'fix the login bug', prompts: ['fix the login bug\nit loops', 'add a test for it'], share: 'prompts', shared_by: 'alice@example.com', shared_at: '2026-01-13T11:00:00Z' }),
  [SUMMARY]: JSON.stringify({ version: 1, id: SUMMARY, tool: 'codex', started_at: '2026-01-12T09:00:00Z', ended_at: '2026-01-12T09:30:00Z', files: ['src/search.ts'], prompt_count: 3, title: 'speed up search', share: 'summary', shared_by: 'alice@example.com', shared_at: '2026-01-12T10:00:00Z' }),
  // Another version lore does not read: as if there were no record.
  [BROKEN]: JSON.stringify({ version: 2, id: BROKEN, share: 'prompts', shared_at: '2026-01-12T10:00:00Z' }),
  // Bob's index knows this one: his own facts win.
  [LOCAL]: JSON.stringify({ version: 1, id: LOCAL, tool: 'codex', title: 'what Alice says', share: 'summary', shared_by: 'alice@example.com', shared_at: '2026-01-12T10:00:00Z' }),
};

/** refs/lore/sessions as a commit of `<first two characters>/<id>.json` files, made with plumbing. */
function writeRecords(w: World, repo: string, records: Record<string, string>): void {
  const run = (args: string[], input?: string) => execFileSync('git', args, { cwd: repo, env: w.env, input, encoding: 'utf8' }).trim();
  const dirs = new Map<string, string[]>();
  for (const [id, text] of Object.entries(records)) {
    const blob = run(['hash-object', '-w', '--stdin'], text + '\n');
    dirs.set(id.slice(0, 2), [...(dirs.get(id.slice(0, 2)) ?? []), `100644 blob ${blob}\t${id}.json`]);
  }
  const root = [...dirs].map(([dir, entries]) => `040000 tree ${run(['mktree'], entries.join('\n') + '\n')}\t${dir}`);
  const tree = run(['mktree'], root.join('\n') + '\n');
  run(['update-ref', 'refs/lore/sessions', run(['commit-tree', tree, '-m', 'lore: share sessions'])]);
}

const shared = suite<{ w: World; bob: string; head: string }>('shared session records');

shared.before.each((ctx) => {
  ctx.w = makeWorld();
  const { remote, shas } = makeRemote(ctx.w, 2);
  const alice = cloneRepo(ctx.w, remote, 'alice', 'alice@example.com');
  writeRecords(ctx.w, alice, RECORDS);
  link(ctx.w, alice, shas[1], [PROMPTS, BROKEN, LOCAL]);
  git(ctx.w, alice, ['push', '-q', 'origin', 'refs/notes/lore', 'refs/lore/sessions']);
  ctx.bob = cloneRepo(ctx.w, remote, 'bob', 'bob@example.com');
  git(ctx.w, ctx.bob, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore', 'refs/lore/sessions:refs/lore/sessions']);
  addSessions(ctx.w, [{ id: LOCAL, tool: 'claude-code', cwd: ctx.bob, started_at: '2026-01-13T09:00:00Z', ended_at: '2026-01-13T09:10:00Z', title: "Bob's own" }]);
  ctx.head = shas[1];
});
shared.after.each((ctx) => ctx.w.cleanup());

shared('show --commit: a session only shared shows from its record, marked with who shared it', ({ w, bob }) => {
  const r = lore(w, bob, ['show', '--commit', 'HEAD']);
  assert.is(r.code, 0, r.stderr);
  const block = (short: string) => r.stdout.split('\n\n').find((b) => b.startsWith(`  ${short}`)) ?? '';
  assert.is(
    block('aaaaaaaa'),
    [
      '  aaaaaaaa  (shared by alice@example.com)',
      '    Title   fix the login bug',
      '    Tool    claude-code',
      '    Time    2026-01-13 10:00 - 10:42',
      '    Branch  fix-login',
      '    Model   claude-sonnet-4-5',
      '    Linked  manual by alice@example.com, 2026-01-13 11:00',
      '    Prompt  fix the login bug',
      '    Files   src/auth.ts, test/auth.test.ts',
    ].join('\n'),
  );
  assert.match(block('bbbbbbbb'), /^  bbbbbbbb  \(not in the session index\)\n/);
  assert.match(block('cccccccc'), /^  cccccccc\n    Title      Bob's own\n/);
  assert.not.match(block('cccccccc'), 'Alice');

  const json = JSON.parse(lore(w, bob, ['show', '--commit', 'HEAD', '--json']).stdout);
  const byId = (id: string) => json.sessions.find((s: { id: string }) => s.id === id);
  assert.is(byId(PROMPTS).in_index, false);
  assert.equal(byId(PROMPTS).shared, { by: 'alice@example.com', at: '2026-01-13T11:00:00Z', level: 'prompts' });
  assert.equal(byId(PROMPTS).context, { log_found: false, model: 'claude-sonnet-4-5', first_prompt: 'fix the login bug\nit loops', prompt_count: 2, files_edited: ['src/auth.ts', 'test/auth.test.ts'] });
  assert.is(byId(PROMPTS).link.method, 'manual');
  assert.is(byId(BROKEN).shared, undefined);
  assert.is(byId(LOCAL).title, "Bob's own");
});

shared('show <prefix>: a shared session by a prefix of its id; at level summary its prompts are counted, not shown', ({ w, bob, head }) => {
  const r = lore(w, bob, ['show', 'aaaaaaaa-1']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `Session  ${PROMPTS}  (shared by alice@example.com)\nTitle    fix the login bug\n`);
  assert.match(r.stdout, /^Model    claude-sonnet-4-5\nLength   42 min\n\n2 prompts:\n  1\. fix the login bug\n  2\. add a test for it\n\n2 files edited:\n  src\/auth\.ts\n/m);
  assert.match(r.stdout, `  ${head.slice(0, 7)}`);
  const summary = lore(w, bob, ['show', 'aaaaaaaa-2']);
  assert.is(summary.code, 0, summary.stderr);
  assert.match(summary.stdout, '\n3 prompts (not shared)\n\n1 file edited:\n  src/search.ts\n');
  assert.not.match(summary.stdout, /^\s+1\. /m);
  // Two records match: ambiguous, as two sessions of the index would be.
  const both = lore(w, bob, ['show', 'aaaaaaaa']);
  assert.is(both.code, 1);
  assert.match(both.stderr, /^Error: session prefix 'aaaaaaaa' is ambiguous: it matches 2 sessions/);
  const json = JSON.parse(lore(w, bob, ['show', 'aaaaaaaa-2', '--json']).stdout);
  assert.equal(json.session.shared, { by: 'alice@example.com', at: '2026-01-12T10:00:00Z', level: 'summary' });
  assert.equal(json.context.prompts, []);
  assert.is(json.context.prompt_count, 3);
});

shared('blame marks a line\'s session that only a record knows; --json carries the record', ({ w, bob, head }) => {
  const file = git(w, bob, ['show', '--name-only', '--format=', head]);
  const r = lore(w, bob, ['blame', file]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `  aaaaaaaa (manual, shared by alice@example.com), bbbbbbbb (manual), cccccccc (manual)\n`);
  // The title lines: the record's for Alice's session, Bob's own for his.
  assert.match(r.stdout, "\n    session  aaaaaaaa  fix the login bug\n    session  cccccccc  Bob's own\n");
  const json = JSON.parse(lore(w, bob, ['blame', file, '--json']).stdout);
  const sessions = json.ranges[0].sessions;
  assert.equal(sessions[0].shared, { by: 'alice@example.com', at: '2026-01-13T11:00:00Z', level: 'prompts' });
  assert.is(sessions[0].title, 'fix the login bug');
  assert.is(sessions[1].shared, undefined);
  assert.is(sessions[2].shared, undefined);
});

shared('search finds local and shared sessions by title, prompt and file, newest first, with their commits', async ({ w, bob, head }) => {
  const log = join(w.dir, 'bob.jsonl');
  const line = { type: 'user', sessionId: LOCAL, timestamp: '2026-01-13T09:00:00Z', cwd: bob, message: { role: 'user', content: 'why does the LOGIN page flicker?' } };
  writeFileSync(log, JSON.stringify(line) + '\n');
  addSessions(w, [{ id: LOCAL, log }]);
  const short = head.slice(0, 7);
  const r = lore(w, bob, ['search', 'login']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      "2 sessions match 'login':",
      '',
      '  aaaaaaaa-1  2026-01-13 10:00  claude-code  fix the login bug  (shared by alice@example.com)',
      '    title: fix the login bug',
      `    commits: ${short} commit 2`,
      '',
      "  cccccccc  2026-01-13 09:00  claude-code  Bob's own",
      '    prompt: why does the LOGIN page flicker?',
      `    commits: ${short} commit 2`,
      '',
    ].join('\n'),
  );
  // A file a shared record names; a session with no commit here; one more than --limit.
  assert.match(lore(w, bob, ['search', 'search.ts']).stdout, "1 session matches 'search.ts':\n\n  aaaaaaaa-2  2026-01-12 09:00  codex  speed up search  (shared by alice@example.com)\n    file: src/search.ts\n    commits: none linked here\n");
  assert.match(lore(w, bob, ['search', 'login', '--limit', '1']).stdout, /^2 sessions match 'login'; the newest 1 \(--limit 1\):\n\n  aaaaaaaa-1 /);
  assert.is(lore(w, bob, ['search', 'nothing like it']).stdout, "No session matches 'nothing like it'\n");
  const json = JSON.parse(lore(w, bob, ['search', 'test', '--json']).stdout);
  assert.is(json.total, 1);
  assert.equal(json.sessions[0].matched, ['prompts', 'files']);
  assert.equal(json.sessions[0].match, { field: 'prompts', text: 'add a test for it' });
  assert.equal(json.sessions[0].shared, { by: 'alice@example.com', at: '2026-01-13T11:00:00Z', level: 'prompts' });
  assert.equal(json.sessions[0].commits, [{ sha: head, short, subject: 'commit 2' }]);
  const bad = lore(w, bob, ['search', ' ']);
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'Error: nothing to search for: give the text to find (lore search <TEXT>)\n');

  // The MCP server answers the same.
  const m = await startMcp(w, bob);
  try {
    const answer = await m.call('lore_search', { text: 'test' });
    assert.equal(answer.structuredContent, json);
    const session = (await m.call('lore_get_session', { session: 'aaaaaaaa-1' })).structuredContent as { session: { shared: unknown } };
    assert.equal(session.session.shared, { by: 'alice@example.com', at: '2026-01-13T11:00:00Z', level: 'prompts' });
  } finally {
    await m.close();
  }
});

shared("a teammate's record cannot act on the terminal: its control characters are shown escaped", ({ w, bob, head }) => {
  const id = 'dddddddd-5555-4000-8000-000000000005';
  const evil = '\u001b]0;pwned\u0007';
  writeRecords(w, bob, { [id]: JSON.stringify({ version: 1, id, title: `t${evil}`, prompts: [`p${evil}`], files: [`f${evil}`], share: 'prompts', shared_by: `e${evil}@x.org`, shared_at: '2026-01-13T11:00:00Z' }) });
  link(w, bob, head, [id]);
  for (const args of [['show', '--commit', 'HEAD'], ['show', 'dddddddd'], ['search', 'pwned'], ['show', 'dddddddd', '--json']]) {
    const r = lore(w, bob, args);
    assert.is(r.code, 0, r.stderr);
    assert.not.match(r.stdout, '\u001b', args.join(' '));
    assert.not.match(r.stdout, '\u0007', args.join(' '));
  }
  assert.match(lore(w, bob, ['show', 'dddddddd']).stdout, `Session  ${id}  (shared by e\\x1b]0;pwned\\x07@x.org)\nTitle    t\\x1b]0;pwned\\x07\n`);
});

shared.run();

test('end to end: what Alice shares with lore share and lore sync, Bob reads in show, blame and search', () => {
  const w = makeWorld();
  try {
    const { remote, shas } = makeRemote(w, 2);
    const alice = cloneRepo(w, remote, 'alice', 'alice@example.com');
    const bob = cloneRepo(w, remote, 'bob', 'bob@example.com');
    const machine = (name: string): World => ({ ...w, loreHome: join(w.dir, name), env: { ...w.env, LORE_HOME: join(w.dir, name) } });
    const [a, b] = [machine('alice-lore'), machine('bob-lore')];
    addSessions(a, [{ id: CODEX_ID, tool: 'codex', cwd: alice, started_at: '2026-01-02T16:39:45Z', ended_at: '2026-01-02T17:00:00Z', files: ['README.md'], log: CODEX }]);
    link(w, alice, shas[1], [CODEX_ID]);
    assert.is(lore(a, alice, ['share', 'prompts']).code, 0);
    assert.is(lore(a, alice, ['sync']).code, 0);
    const synced = lore(b, bob, ['sync']);
    assert.is(synced.code, 0, synced.stderr);

    const r = lore(b, bob, ['show', '--commit', shas[1]]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, '  019b7f94  (shared by alice@example.com)\n    Title   what is current repository about? summarize purpuse and explain goals\n    Tool    codex\n');
    assert.match(r.stdout, '    Model   gpt-5-1-codex-2025-11-13\n');
    assert.match(r.stdout, '    Prompt  what is current repository about? summarize purpuse and explain goals\n    Files   README.md\n');
    const session = lore(b, bob, ['show', '019b7f94']);
    assert.match(session.stdout, /^1 prompt:\n  1\. what is current repository about\?/m);
    const found = JSON.parse(lore(b, bob, ['search', 'PURPUSE', '--json']).stdout);
    assert.equal(found.sessions.map((s: { id: string; shared: { by: string } }) => [s.id, s.shared.by]), [[CODEX_ID, 'alice@example.com']]);
    assert.equal(found.sessions[0].commits.map((c: { sha: string }) => c.sha), [shas[1]]);
  } finally {
    w.cleanup();
  }
});

test('a session id with capitals (Amp\'s T-…), stored lowercased in its record, is still found by that id', () => {
  const w = makeWorld();
  try {
    const { remote, shas } = makeRemote(w, 2);
    const alice = cloneRepo(w, remote, 'alice', 'alice@example.com');
    const bob = cloneRepo(w, remote, 'bob', 'bob@example.com');
    const machine = (name: string): World => ({ ...w, loreHome: join(w.dir, name), env: { ...w.env, LORE_HOME: join(w.dir, name) } });
    const [a, b] = [machine('alice-lore'), machine('bob-lore')];
    addSessions(a, [{ id: AMP_ID, tool: 'amp', cwd: alice, started_at: '2026-02-28T01:56:52Z', ended_at: '2026-02-28T01:57:00Z', files: ['README.md'], log: AMP }]);
    link(w, alice, shas[1], [AMP_ID]);
    assert.is(lore(a, alice, ['share', 'summary']).code, 0);
    assert.is(lore(a, alice, ['sync']).code, 0);
    assert.match(git(w, alice, ['ls-tree', '-r', '--name-only', 'refs/lore/sessions']), `t-/${AMP_ID.toLowerCase()}.json`);
    assert.is(lore(b, bob, ['sync']).code, 0);
    const r = lore(b, bob, ['show', '--commit', shas[1]]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /\(shared by alice@example\.com\)\n    Title   Read jokes\.csv and append one new joke row\n    Tool    amp\n/);
  } finally {
    w.cleanup();
  }
});

test.run();

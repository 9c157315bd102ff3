import { copyFileSync, appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, git, lore, loreAsync, makeWorld, PROJECT, type World } from './helpers/env.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';
import { fakeSecrets } from './helpers/secrets.js';

const CLAUDE_ID = '1af7fc5e-8455-4414-9ccd-011d40f70b2a';
const CODEX_ID = '019b7f94-51b4-7593-922e-ba12b5b73b52';
const CLAUDE = join(PROJECT, `fixtures/sessions/claude-code/${CLAUDE_ID}.jsonl`);
const CODEX = join(PROJECT, `fixtures/sessions/codex/2026/01/02/rollout-2026-01-02T18-39-45-${CODEX_ID}.jsonl`);
const REF = 'refs/lore/sessions';

/** A world whose index lives in its own LORE_HOME: a teammate's machine. */
const machine = (w: World, name: string): World => ({ ...w, loreHome: join(w.dir, name), env: { ...w.env, LORE_HOME: join(w.dir, name) } });

/** The records a repository's refs/lore/sessions holds: path -> raw text. */
function records(w: World, repo: string, ref = REF): Map<string, string> {
  const out = new Map<string, string>();
  const tip = git(w, repo, ['for-each-ref', '--format=%(objectname)', ref]);
  if (tip === '') return out;
  for (const line of git(w, repo, ['ls-tree', '-r', '--name-only', tip]).split('\n').filter(Boolean)) out.set(line, git(w, repo, ['show', `${tip}:${line}`]) + '\n');
  return out;
}

const record = (w: World, repo: string, id: string) => {
  const text = records(w, repo).get(`${id.slice(0, 2)}/${id}.json`);
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
};

/** Every object in a repository, as `git cat-file --batch-all-objects --batch` prints them. */
const allObjects = (w: World, repo: string) => git(w, repo, ['cat-file', '--batch-all-objects', '--batch']);

/** alice's real Claude Code log, with one more prompt holding every kind of fake secret. */
function setup() {
  const w = makeWorld();
  const { remote, shas } = makeRemote(w, 3);
  const alice = cloneRepo(w, remote, 'alice', 'alice@example.com');
  const bob = cloneRepo(w, remote, 'bob', 'bob@example.com');
  const a = machine(w, 'alice-lore');
  const claudeLog = join(w.dir, 'claude.jsonl');
  copyFileSync(CLAUDE, claudeLog);
  const secrets = fakeSecrets();
  const prompt = `deploy it from ${w.home}/deploy.sh with:\n${secrets.map((s) => s.line).join('\n')}`;
  appendFileSync(claudeLog, JSON.stringify({ type: 'user', sessionId: CLAUDE_ID, timestamp: '2025-09-03T01:00:00Z', cwd: alice, message: { role: 'user', content: prompt } }) + '\n');
  addSessions(a, [
    { id: CLAUDE_ID, tool: 'claude-code', cwd: alice, started_at: '2025-09-03T00:47:19Z', ended_at: '2025-09-03T01:30:00Z', branch: 'main', files: ['src/b.ts', join(alice, 'src/a.ts'), '/elsewhere/x.ts'], log: claudeLog },
    { id: CODEX_ID, tool: 'codex', cwd: alice, started_at: '2026-01-02T16:39:45Z', ended_at: '2026-01-02T17:00:00Z', files: ['README.md'], log: CODEX },
  ]);
  link(w, alice, shas[0], [CLAUDE_ID]);
  link(w, alice, shas[1], [CODEX_ID]);
  return { w, a, b: machine(w, 'bob-lore'), remote, shas, alice, bob, secrets };
}

test('nothing is shared before lore share; summary, then prompts, redacted; a teammate receives them; nothing new after share off', () => {
  const { w, a, b, remote, shas, alice, bob, secrets } = setup();
  try {
    let st = lore(a, alice, ['share', 'status']);
    assert.is(st.code, 0, st.stderr);
    assert.match(st.stdout, /^Sharing: off \(the default/);
    let r = lore(a, alice, ['sync']);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, 'Pulled 0 link(s), pushed 2 link(s) to origin\n');
    assert.is(git(w, remote, ['for-each-ref', REF]), '', 'no records on the remote');
    assert.is(git(w, alice, ['for-each-ref', REF]), '', 'none written locally either');

    r = lore(a, alice, ['share', 'summary']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Sharing summary for this clone/);
    assert.is(git(w, alice, ['config', '--local', 'lore.share']), 'summary');
    r = lore(a, alice, ['sync']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Session records: wrote 2, pulled 0, pushed 2 to origin$/m);
    const claude = record(w, remote, CLAUDE_ID)!;
    assert.equal(Object.keys(claude), ['version', 'id', 'tool', 'model', 'started_at', 'ended_at', 'branch', 'files', 'prompt_count', 'title', 'share', 'shared_by', 'shared_at']);
    assert.is(claude.model, 'claude-sonnet-4-20250514');
    assert.equal(claude.files, ['src/a.ts', 'src/b.ts'], 'repository-relative, sorted; a file outside the repository is left out');
    assert.is(claude.share, 'summary');
    assert.is(claude.shared_by, 'alice@example.com');
    assert.is(claude.started_at, '2025-09-03T00:47:19Z');
    assert.ok((claude.prompt_count as number) >= 2);
    assert.is(claude.prompts, undefined, 'summary sends no prompts');
    const codex = record(w, remote, CODEX_ID)!;
    assert.is(codex.tool, 'codex');
    assert.is(codex.model, 'gpt-5-1-codex-2025-11-13');
    assert.is(codex.title, 'what is current repository about? summarize purpuse and explain goals');
    const summaryObjects = allObjects(w, remote);
    for (const s of secrets) assert.not.ok(summaryObjects.includes(s.secret), `${s.kind} reached the remote`);

    st = lore(a, alice, ['share', 'status', '--json']);
    assert.equal(JSON.parse(st.stdout), { share: 'summary', configured: true, records: 2, shared_by_you: 2 });
    r = lore(a, alice, ['sync']);
    assert.is(r.stdout, 'Pulled 0 link(s), pushed 0 link(s) to origin\n', 'nothing new: no record rewritten');

    lore(a, alice, ['share', 'prompts']);
    r = lore(a, alice, ['sync']);
    assert.match(r.stdout, /^Session records: wrote 2, pulled 0, pushed 2 to origin$/m);
    const full = record(w, remote, CLAUDE_ID)!;
    const prompts = full.prompts as string[];
    assert.is(full.share, 'prompts');
    assert.is(prompts.length, full.prompt_count);
    assert.match(prompts[0], /^\/init/);
    const last = prompts[prompts.length - 1];
    assert.ok(last.startsWith('deploy it from ~/deploy.sh with:'), last);
    for (const s of secrets) assert.ok(last.includes(`[redacted:${s.kind}]`), `${s.kind} not redacted: ${last}`);
    // What the assistant said and what its tools printed never leave the machine.
    const said = readFileSync(CLAUDE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => l.type === 'assistant').flatMap((l) => (Array.isArray(l.message.content) ? l.message.content : [])).find((b) => b.type === 'text' && b.text.length > 40).text as string;
    const objects = allObjects(w, remote);
    assert.not.ok(objects.includes(said.slice(0, 40)), 'assistant text in a pushed object');
    for (const s of secrets) assert.not.ok(objects.includes(s.secret), `${s.kind} reached the remote`);
    assert.not.ok(objects.includes(w.home), 'a home path reached the remote');

    // Bob shares nothing, and still receives alice's records.
    r = lore(b, bob, ['sync']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Session records: wrote 0, pulled 2, pushed 0 to origin$/m);
    assert.equal(records(w, bob), records(w, remote));

    // Off: a new linked session gets no record, and nothing is pushed.
    r = lore(a, alice, ['share', 'off']);
    assert.match(r.stdout, /does not rewrite them/);
    const before = git(w, remote, ['rev-parse', REF]);
    const third = 'e5f6a7b8-0000-4000-8000-000000000004';
    addSessions(a, [{ id: third, tool: 'claude-code', cwd: alice, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z', title: 'a later session' }]);
    link(w, alice, shas[2], [third]);
    r = lore(a, alice, ['sync']);
    assert.is(r.code, 0, r.stderr);
    assert.is(git(w, remote, ['rev-parse', REF]), before, 'nothing pushed after share off');
    assert.is(record(w, alice, third), undefined, 'nothing written after share off');
    assert.not.ok(allObjects(w, remote).includes('a later session'));
  } finally {
    w.cleanup();
  }
});

test('a bad lore.share is one error line, and sync then shares nothing', () => {
  const { w, a, remote, alice } = setup();
  try {
    git(w, alice, ['config', 'lore.share', 'everything']);
    for (const args of [['share', 'status'], ['sync']]) {
      const r = lore(a, alice, args);
      assert.is(r.code, 1, args.join(' '));
      assert.match(r.stderr, /^Error: lore\.share is 'everything': it must be summary, prompts or off\n/);
      assert.not.match(r.stderr, /    at /);
    }
    assert.is(git(w, remote, ['for-each-ref', 'refs/notes/lore', REF]), '', 'nothing pushed');
    const bad = lore(a, alice, ['share', 'all']);
    assert.is(bad.code, 2, 'a usage error');
    assert.match(bad.stderr, /Invalid values|Choices/);
    const json = lore(a, alice, ['share', 'summary', '--json']);
    assert.is(json.code, 2);
    assert.match(json.stderr, /^Error: --json goes with lore share status/);
    assert.is(git(w, alice, ['config', 'lore.share']), 'everything', 'nothing changed');
  } finally {
    w.cleanup();
  }
});

test('two clones syncing records at once lose none; the remote only moves forward', async () => {
  const w = makeWorld();
  try {
    const { remote, shas } = makeRemote(w, 2);
    git(w, remote, ['config', 'core.logAllRefUpdates', 'always']);
    const clones = ['ann', 'ben'].map((name, k) => {
      const dir = cloneRepo(w, remote, name, `${name}@example.com`);
      const m = machine(w, `${name}-lore`);
      const ids = Array.from({ length: 3 }, (_, i) => `${k}${i}aaaaaa-0000-4000-8000-00000000000${i}`);
      addSessions(m, ids.map((id) => ({ id, tool: 'codex', cwd: dir, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z', title: `${name} ${id}` })));
      link(w, dir, shas[k], ids);
      git(w, dir, ['config', 'lore.share', 'summary']);
      return { dir, m, ids };
    });
    const runs = await Promise.all(clones.map((c) => loreAsync(c.m, c.dir, ['sync'])));
    for (const r of runs) assert.is(r.code, 0, r.stderr);
    for (const c of clones) assert.is(lore(c.m, c.dir, ['sync']).code, 0);
    const all = clones.flatMap((c) => c.ids).map((id) => `${id.slice(0, 2)}/${id}.json`).sort();
    assert.equal([...records(w, remote).keys()].sort(), all);
    for (const c of clones) assert.equal([...records(w, c.dir).keys()].sort(), all);
    const tips = git(w, remote, ['reflog', 'show', '--format=%H', REF]).split('\n').filter(Boolean).reverse();
    for (let i = 1; i < tips.length; i++) assert.is(git(w, remote, ['merge-base', '--is-ancestor', tips[i - 1], tips[i]]) , '', 'forced');
  } finally {
    w.cleanup();
  }
});

test('remote setup adds the records refspec: plain git fetch brings them to the tracking ref', () => {
  const { w, a, alice, bob } = setup();
  try {
    const r = lore(w, bob, ['remote', 'setup']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Added \+refs\/lore\/sessions\*:refs\/lore\/remotes\/origin\/sessions\* to remote\.origin\.fetch/m);
    lore(a, alice, ['sync']);
    git(w, bob, ['fetch', '-q', 'origin']); // a remote with no records: plain git fetch still works
    assert.is(records(w, bob, 'refs/lore/remotes/origin/sessions').size, 0);
    lore(a, alice, ['share', 'summary']);
    assert.is(lore(a, alice, ['sync']).code, 0);
    git(w, bob, ['fetch', '-q', 'origin']);
    assert.is(records(w, bob, 'refs/lore/remotes/origin/sessions').size, 2);
  } finally {
    w.cleanup();
  }
});

test.run();

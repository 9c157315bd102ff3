import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importSessions, type ImportStep } from '../lib/commands/import.js';
import { setupRemote } from '../lib/commands/remote-setup.js';
import { searchSessions } from '../lib/commands/search.js';
import { sessionsLog } from '../lib/commands/sessions-log.js';
import { sync } from '../lib/commands/sync.js';
import { generatedId, writeClaudeLogs } from './helpers/claude-logs.js';
import { addSessions, commit, git, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { enterWorld } from './helpers/in-process.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

/**
 * The import, sync, remote setup, search and log commands called in-process: each returns
 * what it did as data and prints nothing (none of them is given anywhere to print).
 */
const test = suite<{ w: World; leave: () => void }>('in-process import, sync, search');
test.before.each((ctx) => {
  ctx.w = makeWorld();
  // The commands read HOME, LORE_HOME and git's config from the process, as lore does.
  ctx.leave = enterWorld(ctx.w);
});
test.after.each(({ w, leave }) => {
  leave();
  w.cleanup();
});

const noWarning = (line: string) => assert.unreachable(`unexpected warning: ${line}`);

test('importSessions returns its per-tool counts and its warnings, and tells its steps', async ({ w }) => {
  const claudeDir = join(w.home, '.claude', 'projects');
  const logs = writeClaudeLogs(claudeDir, 3);
  writeFileSync(logs[0], 'not json\n' + readFileSync(logs[0], 'utf8'));
  const steps: ImportStep[] = [];
  const opts = { claudeDir, codexDir: join(w.dir, 'none'), cwd: w.dir, env: w.env, dryRun: false, indexPath: join(w.loreHome, 'sessions.jsonl'), statePath: join(w.loreHome, 'import-state.json') };
  const r = await importSessions(opts, { step: (s) => void steps.push(s) });
  assert.equal([r.read, r.total, r.interrupted, r.lines.length, r.links], [3, 3, false, 3, []]);
  assert.equal(r.reported.map((t) => [t.tool, t.found, t.logs, t.newSessions]), [['claude-code', true, 3, 3], ['codex', false, 0, 0]]);
  assert.equal(r.warnings, [`Warning: ${logs[0]}: skipped 1 line(s) that are not JSON objects`]);
  assert.equal(steps.filter((s) => s.kind === 'reading').map((s) => s.kind === 'reading' && s.read), [0, 1, 2]);
  assert.equal(new Set(r.lines.map((l) => l.id)), new Set([0, 1, 2].map(generatedId)));

  const again = await importSessions(opts);
  assert.equal([again.lines.length, again.warnings], [0, []]);
});

test('a log with non-ASCII words and broken UTF-8 reads as decoded whole: lines are decoded one by one', async ({ w }) => {
  const claudeDir = join(w.home, '.claude', 'projects');
  const [log] = writeClaudeLogs(claudeDir, 1, { cwd: '/nowhere/café' });
  const text = readFileSync(log, 'utf8').replace('task number 0', 'Réparer le café ✓ 日本語');
  // A line cut inside a multi-byte character, then a CRLF line: neither is a JSON object.
  const broken = Buffer.concat([Buffer.from('{"x":"caf'), Buffer.from([0xc3]), Buffer.from('\n{"y":1}\r\n')]);
  writeFileSync(log, Buffer.concat([Buffer.from(text), broken]));
  const opts = { claudeDir, codexDir: join(w.dir, 'none'), cwd: w.dir, env: w.env, dryRun: true, indexPath: join(w.loreHome, 'sessions.jsonl'), statePath: join(w.loreHome, 'import-state.json') };
  const r = await importSessions(opts);
  assert.equal(r.lines.map((l) => [l.title, l.cwd, l.files]), [['Réparer le café ✓ 日本語', '/nowhere/café', ['/nowhere/café/src/f0.ts']]]);
  // The CRLF line is JSON (the \r is whitespace); the cut one is not.
  assert.equal(r.warnings, [`Warning: ${log}: skipped 1 line(s) that are not JSON objects`]);
});

test('setupRemote returns the refspecs it added, then that they were there', async ({ w }) => {
  const repo = makeRepo(w);
  git(w, repo, ['remote', 'add', 'origin', join(w.dir, 'remote.git')]);
  git(w, repo, ['config', '--add', 'remote.origin.fetch', '+refs/notes/*:refs/notes/*']);
  const first = await setupRemote({ cwd: repo });
  assert.is(first.remote, 'origin');
  assert.equal(first.overwriting, ['+refs/notes/*:refs/notes/*']);
  assert.equal(first.refspecs.map((r) => r.added), [true, true]);
  assert.is(first.remoteHasLinks, null, 'a remote that cannot be reached: unknown, not "no links"');
  const again = await setupRemote({ cwd: repo });
  assert.equal(again.refspecs, first.refspecs.map((r) => ({ ...r, added: false })));
  assert.equal(git(w, repo, ['config', '--get-all', 'remote.origin.fetch']).split('\n').slice(2), first.refspecs.map((r) => r.refspec));
});

test('sync returns the links it pulled and pushed, and the commit messages it wrote', async ({ w }) => {
  const { remote, shas } = makeRemote(w, 2);
  const [alice, bob] = [cloneRepo(w, remote, 'alice', 'alice@example.com'), cloneRepo(w, remote, 'bob', 'bob@example.com')];
  link(w, alice, shas[0], [SID.a]);
  const pushed = await sync({ cwd: alice, carry: false }, { warn: noWarning });
  assert.equal([pushed.remote, pushed.pulled, pushed.pushed, pushed.carried], ['origin', { added: 0, removed: 0 }, { added: 1, removed: 0 }, null]);
  assert.equal(pushed.records, { written: 0, pulled: 0, pushed: 0 });
  link(w, bob, shas[1], [SID.b]);
  const merged = await sync({ cwd: bob, carry: false }, { warn: noWarning });
  assert.equal([merged.pulled, merged.pushed], [{ added: 1, removed: 0 }, { added: 1, removed: 0 }]);
  assert.is(git(w, bob, ['log', '-1', '--format=%s', 'refs/notes/lore']), 'lore: merge links from origin');
});

test('searchSessions and sessionsLog return the sessions, warning of a malformed index line through deps', async ({ w }) => {
  const repo = makeRepo(w);
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:30:00Z', tool: 'claude-code', title: 'fix the login page' }]);
  writeFileSync(join(w.loreHome, 'sessions.jsonl'), 'not json\n', { flag: 'a' });
  const sha = commit(w, repo, { message: 'login fix', date: '2026-01-13T10:20:00Z' });
  link(w, repo, sha, [SID.a]);
  const warnings: string[] = [];
  const found = await searchSessions({ cwd: repo, text: 'LOGIN' }, { warn: (l) => void warnings.push(l) });
  assert.equal([found.total, found.sessions[0].id, found.sessions[0].match, found.sessions[0].commits.map((c) => c.sha)], [1, SID.a, { field: 'title', text: 'fix the login page' }, [sha]]);
  assert.is(warnings.length, 1);
  const log = await sessionsLog({ cwd: repo, range: 'HEAD' }, { warn: () => {} });
  assert.equal([log.total, log.sessions.map((s) => [s.id, s.session?.title, s.commits.map((c) => c.commit.sha)]), log.unlinked], [1, [[SID.a, 'fix the login page', [sha]]], []]);
});

test.run();

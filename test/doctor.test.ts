import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, LORE_BIN, lore, makeRepo, makeWorld, PROJECT, SID, type World } from './helpers/env.js';
import { pathWithoutLore } from './helpers/hooks.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

interface Check {
  name: string;
  status: 'ok' | 'warn' | 'problem';
  detail: string;
  fix?: string;
}

const doctor = suite<{ w: World }>('doctor');
doctor.before.each((ctx) => {
  ctx.w = makeWorld();
});
doctor.after.each((ctx) => ctx.w.cleanup());

/** PATH with a `lore` of this checkout first, as an installed lore would be. */
function pathWithLore(w: World): string {
  const bin = join(w.dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'lore'), `#!/bin/sh\nexec '${process.execPath}' '${LORE_BIN}' "$@"\n`);
  chmodSync(join(bin, 'lore'), 0o755);
  return [bin, pathWithoutLore(w)].join(delimiter);
}

function report(w: World, cwd: string, path = pathWithLore(w)): { code: number; checks: Check[]; ok: boolean; stderr: string } {
  const r = lore(w, cwd, ['doctor', '--json'], { env: { PATH: path } });
  const parsed = JSON.parse(r.stdout) as { checks: Check[]; ok: boolean };
  return { code: r.code, ...parsed, stderr: r.stderr };
}

function check(checks: Check[], name: string): Check {
  const found = checks.find((c) => c.name === name);
  assert.ok(found, `a check named ${name} in ${checks.map((c) => c.name).join(', ')}`);
  return found!;
}

/** A clone of a remote with lore's hooks (and Claude Code's), its fetch refspec, and a link shared by lore sync. */
function healthyClone(w: World): string {
  const { remote, shas } = makeRemote(w, 2);
  const clone = cloneRepo(w, remote, 'clone', 'me@example.com');
  const env = { env: { PATH: pathWithLore(w) } };
  for (const args of [['hooks', 'install', '--agent', 'claude-code'], ['remote', 'setup']]) {
    const r = lore(w, clone, args, env);
    assert.is(r.code, 0, r.stderr);
  }
  link(w, clone, shas[1], [SID.a]);
  const synced = lore(w, clone, ['sync'], env);
  assert.is(synced.code, 0, synced.stderr);
  addSessions(w, [{ id: SID.a, cwd: clone, started_at: '2026-01-13T09:00:00Z', ended_at: '2026-01-13T10:30:00Z' }]);
  return clone;
}

doctor('a repository with everything set up: every check ok, exit 0', ({ w }) => {
  const clone = healthyClone(w);
  const r = lore(w, clone, ['doctor'], { env: { PATH: pathWithLore(w) } });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.is(r.stderr, '');
  const lines = r.stdout.trimEnd().split('\n');
  assert.is(lines.pop(), 'No problems found.');
  for (const line of lines) assert.match(line, /^ok {7}\S/, `every line is ok: ${line}`);
  assert.ok(lines.some((l) => l === `ok       post-commit hook: installed (${join(clone, '.git/hooks/post-commit')})`), r.stdout);
  assert.ok(lines.some((l) => l === `ok       claude-code hooks: installed (${join(clone, '.claude/settings.json')})`), r.stdout);
  assert.ok(lines.some((l) => l === `ok       lore on PATH: ${join(w.dir, 'bin/lore')}`), r.stdout);
  assert.ok(lines.some((l) => l === 'ok       remote fetch: git fetch brings the remote\'s links (+refs/notes/lore:refs/notes/remotes/origin/lore)'), r.stdout);
  assert.ok(lines.some((l) => l.startsWith('ok       remote links: in step with origin (')), r.stdout);
  assert.ok(lines.some((l) => l === 'ok       identity: clone <me@example.com>'), r.stdout);
  assert.ok(lines.some((l) => l.startsWith(`ok       session index: ${join(w.loreHome, 'sessions.jsonl')}: `) && l.includes(', 1 session, no lore import recorded')), r.stdout);
  assert.ok(lines.some((l) => /^ok {7}nodegit: 0\.28\.\S+, loaded$/.test(l)), r.stdout);
});

doctor('a repository with nothing set up: each problem with its fix, exit 1', ({ w }) => {
  const repo = makeRepo(w, 'bare-start');
  commit(w, repo, { message: 'first' });
  // No identity at all: git may not guess one from the host name either.
  git(w, repo, ['config', 'user.useConfigOnly', 'true']);
  git(w, repo, ['config', '--unset', 'user.email']);
  const r = report(w, repo);
  assert.is(r.code, 1);
  assert.is(r.ok, false);
  assert.match(r.stderr, 'Error: lore doctor found 5 problems; the fix is under each');
  const problems = r.checks.filter((c) => c.status === 'problem').map((c) => [c.name, c.fix]);
  assert.equal(problems, [
    ['post-commit hook', 'lore hooks install'],
    ['post-rewrite hook', 'lore hooks install'],
    ['post-merge hook', 'lore hooks install'],
    ['notes rewrite', 'lore hooks install'],
    ['identity', 'git config user.name "Your Name" && git config user.email you@example.com'],
  ]);
  assert.match(check(r.checks, 'post-commit hook').detail, `not installed (${join(repo, '.git/hooks/post-commit')}): commits are not linked as they are made`);
  assert.equal(check(r.checks, 'remote'), { name: 'remote', status: 'warn', detail: 'no git remote: the links stay in this clone' });
  assert.equal(check(r.checks, 'session index').fix, 'lore import');
  assert.is(check(r.checks, 'agent hooks').status, 'warn');
});

doctor('lore missing from the PATH the hooks see is a problem, with its fix', ({ w }) => {
  const clone = healthyClone(w);
  const r = report(w, clone, pathWithoutLore(w));
  assert.is(r.code, 1, r.stderr);
  const path = check(r.checks, 'lore on PATH');
  assert.is(path.status, 'problem');
  assert.match(path.detail, `lore is not on PATH, so the hooks run ${process.execPath} ${LORE_BIN}, on this machine only`);
  assert.is(path.fix, `cd ${PROJECT} && npm link`);
  assert.equal(r.checks.filter((c) => c.status !== 'ok').map((c) => c.name), ['lore on PATH']);
});

doctor('malformed index lines and stale active sessions are counted, each with its line or fix', ({ w }) => {
  const repo = makeRepo(w);
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: '2026-01-13T09:00:00Z', ended_at: null },
    { id: SID.b, cwd: repo, started_at: '2026-01-13T09:00:00Z', ended_at: '2026-01-13T10:00:00Z' },
  ]);
  writeFileSync(join(w.loreHome, 'sessions.jsonl'), '{"id": broken\n', { flag: 'a' });
  writeFileSync(join(w.loreHome, 'import-state.json'), '{"version":2,"logs":{}}\n');
  const r = report(w, repo);
  const index = check(r.checks, 'session index');
  assert.is(index.status, 'ok');
  assert.match(index.detail, /, 2 sessions, last import \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  assert.equal(check(r.checks, 'index lines'), {
    name: 'index lines',
    status: 'warn',
    detail: `${join(w.loreHome, 'sessions.jsonl')}: 1 malformed line skipped (line 3)`,
  });
  const stale = check(r.checks, 'stale sessions');
  assert.is(stale.status, 'warn');
  assert.match(stale.detail, `1 active session with no activity for 2 hours (${SID.a})`);
  assert.is(stale.fix, `lore session end ${SID.a}`);
});

doctor('--json carries the same checks as the text report', ({ w }) => {
  const repo = makeRepo(w);
  const env = { env: { PATH: pathWithLore(w) } };
  const text = lore(w, repo, ['doctor'], env).stdout.split('\n').filter((l) => /^(ok|warn|problem) /.test(l));
  const json = report(w, repo);
  assert.equal(
    text.map((l) => l.split(': ')[0].replace(/\s+/, ' ')),
    json.checks.map((c) => `${c.status} ${c.name}`),
  );
  for (const c of json.checks) assert.ok(['ok', 'warn', 'problem'].includes(c.status));
});

doctor('a remote with links none of which were fetched is a problem: lore sync fetches them', ({ w }) => {
  const { remote, shas } = makeRemote(w, 1);
  const first = cloneRepo(w, remote, 'first', 'first@example.com');
  link(w, first, shas[0], [SID.a]);
  git(w, first, ['push', '-q', 'origin', 'refs/notes/lore']);
  const fresh = cloneRepo(w, remote, 'fresh', 'fresh@example.com');
  const r = report(w, fresh);
  assert.equal(check(r.checks, 'remote links'), {
    name: 'remote links',
    status: 'problem',
    detail: 'origin has links, and none were fetched here: lore show finds none',
    fix: 'lore sync origin',
  });
  assert.equal(check(r.checks, 'remote fetch').fix, 'lore remote setup origin');
});

doctor('links made here and not pushed, then links on the remote not merged here: warnings with lore sync', ({ w }) => {
  const clone = healthyClone(w);
  const head = git(w, clone, ['rev-parse', 'HEAD']);
  link(w, clone, head, [SID.b]);
  assert.equal(check(report(w, clone).checks, 'remote links'), {
    name: 'remote links',
    status: 'warn',
    detail: 'links made here are not on origin yet',
    fix: 'lore sync origin',
  });
  const other = cloneRepo(w, join(w.dir, 'remote.git'), 'other', 'other@example.com');
  git(w, other, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore']);
  link(w, other, head, [SID.c]);
  git(w, other, ['push', '-q', 'origin', 'refs/notes/lore']);
  const r = report(w, clone);
  assert.equal(check(r.checks, 'remote links'), { name: 'remote links', status: 'warn', detail: 'origin has links this clone has not merged yet', fix: 'lore sync origin' });
  assert.is(r.code, 0, r.stderr);
});

doctor('an unreachable remote degrades to what was fetched last, without failing', ({ w }) => {
  const clone = healthyClone(w);
  git(w, clone, ['remote', 'set-url', 'origin', join(w.dir, 'gone.git')]);
  const r = report(w, clone);
  const links = check(r.checks, 'remote links');
  assert.is(links.status, 'warn');
  assert.match(links.detail, /^could not ask origin \(.+\); compared with what was fetched last: in step with origin \(/);
  assert.is(r.code, 0, r.stderr);
});

doctor('a remote that does not answer within 5 s is given up on, and the report still comes', ({ w }) => {
  const clone = healthyClone(w);
  // git's ext:: transport runs a command as the remote: this one says nothing for longer than doctor waits
  // (and then ends: a killed git leaves its transport's child running).
  git(w, clone, ['config', 'protocol.ext.allow', 'always']);
  git(w, clone, ['remote', 'set-url', 'origin', 'ext::sleep 8']);
  const r = report(w, clone);
  assert.match(check(r.checks, 'remote links').detail, /^could not ask origin \(no answer within 5 s\); compared with what was fetched last: /);
  assert.is(r.code, 0, r.stderr);
});

doctor("hooks are looked for where git runs them: core.hooksPath, and lefthook's config", ({ w }) => {
  const repo = makeRepo(w);
  git(w, repo, ['config', 'core.hooksPath', '.githooks']);
  const env = { env: { PATH: pathWithLore(w) } };
  assert.is(lore(w, repo, ['hooks', 'install'], env).code, 0);
  assert.equal(check(report(w, repo).checks, 'post-commit hook'), {
    name: 'post-commit hook',
    status: 'ok',
    detail: `installed (${join(repo, '.githooks/post-commit')})`,
  });
  writeFileSync(join(repo, 'lefthook.yml'), 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n');
  const hook = check(report(w, repo).checks, 'post-commit hook');
  assert.equal(hook, {
    name: 'post-commit hook',
    status: 'problem',
    detail: `not installed (${join(repo, 'lefthook.yml')}): commits are not linked as they are made`,
    fix: 'lore hooks install',
  });
});

doctor('outside a repository: says so, and still checks PATH, the index and nodegit', ({ w }) => {
  const r = report(w, w.home);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.checks.map((c) => c.name), ['repository', 'lore on PATH', 'session index', 'nodegit']);
  assert.match(check(r.checks, 'repository').detail, `not in a git repository (${w.home})`);
});

doctor('notes.rewrite.amend off, a hook git cannot run, a refspec onto the live ref: problems with their fixes', ({ w }) => {
  const clone = healthyClone(w);
  git(w, clone, ['config', '--global', 'notes.rewrite.amend', 'false']);
  chmodSync(join(clone, '.git/hooks/post-rewrite'), 0o644);
  git(w, clone, ['config', '--add', 'remote.origin.fetch', '+refs/notes/*:refs/notes/*']);
  const r = report(w, clone);
  const fixes = Object.fromEntries(r.checks.filter((c) => c.status === 'problem').map((c) => [c.name, c.fix]));
  assert.equal(fixes, {
    'post-rewrite hook': `chmod +x ${join(clone, '.git/hooks/post-rewrite')}`,
    'notes rewrite': 'git config --local notes.rewrite.amend true',
    'remote fetch': "git config --fixed-value --unset remote.origin.fetch '+refs/notes/*:refs/notes/*' && lore remote setup origin",
  });
  assert.match(check(r.checks, 'notes rewrite').detail, 'notes.rewrite.amend is false in your global git config');
});

doctor.run();

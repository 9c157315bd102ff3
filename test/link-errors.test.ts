import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const errors = suite<{ w: World }>('lore link: bad input');
errors.before.each((ctx) => {
  ctx.w = makeWorld();
});
errors.after.each((ctx) => ctx.w.cleanup());

function oneErrorLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  assert.match(lines[0], /^Error: /);
  assert.ok(lines.length <= 2, `at most an error and a hint: ${stderr}`);
  assert.not.match(stderr, /\n\s+at /);
}

errors('outside a repository', ({ w }) => {
  const dir = join(w.dir, 'plain');
  mkdirSync(dir);
  addSessions(w, [{ id: SID.a, cwd: dir, started_at: '2026-01-13T10:00:00Z' }]);
  const r = lore(w, dir, ['link', 'c973']);
  assert.is(r.code, 1);
  oneErrorLine(r.stderr);
  assert.match(r.stderr, /not inside a git repository/);
});

errors('a repository with no commits', ({ w }) => {
  const repo = makeRepo(w);
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z' }]);
  const r = lore(w, repo, ['link', 'c973']);
  assert.is(r.code, 1);
  oneErrorLine(r.stderr);
  assert.match(r.stderr, /no commits yet/);
});

errors('an unreadable index', ({ w }) => {
  const repo = makeRepo(w);
  commit(w, repo);
  mkdirSync(join(w.loreHome, 'sessions.jsonl'), { recursive: true });
  const r = lore(w, repo, ['link', 'c973']);
  assert.is(r.code, 1);
  oneErrorLine(r.stderr);
  assert.match(r.stderr, /cannot read the session index .*sessions\.jsonl: it is a directory/);
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

errors('no git identity', ({ w }) => {
  const repo = makeRepo(w, 'repo', { identity: false });
  commit(w, repo, { authorEmail: 'someone@example.com' });
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z' }]);
  const r = lore(w, repo, ['link', 'c973']);
  assert.is(r.code, 1);
  oneErrorLine(r.stderr);
  assert.match(r.stderr, /user.name and user.email/);
  assert.is(gitNote(w, repo), null);
});

errors('malformed index lines are reported once with file and line, and skipped', ({ w }) => {
  const repo = makeRepo(w);
  const head = commit(w, repo);
  mkdirSync(w.loreHome, { recursive: true });
  const index = join(w.loreHome, 'sessions.jsonl');
  const text = [
    '{not json',
    JSON.stringify({ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z' }),
    JSON.stringify({ cwd: repo }),
    JSON.stringify({ id: SID.b, started_at: 'yesterday' }),
    '',
  ].join('\n');
  writeFileSync(index, text);
  const r = lore(w, repo, ['link', 'c973']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, `${index}:1:`);
  assert.match(r.stderr, `${index}:3:`);
  assert.match(r.stderr, `${index}:4:`);
  assert.is(r.stderr.trim().split('\n').length, 3);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
  assert.is(readFileSync(index, 'utf8'), text, 'the reader never rewrites the index');
});

errors('usage mistakes are one error line, exit 2', ({ w }) => {
  const repo = makeRepo(w);
  commit(w, repo);
  for (const args of [['link'], ['link', '--backfill'], ['link', '--auto', '--threshold', '1.5'], ['link', '--auto', '--threshold', 'x'], ['link', 'c973', '--current'], ['link', '--bogus', 'x'], ['link', 'c973', '--commit'], ['show', '--commit']]) {
    const r = lore(w, repo, args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^Error: /, args.join(' '));
    assert.not.match(r.stderr, /\n\s+at /);
  }
});

errors('help is laid out in columns, for lore and for each command', ({ w }) => {
  const repo = makeRepo(w);
  const top = lore(w, repo, ['--help']);
  assert.is(top.code, 0, top.stderr);
  assert.match(top.stdout, /Commands:\n\s+lore link \[sessions\.\.\]\s+Link sessions to git commits/);
  assert.match(top.stdout, /\n\s+lore show \[session\]\s+Show/);
  const link = lore(w, repo, ['link', '-h']);
  assert.is(link.code, 0, link.stderr);
  assert.match(link.stdout, 'lore link <SESSION>... [OPTIONS]');
  assert.match(link.stdout, /\n\s+--dry-run\s+\S/);
  assert.is(top.stderr + link.stderr, '');
});

errors.run();

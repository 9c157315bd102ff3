import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, type World } from './helpers/env.js';

const backfill = suite<{ w: World }>('lore link --auto --backfill');
backfill.before.each((ctx) => {
  ctx.w = makeWorld();
});
backfill.after.each((ctx) => ctx.w.cleanup());

const id = (n: number) => `${String(n).repeat(8).slice(0, 8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

backfill('finds commits in ended sessions across repositories; counts what it skipped', ({ w }) => {
  const shop = makeRepo(w, 'shop');
  const blog = makeRepo(w, 'blog');
  const plain = join(w.dir, 'notes');
  mkdirSync(plain);
  const c1 = commit(w, shop, { files: { 'lib/auth.ts': '1' }, message: 'fix: resolve authentication timeout', date: '2026-01-13T10:20:00Z' });
  const c2 = commit(w, shop, { files: { 'lib/reset.ts': '1' }, message: 'feat: add password reset flow', date: '2026-01-13T10:44:00Z' });
  const outside = commit(w, shop, { files: { 'lib/late.ts': '1' }, message: 'later work', date: '2026-01-13T12:00:00Z' });
  const b1 = commit(w, blog, { files: { 'post.md': '1' }, message: 'refactor: extract validation helpers', date: '2026-01-14T09:30:00Z' });
  addSessions(w, [
    { id: id(1), cwd: shop, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z' },
    { id: id(2), cwd: blog, started_at: '2026-01-14T09:00:00Z', ended_at: '2026-01-14T10:00:00Z' },
    { id: id(3), cwd: join(w.dir, 'deleted-project'), started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' },
    { id: id(4), cwd: plain, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' },
    { id: id(5), cwd: shop, started_at: '2026-01-13T11:50:00Z' },
  ]);
  const r = lore(w, shop, ['link', '--auto', '--backfill', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      '3 session-to-commit link(s) found:',
      `  [dry-run] Would link 11111111 -> ${c1.slice(0, 8)} fix: resolve authentication timeout`,
      `  [dry-run] Would link 11111111 -> ${c2.slice(0, 8)} feat: add password reset flow`,
      `  [dry-run] Would link 22222222 -> ${b1.slice(0, 8)} refactor: extract validation helpers`,
      'Scanned 4 ended session(s); 3 with existing directories; 2 in git repos',
      'Skipped 1 session(s) with missing directories',
      'Skipped 1 session(s) in non-git directories',
      '',
    ].join('\n'),
  );
  assert.is(gitNote(w, shop, c1), null);
  assert.is(gitNote(w, shop, outside), null);

  const y = lore(w, shop, ['link', '--auto', '--backfill'], { input: 'y\n' });
  assert.is(y.code, 0, y.stderr);
  assert.match(y.stdout, 'Apply these links? (y/N): \nApplied 3 link(s)\n');
  assert.equal(noteRecords(w, shop, c1).map((x) => [x.session, x.method]), [[id(1), 'backfill']]);
  assert.is(noteRecords(w, shop, c2)[0].session, id(1));
  assert.is(noteRecords(w, blog, b1)[0].session, id(2));
  assert.is(gitNote(w, shop, outside), null, 'the still-active session is not backfilled');

  const again = lore(w, shop, ['link', '--auto', '--backfill', '--yes']);
  assert.match(again.stdout, /^No new session-to-commit links found\n/);
});

backfill('a teammate\'s commit in the window is not claimed unless --all-authors', ({ w }) => {
  const repo = makeRepo(w, 'shop');
  const mine = commit(w, repo, { message: 'mine', date: '2026-01-13T10:10:00Z' });
  const theirs = commit(w, repo, { message: 'theirs', date: '2026-01-13T10:20:00Z', authorEmail: 'mate@example.com' });
  addSessions(w, [{ id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z' }]);
  const r = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run']);
  assert.match(r.stdout, `Would link 11111111 -> ${mine.slice(0, 8)} mine`);
  assert.not.match(r.stdout, theirs.slice(0, 8));
  assert.match(r.stdout, 'Skipped 1 commit(s) by other authors (use --all-authors to include them)');
  const all = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run', '--all-authors']);
  assert.match(all.stdout, `Would link 11111111 -> ${theirs.slice(0, 8)} theirs`);
});

backfill('two concurrent sessions on different files, and a hand-made commit, go where the files say', ({ w }) => {
  const repo = makeRepo(w, 'shop');
  const api = commit(w, repo, { files: { 'api/server.ts': '1' }, message: 'api work', date: '2026-01-13T10:15:00Z' });
  const ui = commit(w, repo, { files: { 'ui/app.tsx': '1' }, message: 'ui work', date: '2026-01-13T10:25:00Z' });
  const byHand = commit(w, repo, { files: { 'docs/notes.md': '1' }, message: 'typo by hand', date: '2026-01-13T10:30:00Z' });
  addSessions(w, [
    { id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z', files: ['api/server.ts'] },
    { id: id(2), cwd: join(repo, 'ui'), started_at: '2026-01-13T10:05:00Z', ended_at: '2026-01-13T10:45:00Z', files: ['app.tsx'] },
  ]);
  mkdirSync(join(repo, 'ui'), { recursive: true });
  const r = lore(w, repo, ['link', '--auto', '--backfill', '--yes']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'Skipped 4 commit(s) with no file overlap');
  assert.equal(noteRecords(w, repo, api).map((x) => x.session), [id(1)]);
  assert.equal(noteRecords(w, repo, ui).map((x) => x.session), [id(2)]);
  assert.is(gitNote(w, repo, byHand), null);
});

backfill('a commit right after the session ended (grace) counts; one on another branch too', ({ w }) => {
  const repo = makeRepo(w, 'shop');
  commit(w, repo, { message: 'base', date: '2026-01-12T10:00:00Z' });
  git(w, repo, ['checkout', '-q', '-b', 'feature']);
  const onFeature = commit(w, repo, { message: 'on feature', date: '2026-01-13T10:10:00Z' });
  git(w, repo, ['checkout', '-q', 'main']);
  const afterEnd = commit(w, repo, { message: 'right after', date: '2026-01-13T10:44:00Z' });
  const tooLate = commit(w, repo, { message: 'too late', date: '2026-01-13T10:46:00Z' });
  addSessions(w, [{ id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z' }]);
  const r = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run']);
  assert.match(r.stdout, '2 session-to-commit link(s) found:');
  assert.match(r.stdout, onFeature.slice(0, 8));
  assert.match(r.stdout, afterEnd.slice(0, 8));
  assert.not.match(r.stdout, tooLate.slice(0, 8));
});

backfill('no answer applies nothing', ({ w }) => {
  const repo = makeRepo(w, 'shop');
  commit(w, repo, { message: 'mine', date: '2026-01-13T10:10:00Z' });
  addSessions(w, [{ id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z' }]);
  const r = lore(w, repo, ['link', '--auto', '--backfill']);
  assert.is(r.code, 0);
  assert.match(r.stdout, 'Apply these links? (y/N): \nNo links applied\n');
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

backfill('a session without file data loses a commit to one that edited its files, even one linked already', ({ w }) => {
  const shop = makeRepo(w, 'shop');
  const a = commit(w, shop, { files: { 'lib/a.ts': '1' }, message: 'a', date: '2026-01-13T10:20:00Z' });
  const b = commit(w, shop, { files: { 'lib/b.ts': '1' }, message: 'b', date: '2026-01-13T10:30:00Z' });
  const c = commit(w, shop, { files: { 'lib/c.ts': '1' }, message: 'c', date: '2026-01-13T10:40:00Z' });
  addSessions(w, [
    { id: id(1), cwd: shop, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' },
    { id: id(2), cwd: shop, started_at: '2026-01-13T10:10:00Z', ended_at: '2026-01-13T10:33:00Z', files: ['lib/a.ts', 'lib/b.ts'] },
  ]);
  assert.is(lore(w, shop, ['link', id(2), '--commit', b]).code, 0);
  const r = lore(w, shop, ['link', '--auto', '--backfill', '--yes']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `2 session-to-commit link(s) found:\n  Linked 11111111 -> ${c.slice(0, 8)} c\n  Linked 22222222 -> ${a.slice(0, 8)} a\n`);
  assert.match(r.stdout, 'Skipped 2 link(s) of sessions without file data to commits another session edited\n');
  assert.equal(noteRecords(w, shop, a).map((x) => [x.session, x.method, x.signals]), [[id(2), 'backfill', { files: '1/1', minutes: 0 }]]);
  assert.equal(noteRecords(w, shop, b).map((x) => x.session), [id(2)]);
  assert.equal(noteRecords(w, shop, c).map((x) => [x.session, x.signals]), [[id(1), { minutes: 0 }]]);
});

backfill('walks back only to the earliest session, yet keeps a commit whose committer clock was behind', ({ w }) => {
  const repo = makeRepo(w);
  commit(w, repo, { files: { 'old.ts': '1' }, message: 'years ago', date: '2020-01-01T10:00:00Z' });
  commit(w, repo, { files: { 'a.ts': '1' }, message: 'committed by a slow clock', date: '2026-01-13T10:20:00Z' });
  // Committed four hours before it was authored: a walk cut at the session's start would miss it.
  git(w, repo, ['commit', '-q', '--amend', '--no-edit'], { GIT_COMMITTER_DATE: '2026-01-13T06:00:00Z' });
  const sha = git(w, repo, ['rev-parse', 'HEAD']);
  addSessions(w, [
    { id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z', files: ['a.ts'] },
    { id: id(2), cwd: repo, started_at: '2020-01-01T09:00:00Z', ended_at: '2020-01-01T11:00:00Z', files: ['a.ts'] },
  ]);
  const r = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `Would link 11111111 -> ${sha.slice(0, 8)} committed by a slow clock`);
  assert.match(r.stdout, 'Skipped 1 commit(s) with no file overlap', 'the old commit was walked for the old session');
});

backfill("short SHAs follow the repository's core.abbrev (8 digits at least, as the seed shows)", ({ w }) => {
  const repo = makeRepo(w);
  const sha = commit(w, repo, { files: { 'a.ts': '1' }, message: 'long names', date: '2026-01-13T10:20:00Z' });
  addSessions(w, [{ id: id(1), cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z', files: ['a.ts'] }]);
  const small = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run']);
  assert.match(small.stdout, `  [dry-run] Would link 11111111 -> ${sha.slice(0, 8)} long names\n`);
  git(w, repo, ['config', 'core.abbrev', '12']);
  const r = lore(w, repo, ['link', '--auto', '--backfill', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `  [dry-run] Would link 11111111 -> ${sha.slice(0, 12)} long names\n`);
});

backfill.run();

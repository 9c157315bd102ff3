import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const current = suite<{ w: World; repo: string; head: string; short: string }>('lore link --current');
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

current.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
  ctx.head = commit(ctx.w, ctx.repo, { message: 'second' });
  ctx.short = git(ctx.w, ctx.repo, ['rev-parse', '--short', 'HEAD']);
});
current.after.each((ctx) => ctx.w.cleanup());

current('links active and just-ended sessions in this repository, with the seed output', ({ w, repo, head, short }) => {
  mkdirSync(join(repo, 'sub'));
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: ago(30), tool: 'claude-code' },
    { id: SID.b, cwd: join(repo, 'sub') + '/', started_at: ago(60), ended_at: ago(3) },
    { id: SID.c, cwd: repo, started_at: ago(60), ended_at: ago(10) },
    { id: SID.d, cwd: `${repo}-old`, started_at: ago(30) },
  ]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    `Found 2 active session(s) in ${repo}\nLinking to commit ${short}\n  Linked session c9731a92 -> commit ${short}\n  Linked session c9731a91 -> commit ${short}\n`,
  );
  const recs = noteRecords(w, repo, head);
  assert.equal(recs.map((x) => [x.session, x.method]), [
    [SID.a, 'current'],
    [SID.b, 'current'],
  ]);
});

current('a session whose cwd is a symlink to the repository counts', ({ w, repo, head }) => {
  const link = join(w.dir, 'alias');
  symlinkSync(repo, link);
  addSessions(w, [{ id: SID.a, cwd: link, started_at: ago(5) }]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0, r.stderr);
  assert.is(noteRecords(w, repo, head)[0]?.session, SID.a);
});

current('none found: one quiet line, exit 0, nothing written', ({ w, repo }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: ago(120), ended_at: ago(60) }]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0);
  assert.is(r.stdout, `No active sessions in ${repo}; nothing to link\n`);
  assert.is(gitNote(w, repo), null);
});

current('--commit and --dry-run work as in manual mode', ({ w, repo, head }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: ago(5) }]);
  const prev = git(w, repo, ['rev-parse', 'HEAD~1']);
  const short = git(w, repo, ['rev-parse', '--short', 'HEAD~1']);
  const dry = lore(w, repo, ['link', '--current', '--commit', 'HEAD~1', '--dry-run']);
  assert.is(dry.stdout, `Found 1 active session(s) in ${repo}\nLinking to commit ${short}\n  [dry-run] Would link session c9731a91 -> commit ${short}\n`);
  assert.is(gitNote(w, repo, prev), null);
  assert.is(lore(w, repo, ['link', '--current', '--commit', 'HEAD~1']).code, 0);
  assert.is(noteRecords(w, repo, prev)[0].session, SID.a);
  assert.is(gitNote(w, repo, head), null);
});

current.run();

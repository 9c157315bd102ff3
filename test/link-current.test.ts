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

current('evidence: a session that edited none of the commit\'s files is skipped, one without file data loses to one that did', ({ w, repo }) => {
  const sha = commit(w, repo, { files: { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n' }, message: 'third' });
  const short = git(w, repo, ['rev-parse', '--short', 'HEAD']);
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: ago(50), files: ['docs/x.md'] },
    { id: SID.b, cwd: repo, started_at: ago(40), files: [join(repo, 'src/a.ts')] },
    { id: SID.c, cwd: repo, started_at: ago(30) },
  ]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      `Found 3 active session(s) in ${repo}`,
      `  Skipped c9731a91 (edited none of the commit's files)`,
      `  Skipped d0e1f2a3 (no file data; c9731a92 edited the commit's files)`,
      `Linking to commit ${short}`,
      `  Linked session c9731a92 -> commit ${short}`,
      '',
    ].join('\n'),
  );
  const [rec] = noteRecords(w, repo, sha);
  assert.equal([rec.session, rec.method, rec.signals], [SID.b, 'current', { files: '1/2', minutes: 0 }]);
  assert.is(noteRecords(w, repo, sha).length, 1);
  assert.match(lore(w, repo, ['show', '--commit', 'HEAD']).stdout, /Why +edited 1 of the commit's 2 files, during the session\n/);
});

current('evidence: when every current session edited other files, nothing is linked', ({ w, repo }) => {
  commit(w, repo, { files: { 'src/a.ts': 'a\n' }, message: 'third' });
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: ago(50), files: ['docs/x.md'] }]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Found 1 active session(s) in ${repo}\n  Skipped c9731a91 (edited none of the commit's files)\nNone of them edited the commit's files; nothing to link\n`);
  assert.is(gitNote(w, repo), null);
});

current('agent commit: the session whose agent is running git commit made it; others only with file evidence', ({ w, repo }) => {
  const sha = commit(w, repo, { files: { 'src/a.ts': 'a\n' }, message: 'third' });
  const short = git(w, repo, ['rev-parse', '--short', 'HEAD']);
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: ago(50), tool: 'codex' },
    { id: SID.a, committing_at: ago(1) },
    { id: SID.b, cwd: repo, started_at: ago(40) },
    { id: SID.c, cwd: repo, started_at: ago(30), files: ['src/a.ts'] },
    // A commit the agent began long ago and never reported finished: not this one.
    { id: SID.d, cwd: repo, started_at: ago(60), committing_at: ago(30) },
  ]);
  const r = lore(w, repo, ['link', '--current']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      `Found 4 active session(s) in ${repo}`,
      `  Skipped e5f6a7b8 (c9731a91's agent made the commit)`,
      `  Skipped c9731a92 (c9731a91's agent made the commit)`,
      `Linking to commit ${short}`,
      `  Linked session c9731a91 -> commit ${short}`,
      `  Linked session d0e1f2a3 -> commit ${short}`,
      '',
    ].join('\n'),
  );
  assert.equal(
    noteRecords(w, repo, sha).map((x) => [x.session, x.method, x.signals]),
    [
      [SID.a, 'agent-commit', { minutes: 0, agent_commit: true }],
      [SID.c, 'current', { files: '1/1', minutes: 0 }],
    ],
  );
});

current('a session that never ended is not current once it has been idle for two hours', ({ w, repo, head }) => {
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: ago(10 * 24 * 60) },
    { id: SID.b, cwd: repo, started_at: ago(300), seen_at: ago(30) },
    { id: SID.c, cwd: repo, started_at: ago(300) },
    { id: SID.c, files: ['x.ts'], seen_at: ago(125) },
  ]);
  const r = lore(w, repo, ['link', '--current', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Found 1 active session\(s\) in .*\n.*\n  \[dry-run\] Would link session c9731a92 -> commit [0-9a-f]+\n$/);
  assert.is(gitNote(w, repo, head), null);
});

current.run();

import { mkdirSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, GIT_LORE_LINK_BIN, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const link = suite<{ w: World; repo: string; head: string; short: string }>('lore link <SESSION>');

link.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'b.txt': 'two\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  ctx.short = git(ctx.w, ctx.repo, ['rev-parse', '--short', 'HEAD']);
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z' },
    { id: SID.b, tool: 'codex', cwd: ctx.repo, started_at: '2026-01-12T10:00:00Z', ended_at: '2026-01-12T11:00:00Z' },
    { id: SID.c, cwd: ctx.repo, started_at: '2026-01-11T10:00:00Z' },
  ]);
});
link.after.each((ctx) => ctx.w.cleanup());

link('links a session to HEAD with the seed output and a note git can read', ({ w, repo, head, short }) => {
  const r = lore(w, repo, ['link', 'c9731a91', '--commit', 'HEAD']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Linking to commit ${short}\n  Linked session c9731a91 -> commit ${short}\n`);
  const recs = noteRecords(w, repo, head);
  assert.is(recs.length, 1);
  assert.equal(Object.keys(recs[0]), ['v', 'session', 'method', 'linked_at', 'linked_by', 'tool']);
  assert.is(recs[0].session, SID.a);
  assert.is(recs[0].method, 'manual');
  assert.is(recs[0].linked_by, 'me@example.com');
  assert.is(recs[0].tool, 'claude-code');
  assert.match(String(recs[0].linked_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(git(w, repo, ['log', '-1', '--notes=lore']), SID.a);
});

link('--dry-run prints the preview and writes nothing', ({ w, repo, short }) => {
  const r = lore(w, repo, ['link', 'c9731a91', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Linking to commit ${short}\n  [dry-run] Would link session c9731a91 -> commit ${short}\n`);
  assert.is(gitNote(w, repo), null);
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

link('several sessions go into one notes commit, lines sorted by session id', ({ w, repo, head }) => {
  const r = lore(w, repo, ['link', 'd0e1', 'c9731a91', SID.b]);
  assert.is(r.code, 0, r.stderr);
  const recs = noteRecords(w, repo, head);
  assert.equal(recs.map((x) => x.session), [SID.a, SID.b, SID.c]);
  assert.is(git(w, repo, ['rev-list', '--count', 'refs/notes/lore']), '1');
  assert.match(git(w, repo, ['log', '-1', '--format=%s', 'refs/notes/lore']), /^lore: link /);
  assert.is(git(w, repo, ['log', '-1', '--format=%an <%ae>', 'refs/notes/lore']), 'Test User <me@example.com>');
});

link('linking twice keeps one line per session', ({ w, repo, head, short }) => {
  assert.is(lore(w, repo, ['link', 'c9731a91']).code, 0);
  const before = gitNote(w, repo, head);
  const r = lore(w, repo, ['link', 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `Linked session c9731a91 -> commit ${short}`);
  assert.is(gitNote(w, repo, head), before);
});

link('--commit takes HEAD~1, short and full SHAs, branches and tags (annotated ones peeled)', ({ w, repo, head }) => {
  const first = git(w, repo, ['rev-parse', 'HEAD~1']);
  git(w, repo, ['tag', 'light', first]);
  git(w, repo, ['tag', '-a', 'v1.0.0', '-m', 'release', first]);
  for (const ref of ['HEAD~1', first.slice(0, 7), first, 'light', 'v1.0.0']) {
    git(w, repo, ['update-ref', '-d', 'refs/notes/lore']);
    const r = lore(w, repo, ['link', 'c9731a91', '--commit', ref]);
    assert.is(r.code, 0, `${ref}: ${r.stderr}`);
    assert.is(noteRecords(w, repo, first)[0]?.session, SID.a, ref);
    assert.is(gitNote(w, repo, head), null, ref);
  }
  git(w, repo, ['update-ref', '-d', 'refs/notes/lore']);
  assert.is(lore(w, repo, ['link', 'c9731a91', '--commit', 'main']).code, 0);
  assert.is(noteRecords(w, repo, head)[0]?.session, SID.a);
});

link('a tree, a blob or an unknown ref is an error and writes nothing', ({ w, repo }) => {
  const blob = git(w, repo, ['rev-parse', 'HEAD:a.txt']);
  for (const [ref, message] of [
    ['HEAD^{tree}', /is a tree, not a commit/],
    [blob, /is a blob, not a commit/],
    ['no-such-branch', /unknown revision 'no-such-branch'/],
  ] as const) {
    const r = lore(w, repo, ['link', 'c9731a91', '--commit', ref]);
    assert.is.not(r.code, 0, ref);
    assert.match(r.stderr, /^Error: /);
    assert.match(r.stderr, message);
    assert.is(r.stdout, '');
    assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

link('an ambiguous prefix lists candidates; an unknown one says how to list sessions', ({ w, repo }) => {
  const amb = lore(w, repo, ['link', 'c9731a9']);
  assert.is.not(amb.code, 0);
  assert.match(amb.stderr, /^Error: session prefix 'c9731a9' is ambiguous/);
  assert.match(amb.stderr, SID.a);
  assert.match(amb.stderr, SID.b);
  const unknown = lore(w, repo, ['link', 'ffff']);
  assert.is.not(unknown.code, 0);
  assert.match(unknown.stderr, /^Error: no session matches 'ffff'/);
  assert.match(unknown.stderr, /lore sessions/);
});

link('if any prefix fails, nothing is written', ({ w, repo }) => {
  const r = lore(w, repo, ['link', 'c9731a91', 'ffff']);
  assert.is.not(r.code, 0);
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

link('prefixes compare case-insensitively', ({ w, repo, head }) => {
  assert.is(lore(w, repo, ['link', 'C9731A91']).code, 0);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
});

link('foreign lines in a note are kept', ({ w, repo, head }) => {
  git(w, repo, ['notes', '--ref=lore', 'add', '-m', 'written by hand', head]);
  assert.is(lore(w, repo, ['link', 'c9731a91']).code, 0);
  const text = gitNote(w, repo, head)!;
  assert.match(text, 'written by hand');
  assert.match(text, SID.a);
  assert.is(text.trim().split('\n').length, 2);
});

link('git lore-link is the same command', ({ w, repo, head, short }) => {
  const r = lore(w, repo, ['c9731a91'], { bin: GIT_LORE_LINK_BIN });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Linking to commit ${short}\n  Linked session c9731a91 -> commit ${short}\n`);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
  const help = lore(w, repo, ['-h'], { bin: GIT_LORE_LINK_BIN });
  assert.is(help.code, 0);
  assert.match(help.stdout, 'git lore-link <SESSION>...');
});

link('works from a subdirectory', ({ w, repo, head }) => {
  const sub = `${repo}/lib`;
  mkdirSync(sub, { recursive: true });
  assert.is(lore(w, sub, ['link', 'c9731a91']).code, 0);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
});

link.run();

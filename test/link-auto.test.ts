import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const auto = suite<{ w: World; repo: string; head: string; short: string }>('lore link --auto');

auto.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'shop');
  commit(ctx.w, ctx.repo, { files: { 'README.md': 'shop\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
  ctx.head = commit(ctx.w, ctx.repo, {
    files: { 'lib/auth.ts': 'a\n', 'lib/session.ts': 'b\n', 'test/auth.test.ts': 'c\n' },
    message: 'Fix login bug',
    date: '2026-01-13T10:30:00Z',
  });
  ctx.short = git(ctx.w, ctx.repo, ['rev-parse', '--short', 'HEAD']);
  addSessions(ctx.w, [
    // Made the commit: active through it, same branch, touched its files.
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', files: ['lib/auth.ts', `${ctx.repo}/lib/session.ts`] },
    // Ran beside it on other files.
    { id: SID.c, tool: 'codex', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:10:00Z', ended_at: '2026-01-13T10:50:00Z', files: ['README.md'] },
    // Far away in time.
    { id: SID.d, cwd: ctx.repo, branch: 'main', started_at: '2026-01-10T10:00:00Z', ended_at: '2026-01-10T11:00:00Z' },
  ]);
});
auto.after.each((ctx) => ctx.w.cleanup());

const header = (short: string) =>
  `Auto-linking to commit ${short}\n  Commit: Fix login bug (2026-01-13 10:30)\n  Files changed: 3\n  Threshold: 60%\n\nFound 2 candidate session(s)\n  Skipped d0e1f2a3 (confidence: 40% < 60%)\n1 session(s) meet the confidence threshold:\n`;

auto('previews, asks, and applies nothing without an answer', ({ w, repo, short }) => {
  const r = lore(w, repo, ['link', '--auto']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `${header(short)}  [dry-run] Would link c9731a91 -> ${short} (confidence: 80%)\nApply these links? (y/N): \nNo links applied\n`);
  assert.is(gitNote(w, repo), null);
});

auto('answers y and yes apply; n does not', ({ w, repo, head }) => {
  assert.is(lore(w, repo, ['link', '--auto'], { input: 'n\n' }).code, 0);
  assert.is(gitNote(w, repo), null);
  const r = lore(w, repo, ['link', '--auto'], { input: 'YES\n' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Apply these links\? \(y\/N\): \n  Linked c9731a91 -> \w+ \(confidence: 80%\)\nApplied 1 link\(s\)\n$/);
  const recs = noteRecords(w, repo, head);
  assert.is(recs.length, 1);
  assert.is(recs[0].session, SID.a);
  assert.is(recs[0].method, 'auto');
  assert.is(recs[0].confidence, 0.8);
  assert.equal(Object.keys(recs[0]), ['v', 'session', 'method', 'confidence', 'linked_at', 'linked_by', 'tool', 'signals']);
  assert.equal(recs[0].signals, { files: '2/3', minutes: 0, branch: true });
  git(w, repo, ['update-ref', '-d', 'refs/notes/lore']);
  assert.is(lore(w, repo, ['link', '--auto'], { input: 'y\n' }).code, 0);
  assert.is(noteRecords(w, repo, head).length, 1);
});

auto('--yes applies without asking; --dry-run never asks', ({ w, repo, head, short }) => {
  const dry = lore(w, repo, ['link', '--auto', '--dry-run']);
  assert.is(dry.stdout, `${header(short)}  [dry-run] Would link c9731a91 -> ${short} (confidence: 80%)\n`);
  assert.is(gitNote(w, repo), null);
  const yes = lore(w, repo, ['link', '--auto', '--yes']);
  assert.is(yes.stdout, `${header(short)}  Linked c9731a91 -> ${short} (confidence: 80%)\nApplied 1 link(s)\n`);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
  const again = lore(w, repo, ['link', '--auto', '--yes']);
  assert.match(again.stdout, '  Skipped c9731a91 (already linked)\n');
  assert.is(noteRecords(w, repo, head).length, 1);
});

auto('--threshold changes what is proposed', ({ w, repo }) => {
  const r = lore(w, repo, ['link', '--auto', '--threshold', '0.9', '--dry-run']);
  assert.match(r.stdout, '  Threshold: 90%\n');
  assert.match(r.stdout, '  Skipped c9731a91 (confidence: 80% < 90%)\n');
  assert.match(r.stdout, 'No session meets the confidence threshold; nothing to link\n');
  // A low threshold lets more sessions compete, but not one that edited none of the commit's files.
  const low = lore(w, repo, ['link', '--auto', '--threshold', '0.3', '--dry-run']);
  assert.match(low.stdout, "  Skipped d0e1f2a3 (edited none of the commit's files)\n1 session(s) meet the confidence threshold:\n");
});

auto('a session without file data loses to one that edited the commit files', ({ w, repo, short }) => {
  addSessions(w, [{ id: SID.b, cwd: repo, branch: 'main', started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' }]);
  const r = lore(w, repo, ['link', '--auto', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `  Skipped c9731a92 (no file data; c9731a91 edited the commit's files)\n1 session(s) meet the confidence threshold:\n  [dry-run] Would link c9731a91 -> ${short} (confidence: 80%)\n`);
});

auto('--commit picks another commit', ({ w, repo }) => {
  const r = lore(w, repo, ['link', '--auto', '--commit', 'HEAD~1', '--dry-run']);
  assert.is(r.code, 0);
  assert.match(r.stdout, '  Commit: init (2026-01-12 09:00)\n  Files changed: 1\n');
  assert.match(r.stdout, 'Found 0 candidate session(s)\n');
});

auto.run();

const branches = suite<{ w: World }>('lore link --auto: branches');
branches.before.each((ctx) => {
  ctx.w = makeWorld();
});
branches.after.each((ctx) => ctx.w.cleanup());

branches('a session counts as on the commit\'s branch only when that branch contains the commit', ({ w }) => {
  const repo = makeRepo(w);
  commit(w, repo, { message: 'base', date: '2026-01-12T09:00:00Z' });
  git(w, repo, ['branch', 'older']);
  const head = commit(w, repo, { message: 'the commit', date: '2026-01-13T10:30:00Z' });
  git(w, repo, ['checkout', '-q', '-b', 'ahead']);
  commit(w, repo, { message: 'on top', date: '2026-01-13T10:40:00Z' });
  git(w, repo, ['checkout', '-q', 'main']);
  addSessions(w, [
    { id: SID.a, cwd: repo, branch: 'ahead', started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:45:00Z' },
    { id: SID.b, cwd: repo, branch: 'older', started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:45:00Z' },
  ]);
  const r = lore(w, repo, ['link', '--auto', '--dry-run', '--commit', head]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Would link c9731a91 -> \w+ \(confidence: 85%\)/);
  assert.match(r.stdout, 'Skipped c9731a92 (confidence: 45% < 60%)');
});

branches.run();

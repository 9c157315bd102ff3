import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { noteLine, notesCommits, setNote, short } from './helpers/show.js';

interface Ctx {
  w: World;
  repo: string;
  first: string;
  fix: string;
}

const TEAMMATE = 'ffffffff-0000-4000-8000-000000000009';
// Lines lore must leave exactly as written: a teammate's with a field this version does not know, and another tool's.
const THEIRS = '{"v":1,"session":"ffffffff-0000-4000-8000-000000000009","method":"manual","linked_at":"2026-01-13T10:45:00Z","extra":"kept"}';
const FOREIGN = 'reviewed-by: someone';

const u = suite<Ctx>('lore unlink');

u.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.first = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.fix = commit(ctx.w, ctx.repo, { files: { 'b.txt': 'two\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, started_at: '2026-01-13T08:00:00Z', ended_at: '2026-01-13T10:41:40Z' },
    { id: SID.b, cwd: ctx.repo, started_at: '2026-01-12T10:00:00Z' },
  ]);
});
u.after.each((ctx) => ctx.w.cleanup());

u('--commit removes only that line; other sessions and foreign lines stay as written', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual'), noteLine(SID.b, 'auto', { confidence: 0.7 }), THEIRS, FOREIGN]);
  const before = notesCommits(w, repo);
  const f = short(w, repo, fix);
  const r = lore(w, repo, ['unlink', 'c9731a91', '--commit', 'HEAD']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Unlinked session c9731a91 from commit ${f}\n`);
  assert.is(gitNote(w, repo, fix), [noteLine(SID.b, 'auto', { confidence: 0.7 }), THEIRS, FOREIGN].join('\n') + '\n');
  assert.is(notesCommits(w, repo), before + 1);
  assert.is(git(w, repo, ['log', '-1', '--format=%s|%an <%ae>', 'refs/notes/lore']), `lore: unlink c9731a91 from ${f}|Test User <me@example.com>`);
});

u('removing the last line removes the note', ({ w, repo, fix }) => {
  assert.is(lore(w, repo, ['link', 'c9731a91']).code, 0);
  const r = lore(w, repo, ['unlink', 'C9731A91', '--commit', fix]);
  assert.is(r.code, 0, r.stderr);
  assert.is(gitNote(w, repo, fix), null);
  assert.is(git(w, repo, ['notes', '--ref=lore', 'list']), '');
});

u('--commit on a commit the session is not linked to: says so, writes nothing', ({ w, repo, first, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const tip = git(w, repo, ['rev-parse', 'refs/notes/lore']);
  const r = lore(w, repo, ['unlink', 'c9731a91', '--commit', 'HEAD~1']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Session c9731a91 is not linked to commit ${short(w, repo, first)}; nothing to unlink\n`);
  assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), tip);
});

u('--commit --dry-run says what it would do and writes nothing', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const r = lore(w, repo, ['unlink', 'c9731a91', '--commit', 'HEAD', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `[dry-run] Would unlink session c9731a91 from commit ${short(w, repo, fix)}\n`);
  assert.is(gitNote(w, repo, fix), noteLine(SID.a, 'manual') + '\n');
});

u('without --commit: lists every linked commit, asks, then removes them in one notes commit', ({ w, repo, first, fix }) => {
  setNote(w, repo, first, [noteLine(SID.a, 'auto', { confidence: 0.85 }), noteLine(SID.b, 'manual')]);
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const before = notesCommits(w, repo);
  const [s1, s2] = [short(w, repo, first), short(w, repo, fix)];
  const r = lore(w, repo, ['unlink', 'c9731a91'], { input: 'y\n' });
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      `Session c9731a91 is linked to 2 commits in ${repo}:`,
      '  COMMIT   DATE              LINK      SUBJECT',
      `  ${s2}  2026-01-13 10:30  manual    Fix login bug`,
      `  ${s1}  2026-01-13 09:00  auto 85%  first`,
      'Remove these links? (y/N): ',
      'Removed 2 links',
      '',
    ].join('\n'),
  );
  assert.is(gitNote(w, repo, fix), null);
  assert.equal(noteRecords(w, repo, first).map((x) => x.session), [SID.b]);
  assert.is(notesCommits(w, repo), before + 1);
  assert.is(git(w, repo, ['log', '-1', '--format=%s', 'refs/notes/lore']), 'lore: unlink c9731a91 from 2 commits');
});

u('anything but y or yes, or no answer at all, removes nothing', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const tip = git(w, repo, ['rev-parse', 'refs/notes/lore']);
  for (const input of ['n\n', 'yep\n', '']) {
    const r = lore(w, repo, ['unlink', 'c9731a91'], { input });
    assert.is(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('Remove these links? (y/N): \nNo links removed\n'), r.stdout);
    assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), tip, JSON.stringify(input));
  }
  const yes = lore(w, repo, ['unlink', 'c9731a91'], { input: 'YES\n' });
  assert.match(yes.stdout, 'Removed 1 link\n');
  assert.match(git(w, repo, ['log', '-1', '--format=%s', 'refs/notes/lore']), `lore: unlink c9731a91 from ${short(w, repo, fix)}`);
});

u('--yes skips the question; --dry-run lists and writes nothing', ({ w, repo, first, fix }) => {
  setNote(w, repo, first, [noteLine(SID.a, 'manual')]);
  setNote(w, repo, fix, [noteLine(SID.a, 'manual'), FOREIGN]);
  const tip = git(w, repo, ['rev-parse', 'refs/notes/lore']);
  const dry = lore(w, repo, ['unlink', 'c9731a91', '--dry-run']);
  assert.is(dry.code, 0, dry.stderr);
  assert.ok(dry.stdout.endsWith('first\n[dry-run] Would remove 2 links\n'), dry.stdout);
  assert.not.match(dry.stdout, 'Remove these links?');
  assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), tip);

  const r = lore(w, repo, ['unlink', 'c9731a91', '--yes']);
  assert.is(r.code, 0, r.stderr);
  assert.not.match(r.stdout, 'Remove these links?');
  assert.ok(r.stdout.endsWith('\nRemoved 2 links\n'), r.stdout);
  assert.is(gitNote(w, repo, first), null);
  assert.is(gitNote(w, repo, fix), FOREIGN + '\n');
});

u('a session linked nowhere here: says so, exit 0, no notes ref made', ({ w, repo }) => {
  const r = lore(w, repo, ['unlink', 'c9731a91', '--yes']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Session c9731a91 is not linked to any commit in ${repo}; nothing to unlink\n`);
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

u('a session only the notes know: by full id it unlinks, by prefix the error names it', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual'), THEIRS]);
  const p = lore(w, repo, ['unlink', 'ffff', '--yes']);
  assert.is(p.code, 1);
  assert.is(p.stderr, `Error: no session in the index matches 'ffff'\nhint: Linked here but not in the index: ${TEAMMATE}; give the full id.\n`);
  const pc = lore(w, repo, ['unlink', 'ffff', '--commit', 'HEAD']);
  assert.is(pc.code, 1);
  assert.match(pc.stderr, TEAMMATE);
  assert.is(gitNote(w, repo, fix), `${noteLine(SID.a, 'manual')}\n${THEIRS}\n`);

  const r = lore(w, repo, ['unlink', TEAMMATE, '--yes']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'Session ffffffff is linked to 1 commit in');
  assert.is(gitNote(w, repo, fix), noteLine(SID.a, 'manual') + '\n');
});

u('unknown or ambiguous sessions and bad refs are errors that write nothing', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const tip = git(w, repo, ['rev-parse', 'refs/notes/lore']);
  const unknown = lore(w, repo, ['unlink', 'abcd', '--yes']);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /^Error: no session matches 'abcd'/);
  const amb = lore(w, repo, ['unlink', 'c9731a9', '--yes']);
  assert.is(amb.code, 1);
  assert.match(amb.stderr, /^Error: session prefix 'c9731a9' is ambiguous/);
  const ref = lore(w, repo, ['unlink', 'c9731a91', '--commit', 'nope']);
  assert.is(ref.code, 1);
  assert.match(ref.stderr, /^Error: unknown revision 'nope'/);
  const none = lore(w, repo, ['unlink']);
  assert.is(none.code, 2);
  assert.match(none.stderr, /^Error: /);
  const outside = lore(w, w.dir, ['unlink', 'c9731a91', '--yes']);
  assert.is(outside.code, 1);
  assert.match(outside.stderr, /^Error: not inside a git repository/);
  assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), tip);
});

u('only this repository is touched', ({ w, repo, fix }) => {
  const other = makeRepo(w, 'other');
  const there = commit(w, other, { message: 'elsewhere' });
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  setNote(w, other, there, [noteLine(SID.a, 'manual')]);
  assert.is(lore(w, other, ['unlink', 'c9731a91', '--yes']).code, 0);
  assert.is(gitNote(w, other, there), null);
  assert.is(gitNote(w, repo, fix), noteLine(SID.a, 'manual') + '\n');
});

u.run();

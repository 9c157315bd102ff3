import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const json = suite<{ w: World; repo: string; head: string; short: string }>('lore link --json');

json.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'shop');
  commit(ctx.w, ctx.repo, { files: { 'README.md': 'shop\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'lib/auth.ts': 'a\n', 'lib/session.ts': 'b\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  ctx.short = git(ctx.w, ctx.repo, ['rev-parse', '--short', 'HEAD']);
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', files: ['lib/auth.ts'] },
    { id: SID.c, tool: 'codex', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:10:00Z', ended_at: '2026-01-13T10:50:00Z', files: ['README.md'] },
    { id: SID.d, cwd: ctx.repo, branch: 'main', started_at: '2026-01-10T10:00:00Z', ended_at: '2026-01-10T11:00:00Z' },
  ]);
});
json.after.each((ctx) => ctx.w.cleanup());

function run(ctx: { w: World; repo: string }, args: string[]) {
  const r = lore(ctx.w, ctx.repo, ['link', ...args, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  return JSON.parse(r.stdout);
}

json('a session by id: the dry run writes nothing, the link says linked, again already-linked', (ctx) => {
  const { w, repo, head, short } = ctx;
  const link = { session: SID.a, commit: head, short, method: 'manual', confidence: null };
  assert.equal(run(ctx, ['c9731a91', '--dry-run']), { mode: 'manual', dry_run: true, links: [{ ...link, status: 'would-link' }], skipped: [] });
  assert.is(gitNote(w, repo), null);
  assert.equal(run(ctx, ['c9731a91']).links, [{ ...link, status: 'linked' }]);
  assert.equal(run(ctx, ['c9731a91']).links, [{ ...link, status: 'already-linked' }]);
  assert.is(noteRecords(w, repo, head).length, 1);
});

json('--auto: the proposal with its confidence, and each skipped session with why', (ctx) => {
  const { w, repo, head, short } = ctx;
  const dry = run(ctx, ['--auto', '--dry-run']);
  assert.equal(dry.links, [{ session: SID.a, commit: head, short, method: 'auto', confidence: 0.7, status: 'would-link' }]);
  assert.equal(dry.skipped, [{ session: SID.c, commit: head, reason: 'below-threshold', confidence: 0.4, by: null }]);
  assert.is(gitNote(w, repo), null);
  assert.is(run(ctx, ['--auto', '--yes']).links[0].status, 'linked');
  const again = run(ctx, ['--auto', '--yes']);
  assert.equal(again.links, []);
  assert.equal(again.skipped.map((s: { reason: string }) => s.reason), ['below-threshold', 'already-linked']);
});

json('--auto --backfill: the links and the counts behind them', (ctx) => {
  const { w, repo, head } = ctx;
  const dry = run(ctx, ['--auto', '--backfill', '--dry-run']);
  assert.is(dry.mode, 'backfill');
  assert.equal(dry.links.map((l: { session: string; commit: string; method: string; status: string }) => [l.session, l.commit, l.method, l.status]), [[SID.a, head, 'backfill', 'would-link']]);
  assert.equal(dry.backfill, { ended: 3, existing: 3, in_git: 3, no_overlap: 1, outclaimed: 0, other_authors: 0 });
  assert.is(gitNote(w, repo), null);
  assert.is(run(ctx, ['--auto', '--backfill', '--yes']).links[0].status, 'linked');
  assert.is(noteRecords(w, repo, head)[0].method, 'backfill');
});

json('--current with no active session: nothing to link, said as data', (ctx) => {
  assert.equal(run(ctx, ['--current', '--dry-run']), { mode: 'current', dry_run: true, links: [], skipped: [] });
});

json('--auto --json without --dry-run or --yes is an error: it cannot ask', ({ w, repo }) => {
  const r = lore(w, repo, ['link', '--auto', '--json']);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
  assert.is(r.stderr, 'Error: --json with --auto asks no question: add --dry-run or --yes\n');
  assert.is(gitNote(w, repo), null);
});

json.run();

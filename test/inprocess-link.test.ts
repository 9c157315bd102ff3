import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { quietDeps, type CommandDeps } from '../lib/commands/deps.js';
import { planLinkAuto } from '../lib/commands/link-auto.js';
import { applyBackfill, planBackfill } from '../lib/commands/link-backfill.js';
import { planLinkCurrent } from '../lib/commands/link-current.js';
import { planManual } from '../lib/commands/link-manual.js';
import { applyOneCommit } from '../lib/commands/link-one-commit.js';
import { sessionEnd, sessionStart, sessionTouch } from '../lib/commands/session.js';
import { readIndex } from '../lib/sessions/index-file.js';
import { addSessions, commit, gitNote, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { enterWorld, rejectsWith } from './helpers/in-process.js';

/**
 * The link commands called in-process: each returns its plan as data and writes nothing
 * until its apply is called. git runs in the world's environment, as it does for `lore`.
 */
interface Ctx {
  w: World;
  repo: string;
  leave: () => void;
  warnings: string[];
  deps: CommandDeps;
}

const s = suite<Ctx>('link commands in-process');

s.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.leave = enterWorld(ctx.w);
  ctx.repo = makeRepo(ctx.w, 'shop');
  ctx.warnings = [];
  ctx.deps = quietDeps((line) => ctx.warnings.push(line));
});
s.after.each((ctx) => {
  ctx.leave();
  ctx.w.cleanup();
});

s('planManual resolves every prefix and writes nothing; applyOneCommit says what became of each link', async ({ w, repo, deps, warnings }) => {
  const head = commit(w, repo, { message: 'a commit' });
  addSessions(w, [{ id: SID.a, tool: 'codex', cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: null }]);
  const plan = await planManual({ cwd: repo, sessions: ['c9731a91'], commit: 'HEAD' }, deps);
  assert.is(plan.commit.sha, head);
  assert.equal(plan.links, [{ session: SID.a, sha: head, short: plan.commit.short, method: 'manual', tool: 'codex', signals: undefined }]);
  assert.is(gitNote(w, repo), null, 'planning writes nothing');
  assert.equal((await applyOneCommit(plan)).map((l) => l.status), ['linked']);
  assert.equal(noteRecords(w, repo).map((r) => [r.session, r.method]), [[SID.a, 'manual']]);
  assert.equal((await applyOneCommit(plan)).map((l) => l.status), ['already-linked']);
  await rejectsWith(planManual({ cwd: repo, sessions: ['c9731a91', 'dead0000'], commit: 'HEAD' }, deps), 'UNKNOWN_SESSION');
  assert.equal(warnings, []);
});

s('planLinkCurrent: no current session is `none`; a current one is found and planned, not written', async ({ w, repo, deps }) => {
  const head = commit(w, repo, { files: { 'a.ts': '1' } });
  assert.equal(await planLinkCurrent({ cwd: repo, commit: head }, deps), { kind: 'none', root: repo });
  const now = Date.now();
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: new Date(now - 600_000).toISOString(), ended_at: null, files: [join(repo, 'a.ts')] }]);
  const plan = await planLinkCurrent({ cwd: repo, commit: head, now }, deps);
  if (plan.kind !== 'found') return assert.unreachable(`found nothing: ${JSON.stringify(plan)}`);
  assert.is(plan.found, 1);
  assert.equal(plan.skipped, []);
  assert.equal(plan.target.links.map((l) => [l.session, l.sha, l.method]), [[SID.a, head, 'current']]);
  assert.is(gitNote(w, repo), null);
  assert.equal((await applyOneCommit(plan.target)).map((l) => l.status), ['linked']);
});

s('planLinkCurrent reports the session the evidence took off the commit', async ({ w, repo, deps }) => {
  const head = commit(w, repo, { files: { 'a.ts': '1' } });
  const started = new Date(Date.now() - 600_000).toISOString();
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: started, ended_at: null, files: [join(repo, 'a.ts')] },
    { id: SID.c, cwd: repo, started_at: started, ended_at: null, files: [join(repo, 'other.ts')] },
  ]);
  const plan = await planLinkCurrent({ cwd: repo, commit: head }, deps);
  if (plan.kind !== 'found') return assert.unreachable('found nothing');
  assert.is(plan.found, 2);
  assert.equal(plan.skipped, [{ session: SID.c, commit: head, reason: 'no-overlap' }]);
  assert.equal(plan.target.links.map((l) => l.session), [SID.a]);
});

s('planLinkAuto scores the candidates: what it skips and why, and the proposals with confidence', async ({ w, repo, deps }) => {
  commit(w, repo, { files: { 'README.md': 'shop\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
  const head = commit(w, repo, { files: { 'lib/auth.ts': 'a\n', 'lib/session.ts': 'b\n', 'test/auth.test.ts': 'c\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(w, [
    { id: SID.a, tool: 'claude-code', cwd: repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', files: ['lib/auth.ts', `${repo}/lib/session.ts`] },
    { id: SID.c, tool: 'codex', cwd: repo, branch: 'main', started_at: '2026-01-13T10:10:00Z', ended_at: '2026-01-13T10:50:00Z', files: ['README.md'] },
  ]);
  const plan = await planLinkAuto({ cwd: repo, commit: 'HEAD', threshold: 0.6 }, deps);
  assert.is(plan.candidates, 2);
  assert.is(plan.filesChanged, 3);
  assert.is(plan.target.commit.subject, 'Fix login bug');
  const pct = (c: number | undefined) => Math.round((c ?? NaN) * 100);
  assert.equal(plan.skipped.map((x) => [x.session, x.commit, x.reason, pct(x.confidence)]), [[SID.c, head, 'below-threshold', 40]]);
  assert.equal(plan.target.links.map((l) => [l.session, l.method, pct(l.confidence)]), [[SID.a, 'auto', 80]]);
  assert.is(gitNote(w, repo), null, 'planning writes nothing');
  await applyOneCommit(plan.target);
  const again = await planLinkAuto({ cwd: repo, commit: 'HEAD', threshold: 0.6 }, deps);
  assert.equal(again.target.links, []);
  assert.equal(again.skipped.map((x) => [x.session, x.reason]), [[SID.c, 'below-threshold'], [SID.a, 'already-linked']]);
});

s('planBackfill finds the links and counts; applyBackfill writes them', async ({ w, repo, deps }) => {
  const c1 = commit(w, repo, { files: { 'lib/auth.ts': '1' }, message: 'fix: auth', date: '2026-01-13T10:20:00Z' });
  commit(w, repo, { files: { 'lib/late.ts': '1' }, message: 'later work', date: '2026-01-13T12:00:00Z' });
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z' },
    { id: SID.c, cwd: join(w.dir, 'deleted-project'), started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' },
  ]);
  const plan = await planBackfill({ cwd: repo, allAuthors: false }, deps);
  assert.equal(plan.found.map((f) => [f.link.session, f.link.sha, f.link.method, f.subject]), [[SID.a, c1, 'backfill', 'fix: auth']]);
  assert.equal(plan.counts, { ended: 2, existing: 1, in_git: 1, no_overlap: 0, outclaimed: 0, other_authors: 0 });
  assert.is(gitNote(w, repo, c1), null, 'planning writes nothing');
  assert.is(await applyBackfill(plan), 1);
  assert.equal(noteRecords(w, repo, c1).map((r) => [r.session, r.method]), [[SID.a, 'backfill']]);
  assert.is(await applyBackfill(plan), 0, 'a link already there is not new');
});

s('session start returns the id; end returns the links it made, and nothing with link: false', async ({ w, repo }) => {
  const indexPath = join(w.loreHome, 'sessions.jsonl');
  const deps = { warn: (l: string) => assert.unreachable(l) };
  const id = await sessionStart({ indexPath, id: SID.a, cwd: repo });
  assert.is(id, SID.a);
  const head = commit(w, repo, { files: { 'a.ts': '1' } });
  await sessionTouch({ indexPath, id: 'c9731a91', files: ['a.ts'], cwd: repo }, deps);
  const links = await sessionEnd({ indexPath, id: 'c9731a91' }, deps);
  assert.equal(links.map((l) => [l.session, l.sha, l.method]), [[SID.a, head, 'backfill']]);
  assert.equal(noteRecords(w, repo).map((r) => r.session), [SID.a]);

  await sessionStart({ indexPath, id: SID.c, cwd: repo });
  commit(w, repo, { files: { 'b.ts': '1' } });
  assert.equal(await sessionEnd({ indexPath, id: SID.c, link: false }, deps), []);
  assert.type(readIndex(indexPath, deps.warn).sessions.get(SID.c)?.endedAt, 'number');
  assert.equal(noteRecords(w, repo).map((r) => r.session), []);
});

s.run();

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, lore, noteRecords, SID, type World } from './helpers/env.js';
import { cloneRepo, link, mergeTeam, squashOnServer, type MergeTeam } from './helpers/remotes.js';

const syncCarry = suite<MergeTeam>('lore sync carries links onto what the upstream gained, and pushes them');

syncCarry.before.each((ctx) => {
  Object.assign(ctx, mergeTeam());
});
syncCarry.after.each((ctx) => ctx.w.cleanup());

/** Two linked commits on a pushed branch, squash-merged on the server; returns their shas. */
function squashMerged(ctx: MergeTeam): string[] {
  const { w, dev } = ctx;
  git(w, dev, ['checkout', '-q', '-b', 'feature', 'origin/main']);
  const shas = [
    commit(w, dev, { files: { 'f/a.txt': 'a1\n' }, message: 'add a', date: '2026-01-14T10:00:00Z' }),
    commit(w, dev, { files: { 'f/b.txt': 'b1\n' }, message: 'add b', date: '2026-01-14T10:10:00Z' }),
  ];
  git(w, dev, ['push', '-q', '-u', 'origin', 'feature']);
  link(w, dev, shas[0], [SID.a]);
  link(w, dev, shas[1], [SID.b]);
  squashOnServer(ctx, 'feature');
  // The developer is back on main, which has not been pulled since the merge.
  git(w, dev, ['checkout', '-q', 'main']);
  return shas;
}

function sessionsOn(w: World, repo: string, rev: string) {
  return noteRecords(w, repo, rev).map((r) => ({ session: r.session, method: r.method, from: r.from }));
}

syncCarry('a squash merge made on the server: the developer\'s sync carries both links onto it and pushes them', (ctx) => {
  const { w, dev } = ctx;
  const [c1, c2] = squashMerged(ctx);
  const squash = git(w, ctx.server, ['rev-parse', 'HEAD']);
  const short = (sha: string) => git(w, dev, ['rev-parse', '--short', sha]);

  const r = lore(w, dev, ['sync']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.is(
    r.stdout,
    [
      'Carried 2 link(s) onto origin/main (1 commit(s) checked):',
      `  Carried session ${SID.a.slice(0, 8)} -> commit ${short(squash)} (from ${short(c1)})`,
      `  Carried session ${SID.b.slice(0, 8)} -> commit ${short(squash)} (from ${short(c2)})`,
      'Pulled 0 link(s), pushed 4 link(s) to origin',
      '',
    ].join('\n'),
  );

  // A third clone sees the carried links on the squash commit, as plain git reads them.
  const third = cloneRepo(w, ctx.remote, 'third', 'third@example.com');
  assert.is(lore(w, third, ['sync']).code, 0);
  const note = git(w, third, ['notes', '--ref=lore', 'show', squash]).split('\n').map((l) => JSON.parse(l));
  assert.equal(
    note.map((r) => ({ session: r.session, method: r.method, from: r.from })),
    [
      { session: SID.a, method: 'carried', from: [c1] },
      { session: SID.b, method: 'carried', from: [c2] },
    ],
  );

  // Syncing again carries nothing more and says nothing extra.
  const again = lore(w, dev, ['sync']);
  assert.is(again.stdout, 'Pulled 0 link(s), pushed 0 link(s) to origin\n');
});

syncCarry('--no-carry shares the links as they are; --json says the same facts as one object', (ctx) => {
  const { w, dev } = ctx;
  const [c1, c2] = squashMerged(ctx);
  const squash = git(w, ctx.server, ['rev-parse', 'HEAD']);

  const off = lore(w, dev, ['sync', '--no-carry']);
  assert.is(off.stdout, 'Pulled 0 link(s), pushed 2 link(s) to origin\n');
  assert.equal(sessionsOn(w, dev, squash), [], 'nothing carried');

  const r = lore(w, dev, ['sync', '--json']);
  assert.is(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.is(json.remote, 'origin');
  assert.equal(json.pulled, { added: 0, removed: 0 });
  assert.equal(json.pushed, { added: 2, removed: 0 });
  assert.is(json.carried.range, 'origin/main');
  assert.equal(
    json.carried.links.map((l: { session: string; commit: { sha: string }; from: { sha: string }[]; added: boolean }) => [l.session, l.commit.sha, l.from[0].sha, l.added]),
    [
      [SID.a, squash, c1, true],
      [SID.b, squash, c2, true],
    ],
  );
  assert.equal(sessionsOn(w, dev, squash).map((s) => s.method), ['carried', 'carried']);
});

syncCarry('without an upstream (a detached HEAD) sync carries nothing and says nothing extra; --json has carried: null', (ctx) => {
  const { w, dev } = ctx;
  squashMerged(ctx);
  git(w, dev, ['checkout', '-q', '--detach']);
  const r = lore(w, dev, ['sync', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), { remote: 'origin', pulled: { added: 0, removed: 0 }, pushed: { added: 2, removed: 0 }, carried: null, records: { written: 0, pulled: 0, pushed: 0 } });
  assert.is(lore(w, dev, ['sync']).stdout, 'Pulled 0 link(s), pushed 0 link(s) to origin\n');
});

syncCarry.run();

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, lore, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

interface Ctx {
  w: World;
  remote: string;
  /** The developer's clone, where the sessions ran and the links are. */
  dev: string;
  /** A clone playing the hosting service: its merge buttons make new commits. */
  server: string;
}

const carry = suite<Ctx>('lore carry: links follow squash merges, rebase merges and cherry-picks');

carry.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.remote = makeRemote(ctx.w, 2).remote;
  ctx.dev = cloneRepo(ctx.w, ctx.remote, 'dev', 'me@example.com');
  ctx.server = cloneRepo(ctx.w, ctx.remote, 'server', 'server@example.com');
});
carry.after.each((ctx) => ctx.w.cleanup());

/** A feature branch of three commits in the developer's clone, pushed; returns their shas. */
function feature(ctx: Ctx, branch: string): string[] {
  const { w, dev } = ctx;
  git(w, dev, ['checkout', '-q', '-b', branch, 'origin/main']);
  const shas = [
    commit(w, dev, { files: { [`${branch}/a.txt`]: 'a1\n' }, message: `${branch}: add a`, date: '2026-01-14T10:00:00Z' }),
    commit(w, dev, { files: { [`${branch}/b.txt`]: 'b1\n' }, message: `${branch}: add b`, date: '2026-01-14T10:10:00Z' }),
    commit(w, dev, { files: { [`${branch}/a.txt`]: 'a1\na2\n' }, message: `${branch}: extend a`, date: '2026-01-14T10:20:00Z' }),
  ];
  git(w, dev, ['push', '-q', 'origin', branch]);
  return shas;
}

/** A teammate's commit lands on main first, so the merge button's commits have a new parent. */
function teammateCommit(ctx: Ctx): void {
  commit(ctx.w, ctx.server, { files: { 'other.txt': 'theirs\n' }, message: 'teammate work', date: '2026-01-14T11:00:00Z' });
}

/** What the hosting service's merge buttons do, then the developer pulls. */
function onServer(ctx: Ctx, ...steps: string[][]): void {
  git(ctx.w, ctx.server, ['fetch', '-q', 'origin']);
  for (const args of steps) git(ctx.w, ctx.server, args, { GIT_COMMITTER_DATE: '2026-01-14T12:00:00Z', GIT_AUTHOR_DATE: '2026-01-14T12:00:00Z' });
  git(ctx.w, ctx.server, ['push', '-q', 'origin', 'main']);
  git(ctx.w, ctx.dev, ['checkout', '-q', 'main']);
  git(ctx.w, ctx.dev, ['pull', '-q', '--ff-only']);
}

function carried(w: World, repo: string, rev: string) {
  return noteRecords(w, repo, rev).map((r) => ({ session: r.session, method: r.method, from: r.from }));
}

carry('a squash merge of a 3-commit branch linked to two sessions carries both, naming the commits', (ctx) => {
  const { w, dev } = ctx;
  const [c1, c2, c3] = feature(ctx, 'feature');
  link(w, dev, c1, [SID.a]);
  link(w, dev, c2, [SID.a]);
  link(w, dev, c3, [SID.b]);
  teammateCommit(ctx);
  onServer(ctx, ['merge', '-q', '--squash', 'origin/feature'], ['commit', '-q', '-m', 'Feature (#1)']);
  // The branch is gone locally, as after a merged pull request; its remote-tracking ref remains.
  git(w, dev, ['branch', '-q', '-D', 'feature']);

  const r = lore(w, dev, ['carry']);
  assert.is(r.code, 0, r.stderr);
  const squash = git(w, dev, ['rev-parse', '--short', 'HEAD']);
  const short = (sha: string) => git(w, dev, ['rev-parse', '--short', sha]);
  assert.is(
    r.stdout,
    [
      `Carried 2 link(s) onto origin/main (2 commit(s) checked):`,
      `  Carried session c9731a91 -> commit ${squash} (from ${[c1, c2].sort().map(short).join(', ')})`,
      `  Carried session ${SID.b.slice(0, 8)} -> commit ${squash} (from ${short(c3)})`,
      '',
    ].join('\n'),
  );
  assert.equal(carried(w, dev, 'HEAD'), [
    { session: SID.a, method: 'carried', from: [c1, c2].sort() },
    { session: SID.b, method: 'carried', from: [c3] },
  ]);
  assert.equal(noteRecords(w, dev, 'HEAD~1'), [], "the teammate's commit carries nothing");

  // Carrying again adds nothing: the default range starts where the last carry stopped,
  // and an explicit range finds the links already there.
  const notesBefore = git(w, dev, ['rev-parse', 'refs/notes/lore']);
  const again = lore(w, dev, ['carry']);
  assert.is(again.stdout, 'Nothing to carry: no commit of origin/main since the last carry replaced a linked commit (0 checked)\n');
  const explicit = lore(w, dev, ['carry', 'origin/main~2..origin/main']);
  assert.match(explicit.stdout, `  Carried session c9731a91 -> commit ${squash} (already linked)`);
  assert.is(git(w, dev, ['rev-parse', 'refs/notes/lore']), notesBefore, 'no new notes commit');
});

carry('a rebase merge made with --force-rebase: each new commit gets the links of the one it replaced', (ctx) => {
  const { w, dev, server } = ctx;
  const [c1, c2, c3] = feature(ctx, 'topic');
  link(w, dev, c1, [SID.a]);
  link(w, dev, c3, [SID.b]);
  teammateCommit(ctx);
  onServer(ctx, ['checkout', '-q', '-b', 'topic', 'origin/topic'], ['rebase', '-q', '--force-rebase', 'main'], ['checkout', '-q', 'main'], ['merge', '-q', '--ff-only', 'topic']);
  void server;
  const r = lore(w, dev, ['carry']);
  assert.is(r.code, 0, r.stderr);
  const [n3, n2, n1] = git(w, dev, ['rev-list', '-3', 'HEAD']).split('\n');
  assert.not.ok([n1, n2, n3].includes(c1), 'the commits are new');
  assert.equal(carried(w, dev, n1), [{ session: SID.a, method: 'carried', from: [c1] }]);
  assert.equal(carried(w, dev, n2), [], `${c2} had no link`);
  assert.equal(carried(w, dev, n3), [{ session: SID.b, method: 'carried', from: [c3] }]);
});

carry('a cherry-pick to a release branch carries the link of the picked commit', (ctx) => {
  const { w, dev } = ctx;
  const [c1] = feature(ctx, 'fix');
  link(w, dev, c1, [SID.a]);
  git(w, dev, ['checkout', '-q', '-b', 'release', 'origin/main']);
  git(w, dev, ['cherry-pick', '-x', c1], { GIT_COMMITTER_DATE: '2026-01-15T09:00:00Z' });
  const r = lore(w, dev, ['carry', 'origin/main..release']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(carried(w, dev, 'release'), [{ session: SID.a, method: 'carried', from: [c1] }]);
  assert.equal(git(w, dev, ['notes', '--ref=lore', 'show', 'release']).includes('"method":"carried"'), true, 'plain git reads it');
});

carry('a partial squash and an unrelated commit with the same subject carry nothing', (ctx) => {
  const { w, dev } = ctx;
  const [c1, c2] = feature(ctx, 'part');
  link(w, dev, c1, [SID.a]);
  link(w, dev, c2, [SID.b]);
  onServer(
    ctx,
    // Only a.txt of the branch: the change is not the branch's change.
    ['checkout', 'origin/part', '--', 'part/a.txt'],
    ['commit', '-q', '-m', 'Part (#2)'],
  );
  commit(w, ctx.server, { files: { 'part/unrelated.txt': 'x\n' }, message: 'part: add b', date: '2026-01-14T13:00:00Z' });
  onServer(ctx);
  const r = lore(w, dev, ['carry']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Nothing to carry: no commit of origin\/main replaced a linked commit \(2 checked\)\n$/);
  assert.is(git(w, dev, ['notes', '--ref=lore', 'list']).split('\n').length, 2, 'only the two original links');
});

carry('without an upstream or a range it says what to give; --dry-run writes nothing', (ctx) => {
  const { w, dev } = ctx;
  const [c1] = feature(ctx, 'dry');
  link(w, dev, c1, [SID.a]);
  git(w, dev, ['checkout', '-q', '--detach']);
  const none = lore(w, dev, ['carry']);
  assert.is(none.code, 2);
  assert.is(none.stderr, 'Error: the current branch has no upstream to carry links onto\nhint: Give a range, e.g. lore carry origin/main~20..origin/main\n');
  onServer(ctx, ['merge', '-q', '--squash', 'origin/dry'], ['commit', '-q', '-m', 'Dry (#3)']);
  const notesBefore = git(w, dev, ['rev-parse', 'refs/notes/lore']);
  const dry = lore(w, dev, ['carry', '--dry-run']);
  assert.match(dry.stdout, /^1 link\(s\) to carry onto origin\/main \(1 commit\(s\) checked\):\n  \[dry-run\] Would carry session c9731a91 -> commit [0-9a-f]{7,} \(from [0-9a-f]{7,}\)\n$/);
  assert.is(git(w, dev, ['rev-parse', 'refs/notes/lore']), notesBefore);
  const json = JSON.parse(lore(w, dev, ['carry', '--json']).stdout);
  assert.is(json.links.length, 1);
  assert.is(json.links[0].from[0].sha, c1);
  assert.is(json.links[0].added, true);
});

carry.run();

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, gitNote, lore, noteRecords, SID, type World } from './helpers/env.js';
import { gitRun, installHooks, printed, writeScript } from './helpers/hooks.js';
import { link, mergeTeam, squashOnServer, type MergeTeam } from './helpers/remotes.js';

const postMerge = suite<MergeTeam>('post-merge hook: a pull carries links onto the server\'s squash merge');

postMerge.before.each((ctx) => {
  Object.assign(ctx, mergeTeam());
});
postMerge.after.each((ctx) => ctx.w.cleanup());

/** A linked commit on a pushed branch, squash-merged on the server; returns the linked and the squash commit. */
function squashMerged(ctx: MergeTeam): { linked: string; squash: string } {
  const { w, dev } = ctx;
  git(w, dev, ['checkout', '-q', '-b', 'feature', 'origin/main']);
  commit(w, dev, { files: { 'f/a.txt': 'a1\n' }, message: 'add a', date: '2026-01-14T10:00:00Z' });
  const linked = commit(w, dev, { files: { 'f/a.txt': 'a1\na2\n' }, message: 'extend a', date: '2026-01-14T10:10:00Z' });
  git(w, dev, ['push', '-q', 'origin', 'feature']);
  link(w, dev, linked, [SID.a]);
  const squash = squashOnServer(ctx, 'feature');
  git(w, dev, ['checkout', '-q', 'main']);
  return { linked, squash };
}

/** The hook carries in the background, after git returned: wait for its note, up to a limit. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function noteSoon(w: World, repo: string, rev: string): string | null {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const note = gitNote(w, repo, rev);
    if (note !== null) return note;
    pause(100);
  }
  return null;
}

postMerge('a git pull that fast-forwards onto a squash merge leaves the carried note on the squash commit; the user hook still runs', (ctx) => {
  const { w, dev } = ctx;
  writeScript(join(dev, '.git/hooks/post-merge'), '#!/bin/sh\necho "user post-merge $1" >> .git/user-hook.log\n');
  const r = installHooks(w, dev);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `post-merge: installed, as a block in your existing hook, which still runs (${join(dev, '.git/hooks/post-merge')})`);
  const { linked, squash } = squashMerged(ctx);

  const pull = gitRun(w, dev, ['pull', '-q', '--ff-only']);
  assert.is(pull.code, 0, pull.stderr);
  assert.equal(printed(pull), [], 'the hook prints nothing');
  assert.is(git(w, dev, ['rev-parse', 'HEAD']), squash, 'fast-forwarded onto the squash commit');
  assert.ok(noteSoon(w, dev, squash) !== null, 'the carried note appears');
  assert.equal(
    noteRecords(w, dev, squash).map((rec) => ({ session: rec.session, method: rec.method, from: rec.from })),
    [{ session: SID.a, method: 'carried', from: [linked] }],
  );
  assert.is(readFileSync(join(dev, '.git/user-hook.log'), 'utf8'), 'user post-merge 0\n');

  const off = lore(w, dev, ['hooks', 'uninstall']);
  assert.match(off.stdout, `post-merge: removed lore's block; the rest of your hook stays (${join(dev, '.git/hooks/post-merge')})`);
  assert.is(readFileSync(join(dev, '.git/hooks/post-merge'), 'utf8'), '#!/bin/sh\necho "user post-merge $1" >> .git/user-hook.log\n');
});

postMerge('LORE_SKIP=1 carries nothing; a pull without links or without an upstream never fails', (ctx) => {
  const { w, dev } = ctx;
  assert.is(installHooks(w, dev).code, 0);
  const { squash } = squashMerged(ctx);
  const skipped = gitRun(w, dev, ['pull', '-q', '--ff-only'], { LORE_SKIP: '1' });
  assert.is(skipped.code, 0, skipped.stderr);
  assert.equal(printed(skipped), []);
  // Time enough for a background carry (the first test's takes well under this) to have written.
  pause(3000);
  assert.is(gitNote(w, dev, squash), null, 'nothing carried under LORE_SKIP');
  // lore carry by hand is what the hook would have run: it finds the link to carry.
  assert.match(lore(w, dev, ['carry', '--dry-run']).stdout, /^1 link\(s\) to carry onto origin\/main/);

  // A merge on a branch without an upstream: the hook has nothing to carry onto, and says nothing.
  git(w, dev, ['checkout', '-q', '-b', 'local', 'HEAD~1']);
  const merged = gitRun(w, dev, ['merge', '-q', '--no-edit', 'main']);
  assert.is(merged.code, 0, merged.stderr);
  assert.equal(printed(merged), []);
});

postMerge.run();

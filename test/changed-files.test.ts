import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openRepo } from '../lib/git/nodegit-repo.js';
import { commit, git, makeRepo, makeWorld, type World } from './helpers/env.js';

const files = suite<{ w: World }>('changed files of many commits at once');
files.before.each((ctx) => {
  ctx.w = makeWorld();
});
files.after.each((ctx) => ctx.w.cleanup());

files('root, empty, merge and plain commits each get their own files, against the first parent', async ({ w }) => {
  const dir = makeRepo(w);
  const root = commit(w, dir, { files: { 'a.txt': 'a\n', 'src/b.ts': 'b\n' } });
  const empty = commit(w, dir, { files: {}, message: 'nothing changed' });
  git(w, dir, ['checkout', '-q', '-b', 'side']);
  const side = commit(w, dir, { files: { 'side.txt': 's\n' } });
  git(w, dir, ['checkout', '-q', 'main']);
  const plain = commit(w, dir, { files: { 'src/b.ts': 'b2\n', 'c.txt': 'c\n' } });
  git(w, dir, ['merge', '-q', '--no-edit', 'side']);
  const merge = git(w, dir, ['rev-parse', 'HEAD']);
  const repo = await openRepo(dir);

  // Asked in an order unlike history's, an empty commit among them: each answer stays its own.
  const shas = [plain, empty, merge, root, side];
  const got = await repo.changedFilesMany(shas);
  assert.equal(got.get(root)?.sort(), ['a.txt', 'src/b.ts']);
  assert.equal(got.get(empty), []);
  assert.equal(got.get(side), ['side.txt']);
  assert.equal(got.get(plain)?.sort(), ['c.txt', 'src/b.ts']);
  // A merge, against its first parent: what the side branch brought.
  assert.equal(got.get(merge), ['side.txt']);
  assert.equal(got.get(merge), git(w, dir, ['diff', '--name-only', `${merge}^1`, merge]).split('\n'));
  assert.equal([...got.keys()].sort(), [...shas].sort());
});

files('one commit inspected at once: the same files, its note exactly as git shows it, errors as resolving gives', async ({ w }) => {
  const dir = makeRepo(w);
  const root = commit(w, dir, { files: { 'a.txt': 'a\n', 'src/b.ts': 'b\n' } });
  const empty = commit(w, dir, { files: {}, message: 'nothing changed' });
  git(w, dir, ['checkout', '-q', '-b', 'side']);
  commit(w, dir, { files: { 'side.txt': 's\n' } });
  git(w, dir, ['checkout', '-q', 'main']);
  commit(w, dir, { files: { 'src/b.ts': 'b2\n' } });
  git(w, dir, ['merge', '-q', '--no-edit', 'side']);
  const merge = git(w, dir, ['rev-parse', 'HEAD']);
  git(w, dir, ['mv', 'a.txt', 'renamed.txt']);
  const renamed = commit(w, dir, { files: {}, message: 'rename' });
  const text = '{"v":1,"session":"x"}\n{"v":1,"session":"y"}';
  git(w, dir, ['notes', '--ref=lore', 'add', '-m', text, empty]);
  const repo = await openRepo(dir);

  const all = await repo.changedFilesMany([root, empty, merge, renamed]);
  for (const [ref, sha] of [['HEAD~4', root], [empty, empty], ['HEAD~1', merge], ['main', renamed]]) {
    const got = await repo.inspectCommit(ref);
    assert.is(got.commit.sha, sha);
    assert.equal(got.commit, await repo.resolveCommit(ref));
    assert.equal(got.files.sort(), all.get(sha)!.sort());
  }
  assert.equal((await repo.inspectCommit('main')).files.sort(), ['a.txt', 'renamed.txt']);
  const noted = await repo.inspectCommit(empty);
  assert.is(noted.note?.trimEnd(), git(w, dir, ['notes', '--ref=lore', 'show', empty]));
  assert.is((await repo.inspectCommit(root)).note, null);
  for (const bad of ['no-such-ref', 'HEAD:a.txt', '--all']) {
    const err = await repo.inspectCommit(bad).then(() => null, (e: Error) => e.message);
    const want = await repo.resolveCommit(bad).then(() => null, (e: Error) => e.message);
    assert.ok(err, bad);
    assert.is(err, want, bad);
  }
});

files.run();

import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { git, lore, loreAsync, makeRepo, makeWorld, type World } from './helpers/env.js';
import { assertNoScratch, assertOnlyForward, cloneRepo, link, linkMany, linksIn, makeRemote, manyCommits } from './helpers/remotes.js';

/** Eight sessions with distinct 8-character prefixes, sorted as notes sort their lines. */
const S = Array.from({ length: 8 }, (_, i) => `${String(i).repeat(8)}-0000-4000-8000-00000000000${i}`);

function team(commits = 3): { w: World; remote: string; shas: string[]; clone: (name: string) => string } {
  const w = makeWorld();
  const { remote, shas } = makeRemote(w, commits);
  return { w, remote, shas, clone: (name) => cloneRepo(w, remote, name, `${name}@example.com`) };
}

function sync(w: World, clone: string, args: string[] = []): string {
  const r = lore(w, clone, ['sync', ...args]);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  return r.stdout.trim();
}

function tip(w: World, repo: string, ref = 'refs/notes/lore'): string {
  return git(w, repo, ['rev-parse', '--verify', '-q', ref]);
}

test('a remote without links: the first push creates them, a clone without any fetches them', () => {
  const { w, remote, shas, clone } = team();
  try {
    const [alice, bob] = [clone('alice'), clone('bob')];
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 0 link(s) to origin');
    link(w, alice, shas[0], [S[0]]);
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 1 link(s) to origin');
    assert.is(tip(w, remote), tip(w, alice));
    assert.is(sync(w, bob), 'Pulled 1 link(s), pushed 0 link(s) to origin');
    assert.is(tip(w, bob), tip(w, remote), 'a clone with no links takes the remote tip as it is');
    assert.equal(linksIn(w, bob, shas), { [shas[0]]: [S[0]] });
    assert.is(tip(w, bob, 'refs/notes/remotes/origin/lore'), tip(w, remote));
    assertOnlyForward(w, remote);
    assertNoScratch(w, alice);
  } finally {
    w.cleanup();
  }
});

test('links diverged on the same commit and on different commits: all kept, plain git reads the result', () => {
  const { w, remote, shas, clone } = team();
  try {
    const [alice, bob] = [clone('alice'), clone('bob')];
    link(w, alice, shas[0], [S[0]]);
    link(w, alice, shas[1], [S[1]]);
    link(w, bob, shas[0], [S[2]]);
    link(w, bob, shas[2], [S[3]]);
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 2 link(s) to origin');
    assert.is(sync(w, bob), 'Pulled 2 link(s), pushed 2 link(s) to origin');
    assert.is(sync(w, alice), 'Pulled 2 link(s), pushed 0 link(s) to origin');
    const all = { [shas[0]]: [S[0], S[2]], [shas[1]]: [S[1]], [shas[2]]: [S[3]] };
    assert.equal(linksIn(w, alice, shas), all);
    assert.equal(linksIn(w, bob, shas), all);
    assert.equal(linksIn(w, remote, shas), all);
    // bob's merge has both tips as parents, so his push was a fast-forward.
    assert.is(git(w, remote, ['rev-list', '--parents', '-n1', 'refs/notes/lore']).split(' ').length, 3);
    const carol = clone('carol');
    git(w, carol, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore']);
    assert.is(git(w, carol, ['notes', '--ref=lore', 'show', shas[0]]).split('\n').length, 2);
    assert.equal(linksIn(w, carol, shas), all);
    assertOnlyForward(w, remote);
    assertNoScratch(w, bob);
  } finally {
    w.cleanup();
  }
});

test('an unlink travels to the other clone; links added there meanwhile stay', () => {
  const { w, remote, shas, clone } = team();
  try {
    const [alice, bob] = [clone('alice'), clone('bob')];
    link(w, alice, shas[0], [S[0], S[1]]);
    sync(w, alice);
    sync(w, bob);
    // alice removes S0's line by rewriting the note with plain git.
    const kept = git(w, alice, ['notes', '--ref=lore', 'show', shas[0]]).split('\n').filter((l) => !l.includes(S[0]));
    git(w, alice, ['notes', '--ref=lore', 'add', '-f', '-m', kept.join('\n'), shas[0]]);
    link(w, bob, shas[0], [S[2]]);
    link(w, bob, shas[1], [S[3]]);
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 0 link(s) and 1 unlink(s) to origin');
    assert.is(sync(w, bob), 'Pulled 0 link(s) and 1 unlink(s), pushed 2 link(s) to origin');
    assert.is(sync(w, alice), 'Pulled 2 link(s), pushed 0 link(s) to origin');
    const all = { [shas[0]]: [S[1], S[2]], [shas[1]]: [S[3]] };
    assert.equal(linksIn(w, alice, shas), all);
    assert.equal(linksIn(w, bob, shas), all);
    assert.equal(linksIn(w, remote, shas), all);
    assertOnlyForward(w, remote);
  } finally {
    w.cleanup();
  }
});

test('three clones syncing at the same moment: every link reaches the remote and every clone', async () => {
  const { w, remote, shas, clone } = team();
  try {
    const clones = [clone('alice'), clone('bob'), clone('carol')];
    link(w, clones[0], shas[0], [S[0]]);
    link(w, clones[0], shas[1], [S[1]]);
    link(w, clones[1], shas[0], [S[2]]);
    link(w, clones[1], shas[2], [S[3]]);
    link(w, clones[2], shas[0], [S[4]]);
    link(w, clones[2], shas[1], [S[5]]);
    const runs = await Promise.all(clones.map((c) => loreAsync(w, c, ['sync'])));
    for (const r of runs) assert.is(r.code, 0, r.stderr);
    const all = { [shas[0]]: [S[0], S[2], S[4]], [shas[1]]: [S[1], S[5]], [shas[2]]: [S[3]] };
    assert.equal(linksIn(w, remote, shas), all);
    // A clone that finished first has not seen the later pushes yet: one more sync brings them.
    for (const c of clones) sync(w, c);
    for (const c of clones) assert.equal(linksIn(w, c, shas), all);
    assertOnlyForward(w, remote);
    for (const c of clones) assertNoScratch(w, c);
  } finally {
    w.cleanup();
  }
});

test('hundreds of notes in git\'s fan-out layout: the merge equals git\'s cat_sort_uniq merge, note for note', () => {
  const { w, remote, clone } = team(1);
  try {
    const [alice, bob, carol] = [clone('alice'), clone('bob'), clone('carol')];
    const shas = manyCommits(w, alice, 'many', 300);
    git(w, alice, ['push', '-q', 'origin', 'many']);
    git(w, bob, ['fetch', '-q', 'origin', 'many:many']);
    linkMany(w, alice, shas, S[0]);
    linkMany(w, bob, shas, S[1]);
    link(w, bob, shas[7], [S[2]]);
    assert.match(git(w, bob, ['ls-tree', 'refs/notes/lore']), /^040000 tree /m, 'git fans the notes tree out into subtrees');
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 300 link(s) to origin');
    // What git itself makes of the two sides, in a third clone.
    git(w, carol, ['fetch', '-q', bob, 'refs/notes/lore:refs/notes/lore']);
    git(w, carol, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/alice']);
    git(w, carol, ['notes', '--ref=lore', 'merge', '-q', '-s', 'cat_sort_uniq', 'refs/notes/alice']);
    assert.is(sync(w, bob), 'Pulled 300 link(s), pushed 301 link(s) to origin');
    const list = (repo: string) => git(w, repo, ['notes', '--ref=lore', 'list']).split('\n').sort();
    assert.is(list(remote).length, 300);
    assert.equal(list(remote), list(carol));
    assert.equal(linksIn(w, remote, [shas[7]]), { [shas[7]]: [S[0], S[1], S[2]] });
    assertOnlyForward(w, remote);
  } finally {
    w.cleanup();
  }
});

test('--quiet prints nothing; the remote is the one named, else the branch upstream', () => {
  const { w, shas, clone } = team();
  try {
    const alice = clone('alice');
    const backup = join(w.dir, 'backup.git');
    git(w, w.dir, ['init', '-q', '--bare', backup]);
    git(w, alice, ['remote', 'add', 'backup', backup]);
    link(w, alice, shas[0], [S[0]]);
    assert.is(sync(w, alice, ['--quiet']), '');
    assert.is(sync(w, alice, ['backup']), 'Pulled 0 link(s), pushed 1 link(s) to backup');
    git(w, alice, ['config', 'branch.main.remote', 'backup']);
    link(w, alice, shas[1], [S[1]]);
    assert.is(sync(w, alice), 'Pulled 0 link(s), pushed 1 link(s) to backup');
    assert.is(tip(w, backup), tip(w, alice));
  } finally {
    w.cleanup();
  }
});

test('an unknown or unreachable remote: one Error line, nothing changed', () => {
  const { w, shas, clone } = team();
  try {
    const alice = clone('alice');
    link(w, alice, shas[0], [S[0]]);
    const before = tip(w, alice);
    let r = lore(w, alice, ['sync', 'nosuch']);
    assert.is(r.code, 1);
    assert.match(r.stderr, /^Error: no git remote named 'nosuch'\nhint: Known remotes: origin\n$/);
    git(w, alice, ['remote', 'add', 'gone', join(w.dir, 'no-such-remote.git')]);
    r = lore(w, alice, ['sync', 'gone']);
    assert.is(r.code, 1);
    assert.match(r.stderr, /^Error: git fetch gone failed: .+\nhint: Try it by hand: git fetch gone\n$/);
    assert.is(tip(w, alice), before);
    const lonely = makeRepo(w, 'lonely');
    r = lore(w, lonely, ['sync']);
    assert.is(r.code, 1);
    assert.match(r.stderr, /^Error: no git remote named 'origin'\n/);
  } finally {
    w.cleanup();
  }
});

test('a remote that keeps moving under every push: bounded retries, links kept locally', () => {
  const { w, remote, shas, clone } = team();
  try {
    const [alice, bob] = [clone('alice'), clone('bob')];
    link(w, bob, shas[0], [S[0]]);
    sync(w, bob);
    // Someone else pushes (a descendant) while each of alice's pushes is in flight.
    const hook = join(remote, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        'unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES',
        'export GIT_COMMITTER_NAME=else GIT_COMMITTER_EMAIL=else@example.com GIT_AUTHOR_NAME=else GIT_AUTHOR_EMAIL=else@example.com',
        'echo push >> attempts',
        'tip=$(git rev-parse refs/notes/lore)',
        'git update-ref refs/notes/lore $(git commit-tree -p $tip -m moved "$tip^{tree}") $tip',
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);
    link(w, alice, shas[1], [S[1]]);
    const r = lore(w, alice, ['sync']);
    assert.is(r.code, 1);
    assert.is(r.stdout, '');
    assert.match(r.stderr, /^Error: origin kept changing: links not pushed after 5 attempts; everything is kept locally\nhint: /);
    assert.is(readFileSync(join(remote, 'attempts'), 'utf8').split('\n').filter(Boolean).length, 5);
    assert.equal(linksIn(w, alice, shas), { [shas[0]]: [S[0]], [shas[1]]: [S[1]] });
    assertOnlyForward(w, remote);
    assertNoScratch(w, alice);
  } finally {
    w.cleanup();
  }
});

test('remote setup: plain git fetch brings links to the tracking ref, idempotent, warns about overwriting refspecs', () => {
  const { w, remote, shas, clone } = team();
  try {
    const [alice, bob] = [clone('alice'), clone('bob')];
    link(w, bob, shas[0], [S[0]]);
    sync(w, bob);
    link(w, alice, shas[1], [S[1]]);
    const mine = tip(w, alice);
    let r = lore(w, alice, ['remote', 'setup']);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stderr, '');
    assert.match(r.stdout, /^Added \+refs\/notes\/lore:refs\/notes\/remotes\/origin\/lore to remote\.origin\.fetch/);
    git(w, alice, ['fetch', '-q', 'origin']);
    assert.is(tip(w, alice, 'refs/notes/remotes/origin/lore'), tip(w, remote));
    assert.is(tip(w, alice), mine, 'plain git fetch leaves the local links alone');
    r = lore(w, alice, ['remote', 'setup', 'origin']);
    assert.match(r.stdout, /already has/);
    assert.is(git(w, alice, ['config', '--get-all', 'remote.origin.fetch']).split('\n').length, 3, 'the branches, the links and the session records');
    git(w, alice, ['config', '--add', 'remote.origin.fetch', '+refs/notes/*:refs/notes/*']);
    r = lore(w, alice, ['remote', 'setup']);
    assert.is(r.code, 0);
    assert.match(r.stderr, /^Warning: remote\.origin\.fetch has \+refs\/notes\/\*:refs\/notes\/\*, which makes git fetch overwrite local links/);
    r = lore(w, alice, ['remote', 'setup', 'nosuch']);
    assert.is(r.code, 1);
    assert.match(r.stderr, /^Error: no git remote named 'nosuch'/);
  } finally {
    w.cleanup();
  }
});

test('remote setup against a remote with no links yet says plain git fetch fails until they are pushed', () => {
  const { w, shas, clone } = team();
  try {
    const alice = clone('alice');
    let r = lore(w, alice, ['remote', 'setup']);
    assert.is(r.code, 0, r.stderr);
    assert.equal(r.stderr.trim().split('\n'), [
      'Warning: origin has no refs/notes/lore yet, so plain git fetch origin fails until it does',
      "hint: lore sync origin pushes this clone's links and creates it (or link a commit first)",
    ]);
    assert.throws(() => git(w, alice, ['fetch', '-q', 'origin']), /couldn't find remote ref refs\/notes\/lore/);
    link(w, alice, shas[0], [S[0]]);
    sync(w, alice);
    git(w, alice, ['fetch', '-q', 'origin']);
    r = lore(w, alice, ['remote', 'setup']);
    assert.is(r.stderr, '', 'the remote has links now: nothing to warn about');
  } finally {
    w.cleanup();
  }
});

test.run();

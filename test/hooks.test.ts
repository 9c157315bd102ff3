import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, gitNote, lore, LORE_BIN, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { hookCommit, installHooks, linkedSessions, pathWithoutLore, printed, startSession } from './helpers/hooks.js';

const hooks = suite<{ w: World; repo: string }>('lore hooks install / uninstall / status');

hooks.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
hooks.after.each((ctx) => ctx.w.cleanup());

const shortHead = (w: World, repo: string) => git(w, repo, ['rev-parse', '--short', 'HEAD']);

hooks('install writes the three hooks and the local notes config; a commit then links the active session', ({ w, repo }) => {
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  const hooksDir = join(repo, '.git/hooks');
  assert.equal(r.stdout.split('\n').slice(0, 4), [
    `post-commit: installed (${hooksDir}/post-commit)`,
    `post-rewrite: installed (${hooksDir}/post-rewrite)`,
    `post-merge: installed (${hooksDir}/post-merge)`,
    "Set in this repository's git config: notes.rewriteRef=refs/notes/lor[e], notes.rewriteMode=cat_sort_uniq",
  ]);
  for (const hook of ['post-commit', 'post-rewrite', 'post-merge']) {
    const path = join(hooksDir, hook);
    assert.ok(statSync(path).mode & 0o100, `${hook} is executable`);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.startsWith('#!/bin/sh\n# >>> lore >>>'), text);
    // The absolute fallback: this node and this lore, for hooks run without lore on PATH.
    assert.ok(text.includes(`lore_node='${process.execPath}' lore_js='${LORE_BIN}'`), text);
  }
  assert.is(git(w, repo, ['config', '--local', 'notes.rewriteRef']), 'refs/notes/lor[e]');
  assert.is(git(w, repo, ['config', '--local', 'notes.rewriteMode']), 'cat_sort_uniq');

  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [`lore: Linked session c9731a91 -> commit ${shortHead(w, repo)}`]);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

hooks('without lore on PATH (GUI git clients, nvm) the hook runs the node and lore that installed it', ({ w, repo }) => {
  installHooks(w, repo);
  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo, { env: { PATH: pathWithoutLore(w) } });
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [`lore: Linked session c9731a91 -> commit ${shortHead(w, repo)}`]);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

hooks('with no active session a commit prints nothing and writes no note', ({ w, repo }) => {
  installHooks(w, repo);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), []);
  assert.is(gitNote(w, repo), null);
});

hooks('LORE_SKIP=1 turns the hook off for one command', ({ w, repo }) => {
  installHooks(w, repo);
  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo, { env: { LORE_SKIP: '1' } });
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), []);
  assert.is(gitNote(w, repo), null);
  hookCommit(w, repo);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

hooks('installing twice changes nothing', ({ w, repo }) => {
  installHooks(w, repo);
  const read = () => ['post-commit', 'post-rewrite', 'post-merge'].map((h) => readFileSync(join(repo, '.git/hooks', h), 'utf8'));
  const config = () => readFileSync(join(repo, '.git/config'), 'utf8');
  const [before, configBefore] = [read(), config()];
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  assert.equal(read(), before);
  assert.is(config(), configBefore);
  assert.match(r.stdout, `post-commit: already installed (${join(repo, '.git/hooks/post-commit')})`);
  assert.not.match(r.stdout, 'Set in');
});

hooks('installing again after lore moved rewrites the block in place, keeping what lore created', ({ w, repo }) => {
  installHooks(w, repo);
  const path = join(repo, '.git/hooks/post-commit');
  const fresh = readFileSync(path, 'utf8');
  writeFileSync(path, fresh.replace(`lore_js='${LORE_BIN}'`, `lore_js='/old/place/bin/lore.js'`));
  const r = installHooks(w, repo);
  assert.match(r.stdout, `post-commit: updated lore's block (${path})`);
  assert.is(readFileSync(path, 'utf8'), fresh);
  lore(w, repo, ['hooks', 'uninstall']);
  assert.ok(!existsSync(path));
});

hooks('uninstall deletes the files lore created and its config; status follows', ({ w, repo }) => {
  installHooks(w, repo, ['--show-in-log']);
  const hooksDir = join(repo, '.git/hooks');
  const on = lore(w, repo, ['hooks', 'status']);
  assert.is(on.code, 0, on.stderr);
  assert.is(
    on.stdout,
    [
      `post-commit: installed (${hooksDir}/post-commit)`,
      `post-rewrite: installed (${hooksDir}/post-rewrite)`,
      `post-merge: installed (${hooksDir}/post-merge)`,
      'links follow amend and rebase: yes (notes.rewriteRef covers refs/notes/lore)',
      'git log shows links: yes (notes.displayRef=refs/notes/lore)',
      '',
    ].join('\n'),
  );
  const r = lore(w, repo, ['hooks', 'uninstall']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `post-commit: removed (deleted ${hooksDir}/post-commit, which lore had created)`);
  assert.match(r.stdout, `post-merge: removed (deleted ${hooksDir}/post-merge, which lore had created)`);
  assert.ok(['post-commit', 'post-rewrite', 'post-merge'].every((h) => !existsSync(join(hooksDir, h))));
  assert.not.match(readFileSync(join(repo, '.git/config'), 'utf8'), /rewriteref|rewritemode|displayref/i);
  const off = lore(w, repo, ['hooks', 'status']);
  assert.is(
    off.stdout,
    [
      `post-commit: not installed (${hooksDir}/post-commit)`,
      `post-rewrite: not installed (${hooksDir}/post-rewrite)`,
      `post-merge: not installed (${hooksDir}/post-merge)`,
      'links follow amend and rebase: no (notes.rewriteRef does not cover refs/notes/lore; run lore hooks install)',
      'git log shows links: no (lore hooks install --show-in-log turns it on)',
      '',
    ].join('\n'),
  );
});

hooks('--show-in-log makes plain git log show the links, next to other notes refs', ({ w, repo }) => {
  git(w, repo, ['config', '--local', '--add', 'notes.displayRef', 'refs/notes/review']);
  installHooks(w, repo, ['--show-in-log']);
  assert.equal(git(w, repo, ['config', '--local', '--get-all', 'notes.displayRef']).split('\n'), ['refs/notes/review', 'refs/notes/lore']);
  startSession(w, repo, SID.a);
  hookCommit(w, repo);
  assert.match(git(w, repo, ['log', '-1']), /Notes \(lore\):\n\s+\{"v":1,"session":"c9731a91/);
  lore(w, repo, ['hooks', 'uninstall']);
  assert.is(git(w, repo, ['config', '--local', '--get-all', 'notes.displayRef']), 'refs/notes/review');
});

hooks('unknown actions and misplaced options are usage errors', ({ w, repo }) => {
  const bad = lore(w, repo, ['hooks', 'instal']);
  assert.is(bad.code, 2);
  assert.is(bad.stderr, "Error: unknown action 'instal'\nhint: Give one of: lore hooks install | uninstall | status\n");
  assert.is(lore(w, repo, ['hooks', 'status', '--show-in-log']).code, 2);
  const outside = lore(w, w.dir, ['hooks', 'install']);
  assert.is(outside.code, 1);
  assert.match(outside.stderr, /^Error: not inside a git working tree/);
});

hooks('status --json: the facts of the text, before and after install', ({ w, repo }) => {
  const before = lore(w, repo, ['hooks', 'status', '--json']);
  assert.is(before.code, 0, before.stderr);
  const off = JSON.parse(before.stdout);
  assert.equal(off.hooks.map((h: { hook: string; installed: boolean }) => [h.hook, h.installed]), [['post-commit', false], ['post-rewrite', false], ['post-merge', false]]);
  assert.equal([off.agents, off.rewrite_ref, off.display_ref], [[], false, false]);
  installHooks(w, repo);
  const on = JSON.parse(lore(w, repo, ['hooks', 'status', '--json']).stdout);
  assert.equal(on.hooks[0], { hook: 'post-commit', installed: true, path: join(repo, '.git', 'hooks', 'post-commit'), manager: 'git', executable: true });
  assert.is(on.rewrite_ref, true);
  const agent = JSON.parse(lore(w, repo, ['hooks', 'status', '--json', '--agent', 'codex']).stdout);
  assert.equal(agent.agents.map((a: { agent: string; installed: boolean }) => [a.agent, a.installed]), [['codex', false]]);
});

hooks.run();

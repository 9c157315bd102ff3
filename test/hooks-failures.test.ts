import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, gitNote, LORE_BIN, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { hookCommit, installHooks, linkedSessions, pathWithoutLore, printed, startSession, writeScript } from './helpers/hooks.js';

const failures = suite<{ w: World; repo: string }>('lore hooks: a broken lore never breaks a commit');

failures.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
failures.after.each((ctx) => ctx.w.cleanup());

/** Points the installed hooks' absolute fallback at another lore.js. */
function repointFallback(repo: string, js: string): void {
  for (const hook of ['post-commit', 'post-rewrite']) {
    const path = join(repo, '.git/hooks', hook);
    writeFileSync(path, readFileSync(path, 'utf8').replace(`lore_js='${LORE_BIN}'`, `lore_js='${js}'`));
  }
}

failures('lore missing from PATH and from its recorded place: the commit succeeds, one line, the user hook still runs', ({ w, repo }) => {
  writeScript(join(repo, '.git/hooks/post-commit'), '#!/bin/sh\necho "user hook ran" > .git/user-hook.log\n');
  installHooks(w, repo);
  const missing = join(w.dir, 'gone/bin/lore.js');
  repointFallback(repo, missing);
  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo, { env: { PATH: pathWithoutLore(w) } });
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [`lore: could not link (lore is not on PATH and ${missing} is missing); run lore link --current to retry`]);
  assert.is(git(w, repo, ['log', '-1', '--format=%s']), 'a commit');
  assert.is(readFileSync(join(repo, '.git/user-hook.log'), 'utf8'), 'user hook ran\n');
  assert.is(gitNote(w, repo), null);
});

failures('lore crashing: one line with its error', ({ w, repo }) => {
  installHooks(w, repo);
  const crash = join(w.dir, 'crash.mjs');
  writeFileSync(crash, "throw new Error('boom');\n");
  repointFallback(repo, crash);
  const c = hookCommit(w, repo, { env: { PATH: pathWithoutLore(w) } });
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), ['lore: could not link (boom); run lore link --current to retry']);
});

failures('an unreadable session index: one line with lore\'s error', ({ w, repo }) => {
  installHooks(w, repo);
  mkdirSync(join(w.loreHome, 'sessions.jsonl'), { recursive: true });
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [
    `lore: could not link (cannot read the session index ${w.loreHome}/sessions.jsonl: it is a directory); run lore link --current to retry`,
  ]);
});

failures("post-rewrite without lore: git's own copy still carries the links, one line says lore could not run", ({ w, repo }) => {
  installHooks(w, repo);
  startSession(w, repo, SID.a);
  hookCommit(w, repo);
  const missing = join(w.dir, 'gone/bin/lore.js');
  repointFallback(repo, missing);
  const r = hookCommit(w, repo, { args: ['--amend'], newFile: false, message: 'amended', env: { PATH: pathWithoutLore(w) } });
  assert.is(r.code, 0, r.stderr);
  assert.equal(printed(r), [
    `lore: could not link (lore is not on PATH and ${missing} is missing); run lore link --current to retry`,
    `lore: could not merge the links of rewritten commits (lore is not on PATH and ${missing} is missing)`,
  ]);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

failures.run();

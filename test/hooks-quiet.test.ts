import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, LORE_BIN, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { hookCommit, installHooks, linkedSessions, pathWithoutLore, printed, startSession } from './helpers/hooks.js';

const quiet = suite<{ w: World; repo: string; marker: string }>('post-commit hook: no node while no session is current');

quiet.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  ctx.marker = join(ctx.repo, '.git', 'lore-quiet');
  commit(ctx.w, ctx.repo, { message: 'first' });
  installHooks(ctx.w, ctx.repo);
});
quiet.after.each((ctx) => ctx.w.cleanup());

/** Makes lore unreachable: if the hook tried to run it, it would print its one failure line. */
function breakLore(repo: string): void {
  const path = join(repo, '.git/hooks/post-commit');
  writeFileSync(path, readFileSync(path, 'utf8').replace(`lore_js='${LORE_BIN}'`, `lore_js='/nonexistent/lore.js'`));
}

quiet('after a commit with no current session, the next commit does not start lore', ({ w, repo, marker }) => {
  const first = hookCommit(w, repo);
  assert.is(first.code, 0);
  assert.equal(printed(first), []);
  assert.is(readFileSync(marker, 'utf8'), `${join(w.loreHome, 'sessions.jsonl')} missing\n`);
  breakLore(repo);
  const second = hookCommit(w, repo, { env: { PATH: pathWithoutLore(w) } });
  assert.is(second.code, 0);
  assert.equal(printed(second), [], 'lore was not started, so it could not complain');
});

quiet('a session starting (the index changes) makes the hook run lore and link again', ({ w, repo }) => {
  assert.is(hookCommit(w, repo).code, 0);
  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo);
  assert.equal(printed(c).length, 1);
  assert.match(printed(c)[0], /^lore: Linked session c9731a91 -> commit [0-9a-f]+$/);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

quiet('an ended session in the index: the marker holds its size; a lore config disables the shortcut', ({ w, repo, marker }) => {
  startSession(w, repo, SID.a, 120);
  writeFileSync(join(w.loreHome, 'sessions.jsonl'), readFileSync(join(w.loreHome, 'sessions.jsonl'), 'utf8') + JSON.stringify({ id: SID.a, ended_at: new Date(Date.now() - 3_600_000).toISOString() }) + '\n');
  assert.is(hookCommit(w, repo).code, 0);
  const size = readFileSync(join(w.loreHome, 'sessions.jsonl')).length;
  assert.is(readFileSync(marker, 'utf8'), `${join(w.loreHome, 'sessions.jsonl')} ${size}\n`);
  breakLore(repo);
  const noPath = { PATH: pathWithoutLore(w) };
  assert.equal(printed(hookCommit(w, repo, { env: noPath })), [], 'the index is unchanged: lore is not started');
  writeFileSync(join(repo, '.lorerc.json'), '{}');
  const c = hookCommit(w, repo, { env: noPath });
  assert.equal(printed(c).length, 1, 'with a config file present the hook asks lore');
  assert.match(printed(c)[0], /could not link/);
});

quiet('a current session clears the marker', ({ w, repo, marker }) => {
  assert.is(hookCommit(w, repo).code, 0);
  assert.ok(existsSync(marker));
  startSession(w, repo, SID.a);
  hookCommit(w, repo);
  assert.is(readFileSync(marker, 'utf8'), '');
});

quiet.run();

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, lore, LORE_BIN, makeWorld, SID, type World } from './helpers/env.js';
import { gitRun, installHooks, pathWithoutLore, printed, writeScript } from './helpers/hooks.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

const prePush = suite<{ w: World; remote: string; clone: string; path: string }>('lore hooks install --sync: each push shares the links');

prePush.before.each((ctx) => {
  ctx.w = makeWorld();
  const { remote, shas } = makeRemote(ctx.w, 1);
  ctx.remote = remote;
  ctx.clone = cloneRepo(ctx.w, remote, 'alice', 'alice@example.com');
  link(ctx.w, ctx.clone, shas[0], [SID.a]);
  commit(ctx.w, ctx.clone, { message: 'second' });
  ctx.path = pathWithoutLore(ctx.w);
});
prePush.after.each((ctx) => ctx.w.cleanup());

/**
 * Pushes run without lore on PATH, so the hook runs this build (the fallback it recorded),
 * whatever lore this machine has installed.
 */
function push({ w, clone, path }: { w: World; clone: string; path: string }, args: string[], env: NodeJS.ProcessEnv = {}) {
  return gitRun(w, clone, ['push', '-q', ...args], { PATH: path, ...env });
}

const tip = (w: World, repo: string, ref: string) => git(w, repo, ['rev-parse', '-q', '--verify', ref]);

/** Points the installed pre-push hook at a stand-in for lore that records how it was called. */
function recordCalls(w: World, clone: string): string {
  const log = join(w.dir, 'calls.log');
  const fake = join(w.dir, 'fake-lore.mjs');
  writeFileSync(fake, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + ' LORE_SYNCING=' + process.env.LORE_SYNCING + '\\n');\n`);
  const hook = join(clone, '.git/hooks/pre-push');
  writeFileSync(hook, readFileSync(hook, 'utf8').replace(`lore_js='${LORE_BIN}'`, `lore_js='${fake}'`));
  return log;
}

prePush('git push pushes the links too, silently; the user hook still gets the ref lines on stdin', (ctx) => {
  const { w, remote, clone } = ctx;
  writeScript(join(clone, '.git/hooks/pre-push'), '#!/bin/sh\necho "user pre-push $1" >> .git/user-hook.log\ncat >> .git/user-hook.log\n');
  const r = installHooks(w, clone, ['--sync']);
  assert.is(r.code, 0, r.stderr);
  const hook = join(clone, '.git/hooks/pre-push');
  assert.match(r.stdout, `pre-push: installed, as a block in your existing hook, which still runs (${hook})`);
  assert.match(r.stdout, 'Each push to a remote now shares the links with it too');
  assert.match(lore(w, clone, ['hooks', 'status']).stdout, `post-merge: installed (${join(clone, '.git/hooks/post-merge')})\npre-push: installed (${hook})\n`);

  const p = push(ctx, ['origin', 'main']);
  assert.is(p.code, 0, p.stderr);
  assert.equal(printed(p), []);
  assert.is(tip(w, remote, 'refs/notes/lore'), tip(w, clone, 'refs/notes/lore'));
  assert.is(tip(w, remote, 'refs/heads/main'), tip(w, clone, 'HEAD'));
  const head = tip(w, clone, 'HEAD');
  const log = readFileSync(join(clone, '.git/user-hook.log'), 'utf8');
  assert.match(log, new RegExp(`^user pre-push origin\\nrefs/heads/main ${head} refs/heads/main [0-9a-f]{40}\\n$`));

  const u = lore(w, clone, ['hooks', 'uninstall']);
  assert.match(u.stdout, `pre-push: removed lore's block; the rest of your hook stays (${hook})`);
  assert.is(readFileSync(hook, 'utf8'), '#!/bin/sh\necho "user pre-push $1" >> .git/user-hook.log\ncat >> .git/user-hook.log\n');
  assert.not.match(lore(w, clone, ['hooks', 'status']).stdout, 'pre-push');
  assert.match(lore(w, clone, ['hooks', 'status', '--sync']).stdout, `pre-push: not installed (${hook})`);
});

prePush('a failing sync never fails the push: one line says what to retry', (ctx) => {
  const { w, remote, clone } = ctx;
  // The remote takes code but refuses notes, as a server with a ref policy may.
  writeScript(join(remote, 'hooks/update'), '#!/bin/sh\ncase "$1" in refs/notes/*) echo "notes not allowed" >&2; exit 1 ;; esac\n');
  installHooks(w, clone, ['--sync']);
  const p = push(ctx, ['origin', 'main']);
  assert.is(p.code, 0, p.stderr);
  const lines = printed(p);
  assert.is(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /^lore: could not sync links with origin \(.+\); run lore sync origin to retry$/);
  assert.is(tip(w, remote, 'refs/heads/main'), tip(w, clone, 'HEAD'));
  assert.ok(!existsSync(join(remote, 'refs/notes/lore')));
});

prePush('lore missing entirely: the push succeeds with one line', (ctx) => {
  const { w, remote, clone } = ctx;
  installHooks(w, clone, ['--sync']);
  const hook = join(clone, '.git/hooks/pre-push');
  const missing = join(w.dir, 'gone/bin/lore.js');
  writeFileSync(hook, readFileSync(hook, 'utf8').replace(`lore_js='${LORE_BIN}'`, `lore_js='${missing}'`));
  const p = push(ctx, ['origin', 'main']);
  assert.is(p.code, 0, p.stderr);
  assert.equal(printed(p), [`lore: could not sync links with origin (lore is not on PATH and ${missing} is missing); run lore sync origin to retry`]);
  assert.is(tip(w, remote, 'refs/heads/main'), tip(w, clone, 'HEAD'));
});

prePush('sync runs once per push of code, guarded; not for notes alone, a URL, LORE_SKIP=1 or inside a sync', (ctx) => {
  const { w, remote, clone } = ctx;
  installHooks(w, clone, ['--sync']);
  const log = recordCalls(w, clone);
  const ok = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = push(ctx, args, env);
    assert.is(r.code, 0, r.stderr);
  };
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  ok(['origin', 'refs/notes/lore']);
  assert.is(calls(), '', 'a push of notes alone');
  ok(['origin', 'main'], { LORE_SKIP: '1' });
  ok(['origin', 'main:refs/heads/other'], { LORE_SYNCING: '1' });
  ok([remote, 'main:refs/heads/by-url']);
  assert.is(calls(), '');
  ok(['origin', 'main:refs/heads/third']);
  assert.is(calls(), 'sync --quiet origin LORE_SYNCING=1\n');
});

prePush.run();

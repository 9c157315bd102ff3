import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, LORE_BIN, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { installHooks, startSession, writeScript } from './helpers/hooks.js';

/**
 * Issue 20: with a large index, six quick commits spawned six background linkers at once
 * (4.5 GiB). Now one linker runs per repository and later commits queue behind it.
 */
const linkers = suite<{ w: World; repo: string }>('hostile: one background linker per repository');

linkers.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
linkers.after.each((ctx) => ctx.w.cleanup());

function commitAsync(w: World, dir: string, env: NodeJS.ProcessEnv, name: string): Promise<number> {
  writeFileSync(join(dir, name), `${name}\n`);
  git(w, dir, ['add', name]);
  return new Promise((done) => spawn('git', ['commit', '-q', '-m', name], { cwd: dir, env, stdio: 'ignore' }).on('close', (code) => done(code ?? -1)));
}

linkers('commits made at once in two worktrees: one linker at a time, and every commit linked', async ({ w, repo }) => {
  // A lore that logs when each run starts and ends, and is slow, so that runs would overlap.
  const bin = join(w.dir, 'bin');
  const log = join(w.dir, 'runs.log');
  writeScript(
    join(bin, 'lore'),
    `#!/bin/sh\necho "start $$" >> '${log}'\nsleep 1\n"${process.execPath}" "${LORE_BIN}" "$@"\nrc=$?\necho "end $$" >> '${log}'\nexit $rc\n`,
  );
  const env = { ...w.env, PATH: `${bin}:${w.env.PATH}` };
  assert.is(installHooks(w, repo).code, 0);
  const other = join(w.dir, 'proj-second');
  git(w, repo, ['worktree', 'add', '-q', '-b', 'second', other]);
  startSession(w, repo, SID.a);
  startSession(w, other, SID.b);

  const codes = await Promise.all([commitAsync(w, repo, env, 'a.txt'), commitAsync(w, other, env, 'b.txt'), commitAsync(w, repo, env, 'c.txt').catch(() => -1)]);
  assert.ok(codes.filter((c) => c === 0).length >= 2, `commits: ${codes}`);
  // The linker may still run after a commit that only queued its SHA returned.
  for (let i = 0; i < 100 && existsSync(join(repo, '.git/lore-linking')); i++) await new Promise((r) => setTimeout(r, 100));

  const runs = readFileSync(log, 'utf8').trim().split('\n');
  assert.ok(runs.filter((l) => l.startsWith('start')).length >= 2, 'the logging lore linked each worktree');
  let running = 0;
  for (const line of runs) {
    running += line.startsWith('start') ? 1 : -1;
    assert.ok(running <= 1, `two linkers at once:\n${runs.join('\n')}`);
  }
  assert.equal(noteRecords(w, repo, 'main').map((r) => r.session), [SID.a], 'the last commit on main');
  assert.equal(noteRecords(w, repo, 'second').map((r) => r.session), [SID.b], "the other worktree's commit, its own session");
  assert.not.ok(existsSync(join(repo, '.git/lore-link-queue')) && readFileSync(join(repo, '.git/lore-link-queue'), 'utf8') !== '', 'nothing left queued');
});

linkers('a linker that died leaves a lock the next commit takes over', ({ w, repo }) => {
  assert.is(installHooks(w, repo).code, 0);
  startSession(w, repo, SID.a);
  // What a killed linker leaves: its lock, with a pid that no longer runs.
  const lock = join(repo, '.git/lore-linking');
  mkdirSync(lock);
  writeFileSync(join(lock, 'pid'), '999999\n');
  writeFileSync(join(repo, 'd.txt'), 'd\n');
  git(w, repo, ['add', 'd.txt']);
  git(w, repo, ['commit', '-q', '-m', 'd']);
  assert.equal(noteRecords(w, repo).map((r) => r.session), [SID.a]);
  assert.not.ok(existsSync(lock), 'the lock is given up');
});

linkers.run();

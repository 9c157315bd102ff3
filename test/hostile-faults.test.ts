import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, LORE_BIN, lore, makeRepo, makeWorld, noteRecords, SID, type Run, type World } from './helpers/env.js';

/** Issue 20, defect 4: ordinary faults are user errors (one Error: line, exit 1, nothing changed), never a stack. */
function assertUserError(r: Run, says: RegExp) {
  assert.is(r.code, 1, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0], /^Error: /);
  assert.match(lines[0], says);
  assert.ok(lines.length === 1 || (lines.length === 2 && lines[1].startsWith('hint: ')), r.stderr);
}

/** lore under a file-size limit of 0 blocks: every write that grows a file fails with EFBIG (node ignores SIGXFSZ). */
function loreNoRoom(w: World, cwd: string, args: string[]): Run {
  const quoted = [process.execPath, LORE_BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `ulimit -f 0 && exec ${quoted}`], { cwd, env: w.env, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const full = suite<{ w: World; repo: string }>('hostile: a full disk');
full.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { message: 'first' });
  addSessions(ctx.w, [{ id: SID.a, cwd: ctx.repo, started_at: new Date(Date.now() - 60_000).toISOString() }]);
});
full.after.each((ctx) => ctx.w.cleanup());

full('link: one Error: line, exit 1, no notes ref', ({ w, repo }) => {
  const r = loreNoRoom(w, repo, ['link', 'c9731a91']);
  assertUserError(r, /the file is larger than this process may write; nothing was changed/);
  assert.is(gitNote(w, repo), null);
  assert.is(spawnSync('git', ['rev-parse', '-q', '--verify', 'refs/notes/lore'], { cwd: repo, env: w.env }).status, 1);
});

full('session start and touch: one Error: line, exit 1, the index as it was', ({ w, repo }) => {
  const index = join(w.loreHome, 'sessions.jsonl');
  const before = readFileSync(index, 'utf8');
  assertUserError(loreNoRoom(w, repo, ['session', 'start']), /cannot write the session index/);
  assertUserError(loreNoRoom(w, repo, ['session', 'touch', 'c9731a91', 'a.ts']), /cannot write the session index/);
  assert.is(readFileSync(index, 'utf8'), before);
});

full('hooks install: one Error: line, exit 1, the existing hook and its mode untouched, no agent settings', ({ w, repo }) => {
  const hook = join(repo, '.git', 'hooks', 'post-commit');
  writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o700 });
  const r = loreNoRoom(w, repo, ['hooks', 'install', '--agent', 'claude-code']);
  assertUserError(r, /^Error: cannot write .*post-commit: the file is larger than this process may write; nothing was changed$/);
  assert.is(readFileSync(hook, 'utf8'), '#!/bin/sh\necho mine\n');
  assert.equal(readdirSync(join(repo, '.git', 'hooks')).filter((f) => !f.endsWith('.sample')), ['post-commit']);
  assert.is(spawnSync('test', ['-e', join(repo, '.claude', 'settings.json')]).status, 1);
});

full.run();

const newline = suite<{ w: World; repo: string; head: string }>('hostile: a repository path with a newline in it');
newline.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'my\nrepo');
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'first' });
  addSessions(ctx.w, [{ id: SID.a, cwd: ctx.repo, started_at: new Date(Date.now() - 60_000).toISOString() }]);
});
newline.after.each((ctx) => ctx.w.cleanup());

newline('every command works', ({ w, repo, head }) => {
  for (const args of [['link', 'c9731a91'], ['show', 'c9731a91'], ['show', '--commit', 'HEAD'], ['blame', 'a.txt'], ['sessions'], ['unlink', 'c9731a91', '--dry-run'], ['link', '--current', '--dry-run'], ['hooks', 'status']]) {
    const r = lore(w, repo, args);
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.not.match(r.stderr, /internal error/);
  }
  assert.equal(noteRecords(w, repo, head).map((x) => x.session), [SID.a]);
  assert.match(lore(w, repo, ['blame', 'a.txt']).stdout, /c9731a91/);
});

newline('the hooks install in its .git and the post-commit hook links', ({ w, repo }) => {
  const r = lore(w, repo, ['hooks', 'install']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(readdirSync(join(repo, '.git', 'hooks')).includes('post-commit'), r.stdout);
  // git waits for the hook's background link: it holds git's stderr until it ends.
  const sha = commit(w, repo, { message: 'second' });
  assert.equal(noteRecords(w, repo, sha).map((x) => [x.session, x.method]), [[SID.a, 'current']]);
  assert.is(git(w, repo, ['config', 'notes.rewriteRef']), 'refs/notes/lor[e]');
});

newline.run();

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const faults = suite<{ w: World; repo: string; head: string }>('notes ref faults');
faults.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.head = commit(ctx.w, ctx.repo, { date: '2026-01-13T10:00:00Z', files: { 'a.txt': 'one\n' } });
  addSessions(ctx.w, [
    { id: SID.a, cwd: ctx.repo, started_at: '2026-01-13T09:00:00Z' },
    { id: SID.b, cwd: ctx.repo, started_at: '2026-01-13T09:10:00Z' },
  ]);
});
faults.after.each((ctx) => ctx.w.cleanup());

function oneErrorLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.match(lines[0], /^Error: /, stderr);
  assert.ok(lines.length <= 2, `at most an error and a hint: ${stderr}`);
  assert.not.match(stderr, /\n\s+at |internal error/);
  return lines[0];
}

faults('a lock file left by a crashed git: one error naming it, nothing written', ({ w, repo, head }) => {
  assert.is(lore(w, repo, ['link', SID.a.slice(0, 8)]).code, 0);
  const before = git(w, repo, ['rev-parse', 'refs/notes/lore']);
  const lock = join(repo, '.git/refs/notes/lore.lock');
  writeFileSync(lock, `${before}\n`);
  const r = lore(w, repo, ['link', SID.b.slice(0, 8)]);
  assert.is(r.code, 1);
  assert.match(oneErrorLine(r.stderr), `is locked by ${lock}`);
  assert.match(r.stderr, /If no git process is running/);
  assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), before, 'the ref did not move');
  assert.equal(noteRecords(w, repo, head).map((n) => n.session), [SID.a]);
});

faults('a lock file before the first link: the notes ref is not created', ({ w, repo }) => {
  const lock = join(repo, '.git/refs/notes/lore.lock');
  mkdirSync(dirname(lock), { recursive: true });
  writeFileSync(lock, '');
  const r = lore(w, repo, ['link', SID.a.slice(0, 8)]);
  assert.is(r.code, 1);
  assert.match(oneErrorLine(r.stderr), `is locked by ${lock}`);
  assert.is(git(w, repo, ['for-each-ref', 'refs/notes']), '');
});

faults('scratch refs of a killed lore are removed by the next write; a running one keeps its own', ({ w, repo, head }) => {
  const alive = spawn('sleep', ['30']);
  try {
    const recent = `refs/lore-scratch/${alive.pid}-${Date.now()}-0`;
    // 99999999 is above any pid_max: no such process runs.
    const gone = [`99999999-${Date.now()}-0`, 'sync-99999999-3', `${alive.pid}-${Date.parse('2026-01-01T00:00:00Z')}-0`];
    for (const name of gone) git(w, repo, ['update-ref', `refs/lore-scratch/${name}`, head]);
    git(w, repo, ['update-ref', recent, head]);
    git(w, repo, ['pack-refs', '--all']);
    git(w, repo, ['update-ref', `refs/lore-scratch/88888888-${Date.now()}-1`, head]);
    assert.is(lore(w, repo, ['link', SID.a.slice(0, 8)]).code, 0);
    assert.is(git(w, repo, ['for-each-ref', '--format=%(refname)', 'refs/lore-scratch']), recent, 'only the running lore\'s recent ref is left');
  } finally {
    alive.kill();
  }
});

faults('refs/notes/lore pointing at a blob or a tree is reported as corrupt by link, show and blame', ({ w, repo }) => {
  assert.is(lore(w, repo, ['link', SID.a.slice(0, 8)]).code, 0);
  const targets = [
    ['blob', git(w, repo, ['rev-parse', 'HEAD:a.txt'])],
    ['tree', git(w, repo, ['rev-parse', 'refs/notes/lore^{tree}'])],
  ];
  for (const [kind, target] of targets) {
    git(w, repo, ['update-ref', 'refs/notes/lore', target]);
    for (const args of [['link', SID.b.slice(0, 8)], ['show', SID.a.slice(0, 8)], ['show', '--commit', 'HEAD'], ['blame', 'a.txt'], ['unlink', SID.a.slice(0, 8), '--yes']]) {
      const r = lore(w, repo, args);
      assert.is(r.code, 1, `${kind}: lore ${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.is(oneErrorLine(r.stderr), `Error: refs/notes/lore is corrupt: it points at a ${kind}, not a notes commit`, `lore ${args.join(' ')}`);
      assert.not.match(r.stdout, /No sessions linked/);
    }
    assert.is(git(w, repo, ['rev-parse', 'refs/notes/lore']), target, 'nothing was written');
  }
});

faults("400 notes in git's fan-out layout: a link and an unlink change only their commit's note", ({ w, repo }) => {
  // 400 commits, all but the last with a note, in one fast-import: git fans such a tree out.
  const parts: string[] = [];
  for (let i = 1; i <= 400; i++) {
    parts.push(`commit refs/heads/main\nmark :${i}\ncommitter A <me@example.com> ${1768298400 + i * 60} +0000\ndata 2\nc\n${i === 1 ? 'from refs/heads/main^0\n' : ''}M 644 inline f.txt\ndata 4\n${String(i).padStart(3, '0')}\n\n`);
  }
  parts.push(`commit refs/notes/lore\ncommitter A <me@example.com> 1768400000 +0000\ndata 6\nnotes\n`);
  for (let i = 1; i < 400; i++) parts.push(`N inline :${i}\ndata 8\n{"v":1}\n`);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, env: w.env, input: parts.join('') + '\n' });
  git(w, repo, ['reset', '-q', '--hard', 'main']);
  assert.match(git(w, repo, ['ls-tree', 'refs/notes/lore']), /^040000 tree /m, 'the notes tree is fanned out');
  const [tip, other] = git(w, repo, ['rev-list', '-2', 'main']).split('\n');
  assert.is(lore(w, repo, ['link', SID.a.slice(0, 8)]).code, 0);
  assert.equal(noteRecords(w, repo, tip).map((r) => r.session), [SID.a]);
  assert.is(gitNote(w, repo, other), '{"v":1}\n');
  assert.is(git(w, repo, ['notes', '--ref=lore', 'list']).split('\n').length, 400);
  assert.is(git(w, repo, ['rev-list', '--count', 'refs/notes/lore']), '2', 'one notes commit for the link');
  assert.is(lore(w, repo, ['unlink', SID.a.slice(0, 8), '--yes']).code, 0);
  assert.is(gitNote(w, repo, tip), null);
  assert.is(gitNote(w, repo, other), '{"v":1}\n');
  assert.is(git(w, repo, ['notes', '--ref=lore', 'list']).split('\n').length, 399);
});

faults.run();

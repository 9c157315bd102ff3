import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LORE_BIN, lore, loreAsync, makeWorld, type Run, type World } from './helpers/env.js';

/** Issue 20, defect 1 and the index's faults: appends keep the line boundary; faults are user errors. */
const s = suite<{ w: World; index: string }>('hostile: the session index');

s.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.index = join(ctx.w.loreHome, 'sessions.jsonl');
  mkdirSync(ctx.w.loreHome, { recursive: true });
});
s.after.each((ctx) => ctx.w.cleanup());

function ids(w: World): string[] {
  const r = lore(w, w.dir, ['sessions', '--json']);
  assert.is(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).map((x: { id: string }) => x.id).sort();
}

/** One `Error:` line (and at most a hint), exit 1, no stack. */
function assertUserError(r: Run, says: RegExp) {
  assert.is(r.code, 1, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0], /^Error: /);
  assert.match(lines[0], says);
  assert.ok(lines.length <= 2 && (lines.length === 1 || lines[1].startsWith('hint: ')), r.stderr);
  assert.not.match(r.stderr, /internal error|    at /);
}

/** Runs lore under `sh -c` with a file-size limit of `blocks` 512-byte blocks (SIGXFSZ → EFBIG: node ignores the signal). */
function loreLimited(w: World, blocks: number, args: string[]): Run {
  const quoted = [process.execPath, LORE_BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `ulimit -f ${blocks} && exec ${quoted}`], { cwd: w.dir, env: w.env, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

s('the issue: an index without a final newline keeps both sessions (printf …; session start; sessions)', ({ w, index }) => {
  writeFileSync(index, '{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z"}');
  const start = lore(w, w.dir, ['session', 'start', '--id', 'bbbbbbbb']);
  assert.is(start.code, 0, start.stderr);
  const list = lore(w, w.dir, ['sessions']);
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /^bbbbbbbb /m);
  assert.match(list.stdout, /^aaaaaaaa  2026-01-01 00:00 /m);
  assert.is(readFileSync(index, 'utf8').split('\n')[0], '{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z"}');
});

s('a line torn mid-record stays in the file, is reported, and the next append starts on a line of its own', ({ w, index }) => {
  writeFileSync(index, '{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z"}\n{"id":"cccccccc","star');
  assert.is(lore(w, w.dir, ['session', 'start', '--id', 'bbbbbbbb']).code, 0);
  const list = lore(w, w.dir, ['sessions']);
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /^bbbbbbbb /m);
  assert.match(list.stdout, /^aaaaaaaa /m);
  assert.match(list.stderr, /^Warning: .*sessions\.jsonl:2: skipped a malformed session line/m);
  assert.is(readFileSync(index, 'utf8').split('\n')[1], '{"id":"cccccccc","star');
});

s('a full disk (file-size limit): one Error: line, exit 1, the index unchanged', ({ w, index }) => {
  const before = `{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z","title":"${'x'.repeat(400)}"}\n`;
  writeFileSync(index, before);
  // 1 block = 512 bytes: the new line fits only in part; the part must not stay behind.
  for (const args of [['session', 'start', '--id', 'bbbbbbbb', '--tool', 'y'.repeat(100)], ['session', 'touch', 'aaaaaaaa', 'a.ts', 'b.ts'], ['session', 'end', 'aaaaaaaa']]) {
    const r = loreLimited(w, 1, args);
    assertUserError(r, /cannot write the session index .*sessions\.jsonl: the file is larger than this process may write/);
    assert.is(readFileSync(index, 'utf8'), before, args.join(' '));
  }
  assert.equal(ids(w), ['aaaaaaaa']);
});

s('concurrent appenders onto a torn index lose nothing', async ({ w, index }) => {
  writeFileSync(index, '{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z"}');
  const want = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}bbbbbb`);
  const runs = await Promise.all(want.map((id) => loreAsync(w, w.dir, ['session', 'start', '--id', id])));
  for (const r of runs) assert.is(r.code, 0, r.stderr);
  assert.equal(ids(w), [...want, 'aaaaaaaa'].sort());
});

s('an index that is a directory, or LORE_HOME that is a file: one Error: line, exit 1, nothing changed', ({ w, index }) => {
  mkdirSync(index);
  for (const args of [['sessions'], ['session', 'start', '--id', 'bbbbbbbb']]) {
    assertUserError(lore(w, w.dir, args), /session index .*sessions\.jsonl: it is a directory/);
  }
  const file = join(w.dir, 'not-a-dir');
  writeFileSync(file, 'x');
  const env = { LORE_HOME: file };
  assertUserError(lore(w, w.dir, ['sessions'], { env }), /not-a-dir is not a directory/);
  assertUserError(lore(w, w.dir, ['session', 'start', '--id', 'bbbbbbbb'], { env }), /not-a-dir is not a directory/);
  assert.is(readFileSync(file, 'utf8'), 'x');
  assert.ok(statSync(index).isDirectory());
});

s('a read-only index: one Error: line, exit 1, nothing changed', ({ w, index }) => {
  writeFileSync(index, '{"id":"aaaaaaaa","started_at":"2026-01-01T00:00:00Z"}\n');
  chmodSync(index, 0o444);
  // root writes through file modes; an immutable file is what stops it (chattr needs a file system that has it).
  const root = process.getuid?.() === 0;
  const sealed = root && spawnSync('chattr', ['+i', index]).status === 0;
  try {
    if (root && !sealed) {
      console.warn('hostile-index: cannot make a read-only file for root here (no chattr +i); read-only case not run');
      return;
    }
    assertUserError(lore(w, w.dir, ['session', 'start', '--id', 'bbbbbbbb']), /cannot write the session index .*: (permission denied|the file system is read-only)/);
    assert.equal(ids(w), ['aaaaaaaa']);
  } finally {
    if (sealed) spawnSync('chattr', ['-i', index]);
  }
});

s.run();

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BadLine, foldLine, parseIndexLine } from '../lib/sessions/index-line.js';
import { readIndex, type Keep } from '../lib/sessions/index-file.js';
import { segmentPath } from '../lib/sessions/index-segment.js';
import type { Session } from '../lib/sessions/session.js';
import { LORE_BIN, lore, makeWorld, type World } from './helpers/env.js';
import { generatedId, writeIndex } from './helpers/index-generator.js';

/**
 * The folded segment beside the index must never change what a read gives: every
 * result is compared with the plain fold of every line of sessions.jsonl, as CONTRACT §1
 * defines it, warnings included.
 */
const fold = suite<{ w: World; index: string }>('the session index, folded');
fold.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.index = join(ctx.w.loreHome, 'sessions.jsonl');
});
fold.after.each((ctx) => ctx.w.cleanup());

const T0 = Date.parse('2025-01-06T09:00:00Z');

/** The contract's fold of the whole file, line by line, then `keep`: what every read must equal. */
function unfolded(path: string, keep?: Keep) {
  const sessions = new Map<string, Session>();
  const warnings: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, k) => {
      if (text.trim() === '') return;
      try {
        const line = parseIndexLine(text.trim());
        sessions.set(line.id, foldLine(sessions.get(line.id), line));
      } catch (e) {
        if (!(e instanceof BadLine)) throw e;
        warnings.push(`Warning: ${path}:${k + 1}: skipped a malformed session line (${e.message})`);
      }
    });
  return { sessions: [...sessions].filter(([id, s]) => !keep || keep(id, s)), warnings };
}

function read(path: string, keep?: Keep) {
  const warnings: string[] = [];
  const { sessions } = readIndex(path, (w) => warnings.push(w), keep);
  return { sessions: [...sessions], warnings };
}

function sameAsUnfolded(path: string, why: string, keep?: Keep): void {
  const want = unfolded(path, keep);
  const got = read(path, keep);
  assert.is(got.sessions.length, want.sessions.length, why);
  assert.equal(got, want, why);
}

fold('a folded read equals the unfolded one: segment alone, segment and tail, refolded, filtered', ({ index, w }) => {
  writeIndex(index, { sessions: 300, edits: 40, seed: 7, cwd: w.dir, from: T0, malformedEvery: 997, active: 3 });
  assert.ok(statSync(index).size > 256 * 1024, 'big enough to fold');
  assert.not.ok(existsSync(segmentPath(index)), 'the old layout: no segment yet');
  sameAsUnfolded(index, 'first read of the old layout');
  assert.ok(existsSync(segmentPath(index)), 'the first read folded the index');
  sameAsUnfolded(index, 'from the segment alone');

  writeIndex(index, { sessions: 5, edits: 30, seed: 8, cwd: w.dir, from: T0 + 400 * 3_600_000, active: 2 });
  appendFileSync(index, `${JSON.stringify({ id: generatedId(7, 299), files: ['late.ts'], ended_at: '2025-03-01T10:00:00Z' })}\nnot json\n`);
  sameAsUnfolded(index, 'segment and the lines appended since');
  const one = generatedId(7, 42);
  sameAsUnfolded(index, 'one session', (id) => id === one);
  assert.is(read(index, (id) => id === one).sessions.length, 1);

  writeIndex(index, { sessions: 200, edits: 40, seed: 9, cwd: w.dir, from: T0 + 500 * 3_600_000, malformedEvery: 501 });
  const before = readFileSync(segmentPath(index), 'utf8');
  sameAsUnfolded(index, 'refolding');
  assert.is.not(readFileSync(segmentPath(index), 'utf8'), before, 'the segment was rewritten with the new lines');
  sameAsUnfolded(index, 'after refolding');
  sameAsUnfolded(index, 'prefix filter after refolding', (id) => id.startsWith(generatedId(9, 1).slice(0, 6)));
});

fold('the index itself is never rewritten; malformed lines stay and are reported at their line', ({ index, w }) => {
  writeIndex(index, { sessions: 100, edits: 60, seed: 3, cwd: w.dir, from: T0, malformedEvery: 400 });
  const bytes = readFileSync(index);
  const first = read(index);
  assert.ok(existsSync(segmentPath(index)));
  assert.ok(first.warnings.length > 10);
  assert.match(first.warnings[0], `Warning: ${index}:401: skipped a malformed session line (not valid JSON)`);
  const second = read(index);
  assert.equal(second.warnings, first.warnings, 'the same warnings, from the segment');
  assert.ok(readFileSync(index).equals(bytes), 'sessions.jsonl is byte for byte what was appended');

  const r = lore(w, w.dir, ['sessions', '--limit', '1']);
  assert.is(r.code, 0);
  assert.is(r.stderr.split('\n').filter((l) => l.startsWith('Warning:')).length, first.warnings.length, 'lore reports each one');
});

fold('an index replaced, truncated or rewritten since it was folded is read whole again', ({ index, w }) => {
  writeIndex(index, { sessions: 100, edits: 60, seed: 4, cwd: w.dir, from: T0 });
  read(index);
  assert.ok(existsSync(segmentPath(index)));
  // Rewritten in place (same file, same size, other sessions): the fingerprint differs.
  const text = readFileSync(index, 'utf8');
  writeFileSync(index, text.replace(/"cwd":"[^"]*"/g, (m) => m.replace(w.dir, w.dir.replace(/./g, 'x').slice(0, w.dir.length))));
  sameAsUnfolded(index, 'rewritten in place');
  // Replaced by another file (another tool's compaction: temp file and rename).
  writeIndex(`${index}.new`, { sessions: 20, edits: 5, seed: 5, cwd: w.dir, from: T0 });
  renameSync(`${index}.new`, index);
  sameAsUnfolded(index, 'replaced');
  writeFileSync(index, '');
  sameAsUnfolded(index, 'truncated');
  writeIndex(index, { sessions: 100, edits: 60, seed: 6, cwd: w.dir, from: T0 });
  read(index);
  const [header, , ...rest] = readFileSync(segmentPath(index), 'utf8').split('\n');
  writeFileSync(segmentPath(index), [header, '{"id":"x", garbage', ...rest].join('\n'));
  sameAsUnfolded(index, 'a damaged segment');
});

fold('a filter on start and end judges each session on all of its lines, those after the fold too', ({ index, w }) => {
  writeIndex(index, { sessions: 300, edits: 40, seed: 12, cwd: w.dir, from: T0, active: 2 });
  read(index);
  assert.ok(existsSync(segmentPath(index)));
  const active: Keep = (_, s) => s.endedAt === null;
  sameAsUnfolded(index, 'the active ones, from the segment', active);
  assert.is(read(index, active).sessions.length, 2);
  // A resume after the fold makes an ended session of the segment active again; a late
  // end, an active one ended.
  appendFileSync(index, [{ id: generatedId(12, 5), ended_at: null }, { id: generatedId(12, 299), ended_at: '2025-03-01T10:00:00Z' }].map((l) => JSON.stringify(l) + '\n').join(''));
  sameAsUnfolded(index, 'after a resume and an end', active);
  assert.equal(read(index, active).sessions.map(([id]) => id), [generatedId(12, 5), generatedId(12, 298)]);
  const late: Keep = (_, s) => (s.startedAt ?? 0) >= T0 + 250 * 3_600_000;
  sameAsUnfolded(index, 'by start', late);
});

fold('lore sessions --limit lists what the whole list starts with, ties included', ({ index, w }) => {
  writeIndex(index, { sessions: 200, edits: 40, seed: 13, cwd: w.dir, from: T0 });
  // Three sessions starting at the same second as the 4th newest: the index's order breaks the tie.
  const tie = new Date(T0 + 196 * 3_600_000).toISOString();
  appendFileSync(index, ['tie-1', 'tie-2', 'tie-3'].map((id) => JSON.stringify({ id, cwd: w.dir, started_at: tie }) + '\n').join(''));
  // Columns are as wide as the rows shown need: compare the rows' words, not their padding.
  const words = (text: string) => text.replace(/ +/g, ' ');
  const all = words(lore(w, w.dir, ['sessions']).stdout).split('\n');
  for (const n of [0, 1, 4, 5, 6, 20]) {
    const r = lore(w, w.dir, ['sessions', '--limit', String(n)]);
    assert.is(r.code, 0, r.stderr);
    assert.is(words(r.stdout), n === 0 ? `203 session(s) in ${index}; --limit 0 shows none\n` : all.slice(0, n + 1).join('\n') + '\n', `--limit ${n}`);
  }
  const json = JSON.parse(lore(w, w.dir, ['sessions', '--json', '--limit', '6']).stdout) as { id: string }[];
  assert.equal(json.map((s) => s.id).slice(3), [generatedId(13, 196), 'tie-1', 'tie-2']);
});

/** A node process that appends `lines` fat lines for its own session, one write each, as agent hooks do. */
function appender(index: string, n: number, lines: number): Promise<number | null> {
  const script = `
    const { appendFileSync } = require('node:fs');
    const files = Array.from({ length: 60 }, (_, i) => 'src/some/rather/long/directory/name/file-' + i + '.ts');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let k = 0; k < ${lines}; k++) {
      Atomics.wait(pause, 0, 0, 2); // paced, so that folds happen while it writes
      appendFileSync(${JSON.stringify(index)}, JSON.stringify({ id: 'writer-${n}', files: [...files, 'w${n}-' + k + '.ts'] }) + '\\n', { flag: 'a' });
    }`;
  return new Promise((done) => spawn(process.execPath, ['-e', script], { stdio: 'ignore' }).on('close', done));
}

/** Another lore process reading (and folding) the index again and again. */
function reader(w: World, rounds: number): Promise<number | null> {
  const script = `for i in $(seq ${rounds}); do "${process.execPath}" "${LORE_BIN}" sessions --limit 1 >/dev/null || exit 1; done`;
  return new Promise((done) => spawn('bash', ['-c', script], { env: w.env, stdio: 'ignore' }).on('close', done));
}

fold('appends racing with folding are never lost', async ({ index, w }) => {
  const WRITERS = 4;
  const LINES = 600; // ~2.6 KB each: 6 MB in all, folded every 128 KB
  mkdirSync(w.loreHome, { recursive: true });
  appendFileSync(index, JSON.stringify({ id: 'seed', cwd: w.dir, started_at: '2025-01-06T09:00:00Z' }) + '\n');
  let running = true;
  const procs = Promise.all([
    ...Array.from({ length: WRITERS }, (_, n) => appender(index, n, LINES)),
    reader(w, 6),
    reader(w, 6),
  ]);
  procs.then(() => (running = false));
  const folds = new Set<number>();
  while (running) {
    read(index);
    if (existsSync(segmentPath(index))) folds.add(JSON.parse(readFileSync(segmentPath(index), 'utf8').split('\n')[0]).log_bytes);
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.equal(await procs, Array(WRITERS + 2).fill(0), 'every writer and reader succeeded');
  assert.ok(folds.size >= 2, `folded ${folds.size} times while they ran`);
  const got = read(index);
  assert.equal(got.warnings, [], 'no line was torn');
  const byId = new Map(got.sessions);
  for (let n = 0; n < WRITERS; n++) {
    const files = new Set(byId.get(`writer-${n}`)?.files ?? []);
    const missing = Array.from({ length: LINES }, (_, k) => `w${n}-${k}.ts`).filter((f) => !files.has(f));
    assert.equal(missing, [], `writer ${n} lost nothing`);
  }
  sameAsUnfolded(index, 'after the race');
  assert.ok(existsSync(segmentPath(index)));
  assert.not.ok(existsSync(`${segmentPath(index)}.lock`), 'no lock left behind');
});

fold('lore sessions answers the same from the old layout and from the folded one', ({ index, w }) => {
  writeIndex(index, { sessions: 150, edits: 50, seed: 11, cwd: w.dir, from: T0, active: 2 });
  const old = lore(w, w.dir, ['sessions', '--json']);
  assert.is(old.code, 0, old.stderr);
  assert.ok(existsSync(segmentPath(index)), 'the first command folded it');
  const now = lore(w, w.dir, ['sessions', '--json']);
  assert.is(now.stdout, old.stdout);
  assert.is(JSON.parse(now.stdout).length, 150);
});

fold.run();

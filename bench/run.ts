/**
 * npm run bench [-- --quick] [-- --json FILE]: lore's workloads beside git's own
 * baselines, measured in the same run on data built here. Prints a table of medians,
 * ranges, peak memory and ratios, and writes the same as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addSessions, gitEnv, makeRepo } from './data.js';
import { measure, measureShell, type Measurement } from './harness.js';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LORE = [process.execPath, join(PROJECT, 'bin/lore.js')];

interface Row {
  workload: string;
  lore: Measurement;
  baseline?: { name: string; m: Measurement; scale?: number };
  target: string;
  met: boolean;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : join(PROJECT, '.bench-out', quick ? 'quick.json' : 'full.json');
const size = quick
  ? { commits: 2_000, small: 300, sessions: 200, loopSessions: 50, runs: 3 }
  : { commits: 20_000, small: 2_000, sessions: 2_000, loopSessions: 200, runs: 5 };

const root = realpathSync(mkdtempSync(join(tmpdir(), 'lore-bench-')));
const rows: Row[] = [];
try {
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[gc]\n\tauto = 0\n');
  const env = gitEnv(home);
  const index = join(home, '.lore', 'sessions.jsonl');
  console.error(`building data in ${root} (${quick ? 'quick' : 'full'} size)…`);

  const big = makeRepo(join(root, 'big'), env, size.commits, 5, 1, 50);
  const b = makeRepo(join(root, 'b'), env, size.small, 2, 2);
  const c = makeRepo(join(root, 'c'), env, size.small, 2, 3);
  const bigSessions = addSessions(index, big, Math.round(size.sessions * 0.7), 11, 1);
  addSessions(index, b, Math.round(size.sessions * 0.15), 12, 2);
  addSessions(index, c, size.sessions - Math.round(size.sessions * 0.7) - Math.round(size.sessions * 0.15), 13, 3);
  const opts = { cwd: big.dir, env, runs: size.runs };
  const dropNotes = () => execFileSync('git', ['update-ref', '-d', 'refs/notes/lore'], { cwd: big.dir, env });

  // lore link <id> against git notes add.
  const linkM = measure([...LORE, 'link', bigSessions[0].id.slice(0, 8)], { ...opts, reset: dropNotes });
  const notesAdd = measure(['git', 'notes', '--ref=lore', 'add', '-f', '-m', '{"v":1}', 'HEAD'], { ...opts, reset: dropNotes });
  rows.push({ workload: 'lore link <id>', lore: linkM, baseline: { name: 'git notes add', m: notesAdd }, target: '< 250 ms', met: linkM.medianMs < 250 });

  // Backfill against the per-session rev-list loop (timed on a sample, scaled) and one walk.
  const sample = bigSessions.slice(0, size.loopSessions);
  const loop = sample.map((s) => `git rev-list --branches HEAD --since=${s.startedAt} --until=${s.endedAt} >/dev/null`).join('\n');
  const loopM = measureShell(loop, { ...opts, runs: 1 });
  const scale = size.sessions / sample.length;
  const walkM = measure(['git', 'log', '--all', '--format=%H%x00%ct%x00%ae'], opts);
  const backfillM = measure([...LORE, 'link', '--auto', '--backfill', '--dry-run'], opts);
  const loopScaled = loopM.medianMs * scale;
  rows.push({
    workload: `backfill --dry-run (${size.commits} commits, ${size.sessions} sessions, 3 repos)`,
    lore: backfillM,
    baseline: { name: `rev-list loop x${sample.length}, scaled x${scale}`, m: loopM, scale },
    target: '< 2 s; >= 30x loop; <= 10x walk',
    met: backfillM.medianMs < 2000 && loopScaled / backfillM.medianMs >= 30 && backfillM.medianMs / walkM.medianMs <= 10,
  });
  rows.push({ workload: '  (single git log --all walk)', lore: walkM, target: 'baseline', met: true });

  // --auto on the 50-file commit at the tip of main (the last commit is on main when commits % 5 == 0).
  const autoM = measure([...LORE, 'link', '--auto', '--dry-run', '--commit', 'main'], opts);
  rows.push({ workload: `link --auto, 50-file commit, ${size.sessions} sessions`, lore: autoM, target: '< 400 ms', met: autoM.medianMs < 400 });
} finally {
  rmSync(root, { recursive: true, force: true });
}

const fmt = (m: Measurement) => `${m.medianMs.toFixed(0)} ms (${m.minMs.toFixed(0)}-${m.maxMs.toFixed(0)}), ${m.peakRssMiB.toFixed(0)} MiB`;
console.log(`lore bench (${quick ? 'quick' : 'full'}): medians of ${size.runs} runs after a warm-up`);
for (const r of rows) {
  const base = r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.m)}; ratio ${(r.lore.medianMs / (r.baseline.m.medianMs * (r.baseline.scale ?? 1))).toFixed(2)}x` : '';
  console.log(`${r.met ? 'ok  ' : 'MISS'} ${r.workload}\n       lore: ${fmt(r.lore)}  target ${r.target}${base ? `\n       ${base}` : ''}`);
}
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ quick, size, rows }, null, 2) + '\n');
console.log(`json: ${jsonOut}`);

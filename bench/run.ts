/**
 * npm run bench [-- --quick | --smoke] [-- --only NAME] [-- --json FILE]: every lore workload beside its
 * git baseline, measured in the same run on data built here in a temp dir (removed at the
 * end, also on failure). Prints one table of medians, ranges, peak memory and ratios, and
 * writes the same as JSON (default .bench-out/<mode>.json). --smoke is the smallest size,
 * for the test that checks the bench still runs; its numbers mean nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { backfillApplyWorkloads } from './backfill-apply.js';
import { PROJECT, stopRunning, type BenchOptions, type Measurement, type Row, type Size } from './harness.js';
import { historyWorkloads } from './history.js';
import { hookWorkloads } from './hook-commit.js';
import { importWorkloads } from './import.js';
import { indexWorkloads } from './index-year.js';
import { linkWorkloads } from './link.js';
import { showWorkloads } from './show-notes.js';
import { syncWorkloads } from './sync.js';

const SIZES: Record<BenchOptions['mode'], Size> = {
  full: { commits: 20_000, realCommits: 82_000, realSessions: 740, small: 2_000, sessions: 2_000, loopSessions: 200, notes: 10_000, links: 1_000, yearSessions: 3_000, yearEdits: 300, runs: 5, commitRuns: 11, warmUp: true },
  quick: { commits: 2_000, realCommits: 10_000, realSessions: 100, small: 300, sessions: 200, loopSessions: 50, notes: 1_000, links: 100, yearSessions: 300, yearEdits: 300, runs: 3, commitRuns: 5, warmUp: true },
  smoke: { commits: 50, realCommits: 300, realSessions: 10, small: 20, sessions: 10, loopSessions: 5, notes: 50, links: 10, yearSessions: 20, yearEdits: 10, runs: 1, commitRuns: 1, warmUp: false },
};
const WORKLOADS: [string, (o: BenchOptions) => Promise<Row[]>][] = [
  ['git commit with the hook', hookWorkloads],
  ['lore link', linkWorkloads],
  ['a year-old session index', indexWorkloads],
  ['backfill apply', backfillApplyWorkloads],
  ["git/git's shape", historyWorkloads],
  ['lore show', showWorkloads],
  ['lore sync', syncWorkloads],
  ['lore import', importWorkloads],
];
const MAX_RSS_MIB = 200;

const args = process.argv.slice(2);
const mode: BenchOptions['mode'] = args.includes('--smoke') ? 'smoke' : args.includes('--quick') ? 'quick' : 'full';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : join(PROJECT, '.bench-out', `${mode}.json`);
const size = SIZES[mode];
const load = () => loadavg().map((x) => Number(x.toFixed(2)));

const root = realpathSync(mkdtempSync(join(tmpdir(), 'lore-bench-')));
const cleanup = () => rmSync(root, { recursive: true, force: true });
// Measurements are async, so a signal is handled at once, at the latest after the data
// building command that runs (fast-import) returns.
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(sig, () => {
    stopRunning();
    cleanup();
    process.exit(code);
  });
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const chosen = WORKLOADS.filter(([n]) => !only || n.includes(only));
if (chosen.length === 0) {
  process.stderr.write(`Error: no workload's name contains "${only}"; the names: ${WORKLOADS.map(([n]) => n).join(', ')}\n`);
  cleanup();
  process.exit(2);
}

const started = Date.now();
const loadBefore = load();
const rows: Row[] = [];
try {
  const o: BenchOptions = { mode, quick: mode !== 'full', runs: size.runs, root, size };
  for (const [name, workload] of chosen) {
    const t = Date.now();
    process.stderr.write(`${name}… `);
    rows.push(...(await workload(o)));
    process.stderr.write(`${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  }
} finally {
  cleanup();
}

const measured = rows.filter((r) => r.met !== null);
const peak = measured.reduce((a, r) => (r.lore.peakRssMiB > a.lore.peakRssMiB ? r : a));
rows.push({
  id: 'peak-memory',
  workload: 'peak memory, any workload above',
  lore: { ...peak.lore },
  note: `largest: ${peak.id}`,
  target: `< ${MAX_RSS_MIB} MiB`,
  met: peak.lore.peakRssMiB < MAX_RSS_MIB,
});

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const range = (m: Measurement) => `${ms(m.medianMs)} (${ms(m.minMs)}–${ms(m.maxMs)})`;
const header = ['', 'workload', 'lore median (min–max)', 'peak RSS', 'baseline', 'baseline median (min–max)', 'ratio', 'judged on', 'target'];
const table = rows.map((r) => [
  r.met === null ? '' : r.met ? 'ok' : 'MISS',
  r.workload,
  r.id === 'peak-memory' ? '' : range(r.lore),
  `${r.lore.peakRssMiB.toFixed(0)} MiB`,
  r.baseline ? r.baseline.name : '—',
  r.baseline ? range(r.baseline.m) + (r.baseline.scale ? ` x${r.baseline.scale}` : '') : '—',
  r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}x`,
  r.note ?? '',
  r.target,
]);
const widths = header.map((h, k) => Math.max(h.length, ...table.map((t) => t[k].length)));
const line = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(widths[k])).join(' | ')} |`;
const loadAfter = load();
const git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
console.log(`lore bench (${mode}): medians of ${size.runs} runs (git commit: ${size.commitRuns}) ${size.warmUp ? 'after a warm-up' : 'without a warm-up'}, lore and baseline by turns`);
console.log(`node ${process.version}, ${git}; load average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}; took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const t of table) console.log(line(t));
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ mode, size, root, node: process.version, git, loadBefore, loadAfter, seconds: (Date.now() - started) / 1000, rows }, null, 2) + '\n');
console.log(`\njson: ${jsonOut}`);

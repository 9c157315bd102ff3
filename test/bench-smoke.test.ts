import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROJECT } from './helpers/env.js';

/** Every workload of the table; the bench must report each one. */
const WORKLOADS = [
  'commit-no-session',
  'commit-1-session',
  'link-id',
  'backfill-vs-loop',
  'backfill-vs-walk',
  'auto-50-files',
  'hook-year-index',
  'sessions-year-index',
  'show-year-index',
  'backfill-apply',
  'history-backfill',
  'history-auto',
  'history-auto-graph',
  'show-notes',
  'sync',
  'sync-carry',
  'import-all-tools',
  'peak-memory',
];

interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMiB: number;
}

interface Row {
  id: string;
  workload: string;
  lore: Measurement;
  baseline?: { m: Measurement };
  met: boolean | null;
}

const KEYS = ['medianMs', 'minMs', 'maxMs', 'peakRssMiB'] as const;
const isNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

// Only that the bench runs end to end and reports: its smoke size says nothing about speed.
test('npm run bench -- --smoke: a row with numbers for every workload, no temp dir left', () => {
  const out = mkdtempSync(join(tmpdir(), 'lore-smoke-out-'));
  try {
    const json = join(out, 'smoke.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--json', json], { cwd: PROJECT, encoding: 'utf8', timeout: 120_000 });
    assert.is(r.status, 0, r.stderr);
    assert.ok(existsSync(json), 'the JSON file is written');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { mode: string; root: string; rows: Row[] };
    assert.is(report.mode, 'smoke');
    assert.equal(report.rows.map((row) => row.id).filter((id) => WORKLOADS.includes(id)), WORKLOADS);
    for (const row of report.rows) {
      for (const k of KEYS) assert.ok(isNumber(row.lore[k]), `${row.id}: lore.${k} is ${row.lore[k]}`);
      if (row.baseline) for (const k of KEYS) assert.ok(isNumber(row.baseline.m[k]), `${row.id}: baseline.${k} is ${row.baseline.m[k]}`);
    }
    for (const id of WORKLOADS.filter((w) => w !== 'auto-50-files' && w !== 'peak-memory')) {
      assert.ok(report.rows.find((row) => row.id === id)?.baseline, `${id} has its baseline`);
    }
    for (const row of report.rows) assert.ok(r.stdout.includes(row.workload), `the table shows ${row.id}`);
    assert.not.ok(existsSync(report.root), `the bench removes its temp dir ${report.root}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();

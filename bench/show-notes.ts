/**
 * Wall time of `lore show <session>` on a repository with many notes, one session
 * linked to 20 of them. Usage: node --import tsx bench/show-notes.ts [notes...]
 * (default 10000). Build first (npx tsc -p tsconfig.json): it runs bin/lore.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LORE_BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'bin/lore.js');
const SESSION = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
const LINKED = 20;
const RUNS = 5;

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** N commits and a note on each, in one fast-import stream: seconds, not minutes. */
function stream(n: number): string {
  const parts: string[] = [];
  const t0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
  for (let i = 1; i <= n; i++) {
    parts.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${t0 + i * 60} +0000\n`, data(`commit ${i}`));
  }
  parts.push(`commit refs/notes/lore\ncommitter Bench <bench@example.com> ${t0 + n * 60} +0000\n`, data('notes'));
  const every = Math.floor(n / LINKED);
  for (let i = 1; i <= n; i++) {
    const other = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const line = (id: string) => JSON.stringify({ v: 1, session: id, method: 'auto', confidence: 0.8, linked_at: '2026-01-13T10:45:00Z' });
    const lines = i % every === 0 ? [line(other), line(SESSION)].sort() : [line(other)];
    parts.push(`N inline :${i}\n`, data(lines.join('\n') + '\n'));
  }
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(n: number): void {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lore-bench-')));
  try {
    const repo = join(dir, 'repo');
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    const env = { PATH: process.env.PATH, HOME: home, LORE_HOME: join(home, '.lore'), GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC' };
    execFileSync('git', ['init', '-q', '-b', 'main', repo], { env });
    const t = Date.now();
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, env, input: stream(n), maxBuffer: 1 << 30 });
    const made = Date.now() - t;
    mkdirSync(env.LORE_HOME, { recursive: true });
    const session = { id: SESSION, tool: 'claude-code', cwd: repo, started_at: '2026-01-01T00:00:00Z', ended_at: '2026-02-01T00:00:00Z' };
    writeFileSync(join(env.LORE_HOME, 'sessions.jsonl'), JSON.stringify(session) + '\n');
    const times: number[] = [];
    let lines = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [LORE_BIN, 'show', SESSION.slice(0, 8)], { cwd: repo, env, encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0) throw new Error(`lore show failed: ${r.stderr}`);
      lines = r.stdout.split('\n').filter((l) => /^\s+[0-9a-f]{7,}\s/.test(l)).length;
    }
    const shown = times.map((x) => x.toFixed(0)).join(', ');
    // The minimum is the least disturbed by whatever else the machine is running.
    const min = Math.min(...times).toFixed(0);
    console.log(`${n} notes (made in ${made} ms): ${lines} linked commits shown; median ${median(times).toFixed(0)} ms, min ${min} ms of ${RUNS} runs [${shown}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [10_000]) bench(n);

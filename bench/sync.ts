/**
 * Wall time of `lore sync` when both sides linked all of 1,000 commits the other has
 * not seen (every note needs a record-by-record merge), against git's own
 * `git fetch` + `git notes merge -s cat_sort_uniq` + `git push` on the same data.
 * Usage: node --import tsx bench/sync.ts [commits] (default 1000). Build first
 * (npx tsc -p tsconfig.json): it runs bin/lore.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LORE_BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'bin/lore.js');
const RUNS = 3;
const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function line(session: string): string {
  return JSON.stringify({ v: 1, session, method: 'auto', confidence: 0.8, linked_at: '2026-01-13T10:45:00Z', linked_by: 'bench@example.com' }) + '\n';
}

const session = (side: number, i: number) => `${side}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function bench(n: number): void {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lore-bench-sync-')));
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.com\n[gc]\n\tauto = 0\n');
  const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC', LORE_HOME: join(home, '.lore') };
  const git = (cwd: string, args: string[], input?: string) =>
    execFileSync('git', args, { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  try {
    // n + 1 commits, and a shared notes commit (one link, on the first) as the merge base.
    const seed = join(dir, 'seed');
    git(dir, ['init', '-q', '-b', 'main', seed]);
    const commits = Array.from(
      { length: n + 1 },
      (_, i) => `commit refs/heads/main\nmark :${i + 1}\ncommitter Bench <bench@example.com> ${T0 + i * 60} +0000\n${data(`commit ${i}`)}`,
    );
    const base = `commit refs/notes/lore\ncommitter Bench <bench@example.com> ${T0} +0000\n${data('base')}N inline :1\n${data(line(session(9, 0)))}`;
    const marks = join(dir, 'marks');
    git(seed, ['fast-import', '--quiet', `--export-marks=${marks}`], commits.join('') + base);
    const byMark = readFileSync(marks, 'utf8').trim().split('\n').map((l) => l.split(' '));
    const shas = byMark.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1))).map(([, sha]) => sha).slice(1);
    const remote = join(dir, 'remote.git');
    git(dir, ['init', '-q', '--bare', '-b', 'main', remote]);
    git(seed, ['push', '-q', remote, 'main', 'refs/notes/lore']);

    // Two clones, each linking a session of its own to every commit on top of the base.
    const side = (k: number) => {
      const clone = join(dir, `side${k}`);
      git(dir, ['clone', '-q', remote, clone]);
      git(clone, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore']);
      const notes = shas.map((sha, i) => `N inline ${sha}\n${data(line(session(k, i)))}`).join('');
      const header = `commit refs/notes/lore\ncommitter Bench <bench@example.com> ${T0 + k} +0000\n${data(`side ${k}`)}from refs/notes/lore^0\n`;
      git(clone, ['fast-import', '--quiet'], header + notes);
      return clone;
    };
    const [theirs, ours] = [side(1), side(2)];
    git(theirs, ['push', '-q', 'origin', 'refs/notes/lore']);

    // Fresh copies of the remote and of our clone for every run: no run profits from another.
    const fresh = (name: string) => {
      const r = join(dir, `${name}-remote.git`);
      const c = join(dir, `${name}-clone`);
      cpSync(remote, r, { recursive: true });
      cpSync(ours, c, { recursive: true });
      git(c, ['remote', 'set-url', 'origin', r]);
      return { r, c };
    };
    const check = (r: string) => {
      const count = git(r, ['notes', '--ref=lore', 'list']).split('\n').length;
      const lines = git(r, ['notes', '--ref=lore', 'show', shas[0]]).split('\n').length;
      if (count !== n + 1 || lines !== 2) throw new Error(`remote has ${count} notes, ${lines} line(s) on the first: links lost`);
    };

    const loreTimes: number[] = [];
    const gitTimes: number[] = [];
    let said = '';
    for (let i = 0; i < RUNS; i++) {
      const a = fresh(`lore${i}`);
      loreTimes.push(
        time(() => {
          const run = spawnSync(process.execPath, [LORE_BIN, 'sync'], { cwd: a.c, env, encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`lore sync failed: ${run.stderr}`);
          said = run.stdout.trim();
        }),
      );
      check(a.r);
      const b = fresh(`git${i}`);
      gitTimes.push(
        time(() => {
          git(b.c, ['fetch', '-q', 'origin', '+refs/notes/lore:refs/notes/remotes/origin/lore']);
          git(b.c, ['notes', '--ref=lore', 'merge', '-q', '-s', 'cat_sort_uniq', 'refs/notes/remotes/origin/lore']);
          git(b.c, ['push', '-q', 'origin', 'refs/notes/lore']);
        }),
      );
      check(b.r);
    }
    const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`${n} links on each side, on the same ${n} commits; lore said: ${said}`);
    console.log(`lore sync:                                    median ${median(loreTimes).toFixed(0)} ms of ${RUNS} [${show(loreTimes)}]`);
    console.log(`git fetch + notes merge cat_sort_uniq + push: median ${median(gitTimes).toFixed(0)} ms of ${RUNS} [${show(gitTimes)}]`);
    console.log(`ratio lore / git: ${(median(loreTimes) / median(gitTimes)).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bench(Number(process.argv[2] ?? 1000));

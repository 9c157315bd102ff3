/**
 * Timing and memory of whole commands, the way a user meets them: a fresh process per
 * run, several runs after a warm-up, the median and the range. Peak RSS comes from
 * python3's getrusage(RUSAGE_CHILDREN), which node cannot read for its children.
 * Also the shared shapes of the bench: its options, sizes and the rows workloads return.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LORE_JS = join(PROJECT, 'bin/lore.js');
export const LORE = [process.execPath, LORE_JS];

export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMiB: number;
}

export interface Size {
  /** Commits of the big repository (5 branches) and of the two small ones. */
  commits: number;
  small: number;
  sessions: number;
  /** Commits of the history of git/git's shape, and the ended sessions over its last years. */
  realCommits: number;
  realSessions: number;
  /** Sessions the rev-list loop baseline is timed on (then scaled to `sessions`). */
  loopSessions: number;
  notes: number;
  links: number;
  /** The year-old session index: sessions, and edit lines of each. */
  yearSessions: number;
  yearEdits: number;
  runs: number;
  /** Runs of the git commit pairs: a difference of small numbers wants more. */
  commitRuns: number;
  /** An untimed round first (off only for the smoke size, whose numbers mean nothing). */
  warmUp: boolean;
}

export interface BenchOptions {
  mode: 'full' | 'quick' | 'smoke';
  quick: boolean;
  runs: number;
  /** The run's temp dir: every workload builds below it, run.ts removes it. */
  root: string;
  size: Size;
}

export interface Row {
  /** Stable name of the workload (the smoke test checks every one is there). */
  id: string;
  workload: string;
  lore: Measurement;
  baseline?: { name: string; m: Measurement; scale?: number };
  /** lore's median over the (scaled) baseline median. */
  ratio?: number;
  /** What the target is judged on when that is not lore's median, e.g. `overhead +41 ms`. */
  note?: string;
  target: string;
  /** null: no target, shown for reference. */
  met: boolean | null;
}

/** A row with its ratio worked out. */
export function row(r: Omit<Row, 'ratio'>): Row {
  const ratio = r.baseline ? r.lore.medianMs / (r.baseline.m.medianMs * (r.baseline.scale ?? 1)) : undefined;
  return { ...r, ratio };
}

// stderr goes to a file, not a pipe: a command that leaves work in the background (the
// post-commit hook's linking) is timed until it returns, as a user at a prompt feels it.
const RSS_WRAPPER = [
  '-c',
  'import resource,subprocess,sys,tempfile,time\n' +
    'f=tempfile.TemporaryFile()\n' +
    't=time.perf_counter();r=subprocess.run(sys.argv[1:],stdin=subprocess.DEVNULL,stdout=subprocess.DEVNULL,stderr=f)\n' +
    'e=time.perf_counter()-t\n' +
    'print(r.returncode, e*1000, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n' +
    'f.seek(0);sys.stderr.buffer.write(f.read())',
];

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  runs: number;
  /** An untimed round first (default true). */
  warmUp?: boolean;
  /** Run before every timed run (not timed), e.g. to undo what the command wrote. */
  reset?: () => void;
}

/** One command of a comparison; cwd and reset default to the comparison's. */
export interface Case {
  cmd: string[];
  cwd?: string;
  reset?: () => void;
}

const running = new Set<number>();

/** Stops the measured commands still running, each with what it started (for a signal to the bench). */
export function stopRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** One run under the RSS wrapper; async, so that a signal to the bench is handled at once. */
function once(cmd: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; rssKiB: number }> {
  return new Promise((done, fail) => {
    // Its own process group, so stopRunning can end it and everything it started.
    const child = spawn('python3', [...RSS_WRAPPER, ...cmd], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child.pid!);
    let [out, err] = ['', ''];
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('error', fail);
    child.on('close', (status, signal) => {
      running.delete(child.pid!);
      const [code, ms, rss] = out.trim().split(' ').map(Number);
      if (status !== 0 || code !== 0) fail(new Error(`${cmd.join(' ').slice(0, 300)} failed (${signal ?? code}): ${err.slice(0, 500)}`));
      else done({ ms, rssKiB: rss });
    });
  });
}

function summary(times: number[], rssKiB: number): Measurement {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const medianMs = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { medianMs, minMs: s[0], maxMs: s[s.length - 1], peakRssMiB: rssKiB / 1024 };
}

/**
 * Measures several commands by turns (a warm-up round, then `runs` rounds), so that a
 * command and its baseline see the same machine load, which on a busy machine matters
 * more than the number of runs.
 */
export async function compare(cases: Case[], opts: RunOptions): Promise<Measurement[]> {
  const times = cases.map(() => [] as number[]);
  const rss = cases.map(() => 0);
  for (let round = opts.warmUp === false ? 0 : -1; round < opts.runs; round++) {
    for (const [k, c] of cases.entries()) {
      (c.reset ?? opts.reset)?.();
      const r = await once(c.cmd, c.cwd ?? opts.cwd, opts.env);
      if (round < 0) continue; // warm-up: page cache, git's object cache
      times[k].push(r.ms);
      rss[k] = Math.max(rss[k], r.rssKiB);
    }
  }
  return cases.map((_, k) => summary(times[k], rss[k]));
}

export async function measure(cmd: string[], opts: RunOptions): Promise<Measurement> {
  return (await compare([{ cmd }], opts))[0];
}

/** Times a shell snippet (a baseline loop) the same way. */
export function measureShell(script: string, opts: RunOptions): Promise<Measurement> {
  return measure(['bash', '-c', script], opts);
}

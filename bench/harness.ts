/**
 * Timing and memory of whole commands, the way a user meets them: a fresh process per
 * run, several runs after a warm-up, the median and the range. Peak RSS comes from
 * python3's getrusage(RUSAGE_CHILDREN), which node cannot read for its children.
 */
import { spawnSync } from 'node:child_process';

export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMiB: number;
}

const RSS_WRAPPER = [
  '-c',
  'import resource,subprocess,sys,time\n' +
    't=time.perf_counter();r=subprocess.run(sys.argv[1:],stdin=subprocess.DEVNULL,stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)\n' +
    'e=time.perf_counter()-t\n' +
    'print(r.returncode, e*1000, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n' +
    'sys.stderr.buffer.write(r.stderr)',
];

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  runs: number;
  /** Run before every timed run (not timed), e.g. to undo what the command wrote. */
  reset?: () => void;
}

function once(cmd: string[], opts: RunOptions): { ms: number; rssKiB: number } {
  const r = spawnSync('python3', [...RSS_WRAPPER, ...cmd], { cwd: opts.cwd, env: opts.env, encoding: 'utf8' });
  const [code, ms, rss] = r.stdout.trim().split(' ').map(Number);
  if (r.status !== 0 || code !== 0) throw new Error(`${cmd.join(' ')} failed (${code}): ${r.stderr.slice(0, 500)}`);
  return { ms, rssKiB: rss };
}

export function measure(cmd: string[], opts: RunOptions): Measurement {
  opts.reset?.();
  once(cmd, opts); // warm-up: page cache, git's object cache
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < opts.runs; i++) {
    opts.reset?.();
    const r = once(cmd, opts);
    times.push(r.ms);
    rss = Math.max(rss, r.rssKiB);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1], peakRssMiB: rss / 1024 };
}

/** Times a shell snippet (a baseline loop) the same way. */
export function measureShell(script: string, opts: RunOptions): Measurement {
  return measure(['bash', '-c', script], opts);
}

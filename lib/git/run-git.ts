/**
 * The one place lore starts git. Every run gets no terminal to prompt on
 * (GIT_TERMINAL_PROMPT=0, stdin closed or given), so a credential or pager never waits for
 * an answer nobody will type; the callers (bulk reads, the network, hook set-up) differ only
 * in what they do with a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { LoreError } from '../errors.js';

/** The longest argument Linux passes (MAX_ARG_STRLEN, 128 KiB with its NUL). */
const MAX_ARG_BYTES = 128 * 1024 - 1;

export interface GitRunOptions {
  /** Where git runs: a working tree directory (spawned there). */
  cwd?: string;
  input?: string;
  /** Killed after this long; the run then says timedOut. */
  timeoutMs?: number;
  env?: Record<string, string>;
}

export interface GitRunResult {
  /** git's exit code; null when git could not be started or was killed. */
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

function checkArgs(args: string[]): void {
  const longest = Math.max(0, ...args.map((a) => Buffer.byteLength(a)));
  // The system passes no argument over 128 KiB (E2BIG: a 1 MB revision from an MCP client,
  // say): the caller's error, said without echoing the argument back.
  if (longest > MAX_ARG_BYTES) throw new LoreError('BAD_ARGUMENT', `an argument of ${longest} bytes is too long to pass to git`, 'Give a shorter revision or path.');
}

const envOf = (o: GitRunOptions) => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', ...o.env });

export async function runGit(args: string[], o: GitRunOptions = {}): Promise<GitRunResult> {
  checkArgs(args);
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: o.cwd, env: envOf(o), stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer =
      o.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
            // An ssh child may still hold the pipes open: do not wait for them.
            child.stdout!.destroy();
            child.stderr!.destroy();
          }, o.timeoutMs);
    // 'error' and then 'close' may both come: the first settles the run.
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr, timedOut });
    };
    child.on('error', (e) => {
      stderr += String(e);
      done(null);
    });
    child.on('close', done);
    // A git that exits before reading all its input is git's answer, not lore's crash.
    child.stdin?.on('error', () => {});
    if (o.input !== undefined) child.stdin!.end(o.input);
  });
}

/** The same run, waited for (no timeout): only hook set-up, whose callers are synchronous. */
export function runGitSync(args: string[], o: Pick<GitRunOptions, 'cwd' | 'env'> = {}): GitRunResult {
  checkArgs(args);
  const r = spawnSync('git', args, { cwd: o.cwd, env: envOf(o), stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new LoreError('NOT_A_REPO', `cannot run git: ${r.error.message}`, 'Install git and make sure it is on PATH.');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString(), timedOut: false };
}

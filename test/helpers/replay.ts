/**
 * Plays a generated replay (replay-generator.ts) against real git with lore's real hooks
 * installed: index lines are appended as agent hooks would write them, and every commit runs
 * at its own time under libfaketime, so the post-commit hook's `Date.now()` is that time.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { commit, git, makeRepo, makeWorld, type World } from './env.js';
import { gitRun, installHooks, printed } from './hooks.js';
import { AREAS, generateReplay, SHARED_FILE, type CommitKind, type HookLine, type Replay } from './replay-generator.js';

export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
export const MATE = 'mate@example.com';

export interface ReplayRun {
  w: World;
  repo: string;
  replay: Replay;
  /** Every commit after the first: the session that made it, or null. */
  truth: Map<string, string | null>;
  kinds: Map<string, CommitKind | 'teammate'>;
}

/**
 * libfaketime shares a semaphore and a memory segment along a process tree, and the process
 * that made them removes them when it exits: the hook's lore, which runs in the background,
 * then outlives git and fails to start. One long-lived holder makes them for a whole replay;
 * every faked process uses its pair and none removes it.
 */
export function holdFaketimeShared(): { env: NodeJS.ProcessEnv; release(): void } {
  const holder = spawn('sleep', ['900'], { env: { LD_PRELOAD: FAKETIME_LIB, FAKETIME: '@2026-01-01 00:00:00' }, stdio: 'ignore' });
  const sem = `/dev/shm/sem.faketime_sem_${holder.pid}`;
  const shm = `/dev/shm/faketime_shm_${holder.pid}`;
  for (let waited = 0; !existsSync(sem) && waited < 5000; waited += 10) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  if (!existsSync(sem)) throw new Error(`libfaketime made no ${sem}`);
  return {
    env: { FAKETIME_SHARED: `/faketime_sem_${holder.pid} /faketime_shm_${holder.pid}` },
    release: () => {
      holder.kill();
      rmSync(sem, { force: true });
      rmSync(shm, { force: true });
    },
  };
}

/** The environment that makes git, the hook's shell and node see `t` as now (and date commits at it). */
export function atTime(t: number, shared: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const iso = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    ...shared,
    LD_PRELOAD: FAKETIME_LIB,
    FAKETIME: `@${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
    // Real monotonic clocks and file times: node's timers and the hook's `find -newer` stay sane.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    NO_FAKE_STAT: '1',
    GIT_AUTHOR_DATE: iso,
    GIT_COMMITTER_DATE: iso,
  };
}

function must(r: { code: number; stdout: string; stderr: string }, what: string): void {
  if (r.code !== 0) throw new Error(`${what} failed: ${r.stderr}`);
}

function appendLine(w: World, repo: string, l: HookLine): void {
  const line: Record<string, unknown> = { ...l };
  if (l.cwd !== undefined) line.cwd = l.cwd === '' ? repo : join(repo, l.cwd);
  mkdirSync(w.loreHome, { recursive: true });
  appendFileSync(join(w.loreHome, 'sessions.jsonl'), JSON.stringify(line) + '\n');
}

function change(dir: string, files: string[], n: number): void {
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    appendFileSync(join(dir, f), `change ${n}\n`);
  }
}

export function playReplay(seed: number, days?: number): ReplayRun {
  if (!existsSync(FAKETIME_LIB)) throw new Error(`${FAKETIME_LIB} is missing: install Debian's faketime (.ci/run does)`);
  const replay = generateReplay(seed, days);
  const w = makeWorld();
  const repo = makeRepo(w, 'shop');
  const first: Record<string, string> = { [SHARED_FILE]: '{}\n' };
  for (const area of AREAS) first[`${area}/file0.ts`] = '// start\n';
  commit(w, repo, { files: first, message: 'start', date: new Date(replay.start - 24 * 3600_000).toISOString() });
  const mate = join(w.dir, 'mate');
  git(w, w.dir, ['clone', '-q', repo, mate]);
  git(w, mate, ['config', 'user.email', MATE]);
  git(w, mate, ['config', 'user.name', 'Mate']);
  git(w, repo, ['remote', 'add', 'mate', mate]);
  must(installHooks(w, repo), 'lore hooks install');

  const run: ReplayRun = { w, repo, replay, truth: new Map(), kinds: new Map() };
  const shared = holdFaketimeShared();
  try {
    play(run, shared.env);
  } finally {
    shared.release();
  }
  return run;
}

function play(run: ReplayRun, shared: NodeJS.ProcessEnv): void {
  const { w, repo, replay } = run;
  const mate = join(w.dir, 'mate');
  let n = 0;
  for (const e of replay.events) {
    if (e.kind === 'line') {
      appendLine(w, repo, e.line);
      continue;
    }
    const env = atTime(e.at, shared);
    n++;
    if (e.kind === 'commit') {
      change(repo, e.files, n);
      must(gitRun(w, repo, ['add', '--', ...e.files], env), 'git add');
      const r = gitRun(w, repo, ['commit', '-q', '-m', `${e.what} ${n}`], env);
      must(r, 'git commit');
      const problems = printed(r).filter((l) => !l.startsWith('lore: Linked session'));
      if (problems.length > 0) throw new Error(`the hook printed: ${problems.join('\n')}`);
    } else {
      // The teammate builds on what the user has, and the user fetches it: a fast-forward.
      must(gitRun(w, mate, ['pull', '-q', '--ff-only', 'origin', 'main'], env), 'teammate pull');
      change(mate, e.files, n);
      must(gitRun(w, mate, ['add', '--', ...e.files], env), 'teammate add');
      must(gitRun(w, mate, ['commit', '-q', '-m', `teammate ${n}`], env), 'teammate commit');
      must(gitRun(w, repo, ['pull', '-q', '--ff-only', 'mate', 'main'], env), 'fetch');
    }
    const sha = git(w, repo, ['rev-parse', 'HEAD']);
    run.truth.set(sha, e.kind === 'commit' ? e.madeBy : null);
    run.kinds.set(sha, e.kind === 'commit' ? e.what : 'teammate');
  }
}

export interface NotedLink {
  session: string;
  sha: string;
  method: string;
  /** Seconds between the commit's time and the link's linked_at. */
  lagSeconds: number;
}

/** Every link in the repository's notes. */
export function notedLinks(run: ReplayRun): NotedLink[] {
  const out = git(run.w, run.repo, ['log', '--notes=lore', '--format=%H%x00%ct%x00%N%x01', 'main']);
  const links: NotedLink[] = [];
  for (const entry of out.split('\x01')) {
    const [sha, time, note] = entry.trim().split('\0');
    if (!note) continue;
    for (const l of note.trim().split('\n')) {
      const r = JSON.parse(l) as { session: string; method: string; linked_at: string };
      links.push({ session: r.session, sha, method: r.method, lagSeconds: Date.parse(r.linked_at) / 1000 - Number(time) });
    }
  }
  return links;
}

/** Notes written so far go; what a command links next is its own. */
export function dropNotes(run: ReplayRun): void {
  git(run.w, run.repo, ['update-ref', '-d', 'refs/notes/lore']);
}

/**
 * Deterministic benchmark data, built in a temp dir: repositories made with one
 * `git fast-import` stream each (commits spread over months on several branches,
 * realistic file counts, two authors) and a session index whose windows overlap them.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../test/helpers/random.js';

export const ME = 'me@example.com';
const MATE = 'mate@example.com';
const T0 = Date.parse('2025-09-01T08:00:00Z') / 1000;
const STEP_S = 6 * 60;
const FILE_POOL = 800;

export interface BenchRepo {
  dir: string;
  commits: number;
  branches: string[];
  /** Commit times (seconds) and the files each commit touched, by index. */
  times: number[];
  files: string[][];
}

/** One `data` command of a fast-import stream. */
export const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LORE_HOME: join(home, '.lore'),
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    TZ: 'UTC',
  };
}

/** A HOME below `dir` (git's global config, LORE_HOME) and the environment that uses it. */
export function benchEnv(dir: string): NodeJS.ProcessEnv {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.lore'), { recursive: true });
  writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Me\n\temail = ${ME}\n[gc]\n\tauto = 0\n[commit]\n\tgpgSign = false\n`);
  return gitEnv(home);
}

export function git(cwd: string, env: NodeJS.ProcessEnv, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

/** An empty repository on main, with our identity. */
export function initRepo(dir: string, env: NodeJS.ProcessEnv, bare = false): string {
  mkdirSync(dir, { recursive: true });
  git(dir, env, ['init', '-q', ...(bare ? ['--bare'] : []), '-b', 'main', dir]);
  if (!bare) for (const [k, v] of [['user.name', 'Me'], ['user.email', ME]]) git(dir, env, ['config', k, v]);
  return dir;
}

/** Feeds one fast-import stream: thousands of commits or notes in seconds, not minutes. */
export function fastImport(dir: string, env: NodeJS.ProcessEnv, stream: string, args: string[] = []): void {
  git(dir, env, ['fast-import', '--quiet', ...args], stream);
}

/** A note's line as lore writes it: one link of `session` to the commit. */
export function noteLine(session: string): string {
  return JSON.stringify({ v: 1, session, method: 'auto', confidence: 0.8, linked_at: '2026-01-13T10:45:00Z', linked_by: ME });
}

/** `commits` commits, round-robin over `branchCount` branches that all fork from the root. */
export function makeRepo(dir: string, env: NodeJS.ProcessEnv, commits: number, branchCount: number, seed: number, bigCommitFiles = 0): BenchRepo {
  const rnd = mulberry32(seed);
  initRepo(dir, env);
  const branches = ['main', ...Array.from({ length: branchCount - 1 }, (_, i) => `feature-${i + 1}`)];
  const lastOn = new Map<string, number>();
  const parts: string[] = [];
  const times: number[] = [];
  const files: string[][] = [];
  for (let i = 1; i <= commits; i++) {
    const branch = i === 1 ? 'main' : branches[i % branchCount];
    const t = T0 + i * STEP_S;
    const email = rnd() < 0.8 ? ME : MATE;
    const count = i === commits && bigCommitFiles > 0 ? bigCommitFiles : 1 + Math.floor(rnd() * 3);
    const touched = Array.from(new Set(Array.from({ length: count }, (_, k) => (i === commits && bigCommitFiles ? `src/big/f${k}.ts` : `src/m${Math.floor(rnd() * FILE_POOL)}.ts`))));
    times.push(t);
    files.push(touched);
    parts.push(`commit refs/heads/${branch}\nmark :${i}\n`);
    parts.push(`author A <${email}> ${t} +0000\ncommitter A <${email}> ${t} +0000\n`, data(`change ${i} on ${branch}`));
    const parent = lastOn.get(branch) ?? (i === 1 ? undefined : 1);
    if (parent !== undefined) parts.push(`from :${parent}\n`);
    for (const f of touched) parts.push(`M 644 inline ${f}\n`, data(`${f} ${i}`));
    parts.push('\n');
    lastOn.set(branch, i);
  }
  fastImport(dir, env, parts.join(''));
  git(dir, env, ['checkout', '-q', '-f', 'main']);
  return { dir, commits, branches, times, files };
}

export interface SessionSpec {
  id: string;
  startedAt: number;
  endedAt: number;
  cwd: string;
}

/** Sessions whose windows overlap the repository's commits; most carry file data. */
export function addSessions(indexPath: string, repo: BenchRepo, count: number, seed: number, idPrefix: number): SessionSpec[] {
  const rnd = mulberry32(seed);
  const lines: string[] = [];
  const specs: SessionSpec[] = [];
  for (let k = 0; k < count; k++) {
    const at = Math.floor(rnd() * repo.commits);
    const start = repo.times[at] - Math.floor(rnd() * 20) * 60;
    const end = start + (30 + Math.floor(rnd() * 90)) * 60;
    const id = `${idPrefix.toString(16).padStart(2, '0')}${k.toString(16).padStart(6, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`;
    const touched = new Set<string>();
    for (let i = at; i < repo.commits && repo.times[i] <= end; i++) if (rnd() < 0.5) repo.files[i].forEach((f) => touched.add(f));
    const line: Record<string, unknown> = {
      id,
      tool: 'claude-code',
      cwd: repo.dir,
      branch: repo.branches[Math.floor(rnd() * repo.branches.length)],
      started_at: new Date(start * 1000).toISOString(),
      ended_at: new Date(end * 1000).toISOString(),
    };
    if (rnd() < 0.7) line.files = [...touched];
    lines.push(JSON.stringify(line));
    specs.push({ id, startedAt: start, endedAt: end, cwd: repo.dir });
  }
  mkdirSync(join(indexPath, '..'), { recursive: true });
  appendFileSync(indexPath, lines.join('\n') + '\n');
  return specs;
}

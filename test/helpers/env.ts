import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LORE_BIN = join(PROJECT, 'bin/lore.js');
export const GIT_LORE_LINK_BIN = join(PROJECT, 'bin/git-lore-link.js');

/** A temp world: HOME, LORE_HOME and git's global config all live inside it. */
export interface World {
  dir: string;
  home: string;
  loreHome: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

export function makeWorld(): World {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lore-test-')));
  const home = join(dir, 'home');
  const loreHome = join(home, '.lore');
  mkdirSync(home, { recursive: true });
  const globalConfig = join(home, '.gitconfig');
  writeFileSync(globalConfig, '[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[commit]\n\tgpgSign = false\n');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LORE_HOME: loreHome,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    TZ: 'UTC',
    LANG: 'C',
  };
  return { dir, home, loreHome, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function git(w: World, cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd, env: { ...w.env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
}

export interface RepoOptions {
  name?: string;
  email?: string;
  /** false: no user.name/user.email at all. */
  identity?: boolean;
}

export function makeRepo(w: World, rel = 'repo', opts: RepoOptions = {}): string {
  const dir = join(w.dir, rel);
  mkdirSync(dir, { recursive: true });
  git(w, dir, ['init', '-q', '-b', 'main']);
  if (opts.identity !== false) {
    git(w, dir, ['config', 'user.name', opts.name ?? 'Test User']);
    git(w, dir, ['config', 'user.email', opts.email ?? 'me@example.com']);
  }
  return dir;
}

export interface CommitOptions {
  files?: Record<string, string>;
  message?: string;
  /** ISO time for both author and committer dates. */
  date?: string;
  authorEmail?: string;
}

/** Writes files, commits them with the given dates, returns the full SHA. */
export function commit(w: World, repo: string, opts: CommitOptions = {}): string {
  const files = opts.files ?? { [`file-${Math.random().toString(36).slice(2)}.txt`]: 'x\n' };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(w, repo, ['add', '-A']);
  const env: NodeJS.ProcessEnv = {};
  if (opts.date) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = opts.date;
  if (opts.authorEmail) {
    env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = opts.authorEmail;
    env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = 'Someone Else';
  }
  git(w, repo, ['commit', '-q', '--allow-empty', '-m', opts.message ?? 'a commit'], env);
  return git(w, repo, ['rev-parse', 'HEAD']);
}

export interface SessionLine {
  id: string;
  cwd?: string;
  started_at?: string;
  ended_at?: string | null;
  branch?: string;
  files?: string[];
  tool?: string;
  title?: string;
  seen_at?: string;
  committing_at?: string | null;
  log?: string;
}

export function addSessions(w: World, lines: SessionLine[]): void {
  mkdirSync(w.loreHome, { recursive: true });
  appendFileSync(join(w.loreHome, 'sessions.jsonl'), lines.map((l) => JSON.stringify(l) + '\n').join(''));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function lore(w: World, cwd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): Run {
  const r = spawnSync(process.execPath, [opts.bin ?? LORE_BIN, ...args], {
    cwd,
    env: { ...w.env, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts lore without waiting, for concurrency tests. */
export function loreAsync(w: World, cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [LORE_BIN, ...args], { cwd, env: w.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** The note as plain git shows it, or null when there is none. */
export function gitNote(w: World, repo: string, rev = 'HEAD'): string | null {
  const r = spawnSync('git', ['notes', '--ref=lore', 'show', rev], { cwd: repo, env: w.env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

export function noteRecords(w: World, repo: string, rev = 'HEAD'): Record<string, unknown>[] {
  const text = gitNote(w, repo, rev);
  return text === null ? [] : text.trim().split('\n').map((l) => JSON.parse(l));
}

export const SID = {
  a: 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f',
  b: 'c9731a92-0000-4000-8000-000000000002',
  c: 'd0e1f2a3-0000-4000-8000-000000000003',
  d: 'e5f6a7b8-0000-4000-8000-000000000004',
};

export { execFileSync };

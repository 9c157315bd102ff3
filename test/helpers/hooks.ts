import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { addSessions, lore, noteRecords, type Run, type World } from './env.js';

export const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Runs the real git, whose hooks run lore: the world's env, so they see its LORE_HOME. */
export function gitRun(w: World, cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync('git', args, { cwd, env: { ...w.env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface HookCommitOptions {
  message?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra arguments for git commit, e.g. ['--amend']. */
  args?: string[];
  /** false: commit what is staged, without writing a new file. */
  newFile?: boolean;
}

/**
 * `git commit -q` with a new file: git itself prints nothing, so whatever the run
 * printed came from the hooks.
 */
export function hookCommit(w: World, repo: string, opts: HookCommitOptions = {}): Run {
  if (opts.newFile !== false) {
    const name = `file-${Math.random().toString(36).slice(2)}.txt`;
    writeFileSync(join(repo, name), `${name}\n`);
    gitRun(w, repo, ['add', name]);
  }
  return gitRun(w, repo, ['commit', '-q', '-m', opts.message ?? 'a commit', ...(opts.args ?? [])], opts.env);
}

/** The lines a run printed, stdout and stderr together (git sends hook output to stderr). */
export function printed(r: Run): string[] {
  return (r.stdout + r.stderr).split('\n').filter((l) => l.trim() !== '');
}

export function startSession(w: World, repo: string, id: string, startedMinutesAgo = 30): void {
  addSessions(w, [{ id, cwd: repo, started_at: ago(startedMinutesAgo), tool: 'claude-code' }]);
}

/** Ends a session long enough ago that --current no longer counts it. */
export function endSession(w: World, id: string): void {
  addSessions(w, [{ id, ended_at: ago(10) }]);
}

export function installHooks(w: World, repo: string, args: string[] = []): Run {
  return lore(w, repo, ['hooks', 'install', ...args]);
}

/** The sessions linked to a commit, in note order. */
export function linkedSessions(w: World, repo: string, rev = 'HEAD'): string[] {
  return noteRecords(w, repo, rev).map((r) => String(r.session));
}

/**
 * A PATH on which `lore` cannot be found, as in a GUI git client (it may be installed on this
 * machine, e.g. by npm link): each directory holding a `lore` is replaced by one that links
 * to everything else in it, so git, sh and sed are still there.
 */
export function pathWithoutLore(w: World): string {
  const shadow = join(w.dir, 'path-without-lore');
  const made = existsSync(shadow);
  const linked = new Set<string>();
  const dirs: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dirs.includes(dir)) continue;
    if (!existsSync(join(dir, 'lore'))) {
      dirs.push(dir);
      continue;
    }
    mkdirSync(shadow, { recursive: true });
    for (const name of made ? [] : readdirSync(dir)) {
      if (name === 'lore' || linked.has(name)) continue;
      symlinkSync(join(dir, name), join(shadow, name));
      linked.add(name);
    }
    if (!dirs.includes(shadow)) dirs.push(shadow);
  }
  return dirs.join(delimiter);
}

/** An executable shell script, for users' own hooks and fake hook managers. */
export function writeScript(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { mode: 0o755 });
}

import { spawnSync } from 'node:child_process';
import { LoreError } from '../errors.js';

/**
 * Runs the git CLI in `cwd` and waits: stdout without its final newline, or null when git
 * says no (a config key that is not set exits 1). Hook set-up asks git itself where hooks
 * live and which config wins, because git's answer is the one that decides what runs.
 */
export function gitSync(cwd: string, args: string[]): string | null {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new LoreError('NOT_A_REPO', `cannot run git: ${r.error.message}`, 'Install git and make sure it is on PATH.');
  return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
}

/** Every value of a multi-valued key in the repository's own config. */
export function localValues(cwd: string, key: string): string[] {
  const out = gitSync(cwd, ['config', '--local', '--get-all', key]);
  return out === null || out === '' ? [] : out.split('\n');
}

import { runGitSync } from './run-git.js';

/**
 * Runs the git CLI in `cwd` and waits: stdout without its final newline, or null when git
 * says no (a config key that is not set exits 1). Hook set-up asks git itself where hooks
 * live and which config wins, because git's answer is the one that decides what runs.
 */
export function gitSync(cwd: string, args: string[]): string | null {
  const r = runGitSync(args, { cwd });
  return r.code === 0 ? r.stdout.toString('utf8').replace(/\n$/, '') : null;
}

/** Every value of a multi-valued key in the repository's own config. */
export function localValues(cwd: string, key: string): string[] {
  const out = gitSync(cwd, ['config', '--local', '--get-all', key]);
  return out === null || out === '' ? [] : out.split('\n');
}

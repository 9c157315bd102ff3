import type { StateWarning } from '../sessions/importers/state.js';

/**
 * The warnings `lore import` returns: data, as `--json`'s `errors` carries them, so they
 * are worded where they arise; the CLI prints them to standard error as they are.
 */
export const importWarnings = {
  unreadableDir: (dir: string, why: string) => `Warning: cannot read ${dir} (${why}); skipped`,
  unreadableLog: (path: string, why: string) => `Warning: cannot read ${path} (${why}); skipped`,
  malformed: (path: string, n: number) => `Warning: ${path}: skipped ${n} line(s) that are not JSON objects`,

  state: (w: StateWarning) =>
    w.kind === 'unreadable'
      ? `Warning: cannot read ${w.path} (${w.why}); reading every log from the start`
      : w.kind === 'unknown'
        ? `Warning: ${w.path} is not an import state lore understands; reading every log from the start`
        : `Warning: ${w.path}: ${w.count} unusable entr${w.count === 1 ? 'y' : 'ies'}; those logs are read from the start`,
};

import type { StateWarning } from '../sessions/importers/state.js';

/** Every line `lore import` prints, in one place. */
export const importText = {
  scanning: (tool: string) => `${tool}: looking for logs`,
  reading: (tool: string, done: number, total: number) => `${done}/${total} logs read (${tool})`,
  interrupted: (read: number, total: number) => `Interrupted: ${read} of ${total} log(s) read and imported; \`lore import\` reads the rest`,
  dryRun: (line: string) => `[dry-run] ${line}`,
  noDirectory: (tool: string, dir: string) => `${tool}: 0 session(s) found in ${dir} (no such directory)`,
  imported: (tool: string, fresh: number, updated: number, logs: number, dir: string) =>
    `${tool}: ${fresh + updated} session(s) imported (${fresh} new, ${updated} updated) from ${logs} log file(s) in ${dir}`,
  skippedSince: (tool: string, n: number, since: string) => `${tool}: skipped ${n} session(s) that ended before ${since}`,
  wouldAppend: (n: number, index: string) => `[dry-run] Would append ${n} line(s) to ${index}; nothing written`,

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

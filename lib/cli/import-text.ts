/** Every line `lore import` prints, in one place; its warnings are worded where they arise (commands/import-warnings.ts). */
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
};

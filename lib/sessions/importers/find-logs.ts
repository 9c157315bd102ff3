import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Which files below the top are logs: by default every `*.jsonl`. */
export type IsLog = (name: string, dir: string) => boolean;

const JSONL: IsLog = (name) => name.endsWith('.jsonl');

/**
 * Every log below `dir`, sorted; null when `dir` does not exist. Tools
 * nest their logs (Claude Code: `<project>/<id>.jsonl` and, since 2.1, sub-agents in
 * `<project>/<id>/subagents/`; Codex: `YYYY/MM/DD/`), so the whole tree is walked.
 * Symbolic links are not followed: a link cycle must not hang an import.
 */
export function findLogFiles(dir: string, isLog: IsLog = JSONL): string[] | null {
  const found: string[] = [];
  const walk = (d: string, top: boolean): boolean => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (top && (code === 'ENOENT' || code === 'ENOTDIR')) return false;
      // A directory we may not read below the top is skipped, not fatal.
      if (!top) return true;
      throw e;
    }
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path, false);
      else if (entry.isFile() && isLog(entry.name, d)) found.push(path);
    }
    return true;
  };
  if (!walk(dir, true)) return null;
  return found.sort();
}

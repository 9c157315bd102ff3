import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex } from '../sessions/index-file.js';
import { claudeCodeIdFromPath } from '../sessions/importers/claude-code.js';
import { codexIdFromPath } from '../sessions/importers/codex.js';
import { findLogFiles } from '../sessions/importers/find-logs.js';
import type { ImportTool } from '../sessions/importers/progress.js';
import { importSessions, importStatePath } from './import.js';
import { stampIndex, type IndexStamp } from './quiet-marker.js';

/**
 * What the post-commit hook reads of the agents' logs before `--current` decides (issue
 * 13): a Claude Code or Codex session that runs without lore's agent hooks still writes
 * its log, and what is new in it is imported, as `lore import` would, so the session is
 * current, with its files. Only logs of this repository's sessions written in the last
 * minutes are looked at: Claude Code's project directories named after a directory in the
 * repository, Codex's directories of today and yesterday. Quiet, and never an error: it
 * only adds to what the index knows.
 */
export const LIVE_LOG_MS = 10 * 60_000;

/** Claude Code names a project's directory after its cwd, each character but letters and digits made `-`. */
function claudeProjectName(dir: string): string {
  return dir.replace(/[^A-Za-z0-9]/g, '-');
}

function datePath(ms: number): string[] {
  const d = new Date(ms);
  return [String(d.getFullYear()), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')];
}

function candidates(tool: ImportTool, dir: string, root: string, now: number): string[] {
  let dirs: string[];
  if (tool === 'claude-code') {
    const prefix = claudeProjectName(root);
    dirs = readdirSync(dir).filter((name) => name.startsWith(prefix)).map((name) => join(dir, name));
  } else {
    // Codex files a session under the local date it started: one that began before midnight is yesterday's.
    dirs = [...new Set([now, now - 24 * 60 * 60_000].map((t) => join(dir, ...datePath(t))))];
  }
  return dirs.flatMap((d) => findLogFiles(d) ?? []);
}

function writtenSince(path: string, since: number): boolean {
  try {
    return statSync(path).mtimeMs >= since;
  } catch {
    return false;
  }
}

/** The tools whose live logs the hook reads: those whose file names say the session. */
const ID_FROM_PATH: Partial<Record<ImportTool, (path: string) => string | undefined>> = { 'claude-code': claudeCodeIdFromPath, codex: codexIdFromPath };

/**
 * Leaves out the logs of sessions the index holds as active: their agent hooks (or `lore
 * session`) report them live, and an import would record the log's last line as their end.
 */
function withoutLiveSessions(indexPath: string, tool: ImportTool, logs: string[]): string[] {
  if (logs.length === 0) return logs;
  const idOf = new Map(logs.map((path) => [path, ID_FROM_PATH[tool]!(path)]));
  const ids = new Set([...idOf.values()].filter((id): id is string => id !== undefined));
  const known = readIndex(indexPath, () => {}, (id) => ids.has(id)).sessions;
  return logs.filter((path) => {
    const id = idOf.get(path);
    return id === undefined || known.get(id)?.endedAt !== null;
  });
}

/**
 * Imports what is new in the live logs of `root`'s sessions, then stamps the index for the
 * quiet marker. The stamp is no older than the moment the logs were looked at, so the hook
 * (hooks/post-commit) starts lore again as soon as a log is written after it.
 */
export async function importLiveLogs(indexPath: string, root: string | null, now = Date.now()): Promise<IndexStamp> {
  if (root !== null) {
    try {
      const choose = (tool: ImportTool, dir: string) => {
        if (ID_FROM_PATH[tool] === undefined) return [];
        let recent: string[];
        try {
          recent = candidates(tool, dir, root, now).filter((path) => writtenSince(path, now - LIVE_LOG_MS));
        } catch {
          return null; // no such directory: that agent is not used here
        }
        return withoutLiveSessions(indexPath, tool, recent);
      };
      await importSessions({ indexPath, statePath: importStatePath(indexPath), choose, dryRun: false, link: false });
    } catch {
      // Only an aid to --current: a log lore cannot read must not stop the link.
    }
  }
  const stamp = stampIndex(indexPath);
  return { ...stamp, mtime: new Date(Math.max(stamp.mtime?.getTime() ?? 0, now)) };
}

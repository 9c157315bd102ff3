import { createHash } from 'node:crypto';
import { dirname, isAbsolute } from 'node:path';

/** How a tool names a project directory in its logs, instead of the path itself. */
type DirKey = (dir: string) => string;

const sha256: DirKey = (dir) => createHash('sha256').update(dir).digest('hex');

/**
 * Cursor's project slug: the path with every character that is not a letter or a digit
 * as `-`, and no leading `-` (`/home/me/my.app` is `home-me-my-app`). It loses the
 * difference between `/` and `-`, so two directories may share one slug.
 */
export const cursorSlug: DirKey = (dir) => dir.replace(/[^A-Za-z0-9]/g, '-').replace(/^-+/, '');

/** One table per key and list of known directories: an import computes each key once. */
const tables = new Map<DirKey, WeakMap<string[], Map<string, string>>>();

function table(key: DirKey, knownDirs: string[]): Map<string, string> {
  let byList = tables.get(key);
  if (!byList) tables.set(key, (byList = new WeakMap()));
  let t = byList.get(knownDirs);
  if (!t) {
    t = new Map();
    // The first known directory with a key wins, as the index lists them.
    for (const d of knownDirs) if (!t.has(key(d))) t.set(key(d), d);
    byList.set(knownDirs, t);
  }
  return t;
}

/**
 * The directory a log names only by a key of its path: one lore knows, or one above
 * a file the log names by absolute path. Undefined when nothing matches: a guess would
 * link the session to a wrong repository.
 */
function dirOfKey(key: DirKey, value: string, knownDirs: string[], paths: Iterable<string>): string | undefined {
  const known = table(key, knownDirs).get(value);
  if (known !== undefined) return known;
  for (const path of paths) {
    if (!isAbsolute(path)) continue;
    for (let d = dirname(path); ; d = dirname(d)) {
      if (key(d) === value) return d;
      if (dirname(d) === d) break;
    }
  }
  return undefined;
}

/** Gemini CLI's project hash: the sha256 of the directory. */
export function dirOfHash(hash: string, knownDirs: string[], paths: Iterable<string>): string | undefined {
  return dirOfKey(sha256, hash, knownDirs, paths);
}

/** Cursor's project slug (see `cursorSlug`). */
export function dirOfSlug(slug: string, knownDirs: string[], paths: Iterable<string>): string | undefined {
  return dirOfKey(cursorSlug, slug, knownDirs, paths);
}

import { createHash } from 'node:crypto';
import { dirname, isAbsolute } from 'node:path';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One table per list of known directories: an import hashes each of them once. */
const tables = new WeakMap<string[], Map<string, string>>();

function table(knownDirs: string[]): Map<string, string> {
  let t = tables.get(knownDirs);
  if (!t) {
    t = new Map(knownDirs.map((d) => [sha256(d), d]));
    tables.set(knownDirs, t);
  }
  return t;
}

/**
 * The directory a log names only by the sha256 of its path (Gemini CLI's project
 * hash): one lore knows, or one that holds a file the log names by absolute path.
 * Undefined when nothing matches: a guess would link the session to a wrong repository.
 */
export function dirOfHash(hash: string, knownDirs: string[], paths: Iterable<string>): string | undefined {
  const known = table(knownDirs).get(hash);
  if (known !== undefined) return known;
  for (const path of paths) {
    if (!isAbsolute(path)) continue;
    for (let d = dirname(path); ; d = dirname(d)) {
      if (sha256(d) === hash) return d;
      if (dirname(d) === d) break;
    }
  }
  return undefined;
}

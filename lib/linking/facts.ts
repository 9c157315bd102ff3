import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { HistoryCommit } from '../git/repo.js';
import type { CompleteSession } from '../sessions/session.js';

/** What the planners know of a commit: what one history walk gives. */
export type CommitFacts = HistoryCommit;

/** A session placed in one repository: its real cwd and its files made repo-relative. */
export interface SessionFacts {
  session: CompleteSession;
  realCwd: string;
  /** null when the session has no file data (unknown, not "touched nothing"). */
  files: Set<string> | null;
}

/** Path-boundary containment: /proj-old is not inside /proj. */
export function isInside(dir: string, root: string): boolean {
  return dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** A relative POSIX path with no empty, `.` or `..` segment: already in a commit's form. */
const CLEAN_RELATIVE = /^(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))(?!.*\/\/)[^/\\]+(?:\/[^/\\]+)*$/;

/**
 * Makes the session's file paths comparable with a commit's: absolute paths, paths
 * relative to a subdirectory cwd and `./` prefixes all become repo-relative. An
 * absolute path written under the session's recorded cwd is moved onto its real
 * path, so a symlinked checkout still matches. Files outside the repository drop out.
 */
export function sessionFacts(session: CompleteSession, realCwd: string, root: string): SessionFacts {
  if (session.files === null) return { session, realCwd, files: null };
  const recorded = session.cwd.replace(/\/+$/, '');
  const files = new Set<string>();
  const atRoot = realCwd === root;
  for (const f of session.files) {
    // Most paths are already repo-relative and clean: no path arithmetic for those.
    if (atRoot && CLEAN_RELATIVE.test(f)) {
      files.add(f);
      continue;
    }
    let abs: string;
    if (isAbsolute(f)) {
      abs = recorded !== realCwd && isInside(f, recorded) ? realCwd + f.slice(recorded.length) : resolve(f);
    } else {
      abs = resolve(realCwd, f);
    }
    const rel = relative(root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
    files.add(posix.normalize(toPosix(rel)));
  }
  return { session, realCwd, files };
}

/** The share of the commit's files that the session touched; null when either side has no data. */
export function fileOverlap(sessionFiles: Set<string> | null, commitFiles: string[]): number | null {
  if (sessionFiles === null || commitFiles.length === 0) return null;
  let hit = 0;
  for (const f of commitFiles) if (sessionFiles.has(f)) hit++;
  return hit / commitFiles.length;
}

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { sessionFacts, type SessionFacts } from '../linking/facts.js';
import type { Placed } from '../linking/current.js';
import type { SessionIndex } from '../sessions/index-file.js';
import { isComplete, type CompleteSession } from '../sessions/session.js';

// Many sessions share a directory: each is resolved once per run.
const realDirs = new Map<string, string>();

/** The real path of a directory, or its plain resolved form when it no longer exists. */
export function realDir(dir: string): string {
  let real = realDirs.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync(dir);
    } catch {
      real = resolve(dir);
    }
    realDirs.set(dir, real);
  }
  return real;
}

/**
 * Every session with a start and a directory that passes `keep` (checked first, so
 * that filesystem look-ups are spent only on sessions that matter), with its real path.
 */
export function placeSessions(index: SessionIndex, keep: (s: CompleteSession) => boolean = () => true): Placed[] {
  const placed: Placed[] = [];
  for (const s of index.sessions.values()) if (isComplete(s) && keep(s)) placed.push({ session: s, realCwd: realDir(s.cwd) });
  return placed;
}

export function factsFor(placed: Placed[], root: string): SessionFacts[] {
  return placed.map((p) => sessionFacts(p.session, p.realCwd, root));
}

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { sessionFacts, type SessionFacts } from '../linking/facts.js';
import type { Placed } from '../linking/current.js';
import type { SessionIndex } from '../sessions/index-file.js';
import { isComplete } from '../sessions/session.js';

/** The real path of a directory, or its plain resolved form when it no longer exists. */
export function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/** Every session with a start and a directory, with that directory's real path. */
export function placeSessions(index: SessionIndex): Placed[] {
  const placed: Placed[] = [];
  for (const s of index.sessions.values()) if (isComplete(s)) placed.push({ session: s, realCwd: realDir(s.cwd) });
  return placed;
}

export function factsFor(placed: Placed[], root: string): SessionFacts[] {
  return placed.map((p) => sessionFacts(p.session, p.realCwd, root));
}

import type { Repo } from '../git/repo.js';
import { abbreviations, type Session } from '../sessions/session.js';
import { linkedIds } from './show.js';

/**
 * Short session ids as git abbreviates: unique among the index's sessions and every id the
 * notes carry, so a teammate's `lore show <id>` finds the one meant.
 */
export async function sessionAbbreviator(repo: Repo, sessions: Map<string, Session>): Promise<(id: string) => string> {
  const short = abbreviations([...sessions.keys(), ...linkedIds((await repo.readAllNotes()).values())]);
  return (id) => short.get(id) ?? id;
}

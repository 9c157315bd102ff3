import { LoreError } from '../errors.js';
import type { Session } from './session.js';
import { isoSeconds } from '../time.js';

const LIST_AT_MOST = 5;

function describe(s: Session): string {
  const start = s.startedAt === undefined ? 'unknown start' : isoSeconds(s.startedAt);
  return `${s.id}  ${start}  ${s.cwd ?? '?'}`;
}

/** A session prefix as lookups compare it: trimmed, against lower-cased ids. */
export function normalisePrefix(prefix: string): string {
  return prefix.trim().toLowerCase();
}

/** Whether an id is one findSession could answer for any of these prefixes. */
export function matchesAnyPrefix(prefixes: string[]): (id: string) => boolean {
  const wanted = prefixes.map(normalisePrefix);
  return (id) => {
    const lower = id.toLowerCase();
    return wanted.some((w) => lower.startsWith(w));
  };
}

/**
 * Finds the one session a full id or unique prefix names (case-insensitive).
 * An exact id wins over longer ids it is a prefix of.
 */
export function findSession(sessions: Map<string, Session>, prefix: string): Session {
  const wanted = normalisePrefix(prefix);
  if (wanted === '') throw new LoreError('UNKNOWN_SESSION', 'empty session id');
  const matches: Session[] = [];
  for (const s of sessions.values()) {
    const id = s.id.toLowerCase();
    if (id === wanted) return s;
    if (id.startsWith(wanted)) matches.push(s);
  }
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw new LoreError('UNKNOWN_SESSION', `no session matches '${prefix}'`, 'Run `lore sessions` to list the sessions lore knows.');
  }
  const shown = matches
    .slice()
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
    .slice(0, LIST_AT_MOST)
    .map(describe);
  const more = matches.length > LIST_AT_MOST ? `; and ${matches.length - LIST_AT_MOST} more` : '';
  throw new LoreError(
    'AMBIGUOUS_SESSION',
    `session prefix '${prefix}' is ambiguous: it matches ${matches.length} sessions; give more characters`,
    `Candidates: ${shown.join('; ')}${more}`,
  );
}

/** A session as lore knows it after folding every index line that carries its id. */
export interface Session {
  id: string;
  tool?: string;
  title?: string;
  cwd?: string;
  /** The last branch a line named; `branches` keeps every one in order of first sight. */
  branch?: string;
  branches: string[];
  /** Milliseconds since the epoch. */
  startedAt?: number;
  /** null while the session is active. */
  endedAt: number | null;
  /** null when no line of the session carried `files`: unknown, not "touched nothing". */
  files: string[] | null;
  /** The latest `seen_at` of its lines: the last activity an agent hook or `lore session` reported. */
  seenAt?: number;
  /** When the agent last started a `git commit` that has not finished; null or absent: none. */
  committingAt?: number | null;
  /** The agent log `lore import` read it from, when known. */
  log?: string;
}

/** A session with everything the planners need. */
export type CompleteSession = Session & { cwd: string; startedAt: number };

export function isComplete(s: Session): s is CompleteSession {
  return typeof s.cwd === 'string' && typeof s.startedAt === 'number';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** UUIDs compare case-insensitively, so they are kept lower-case (CONTRACT §1). */
export function normaliseId(id: string): string {
  return UUID.test(id) ? id.toLowerCase() : id;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/**
 * Each id as short as it can be and still name one of `ids`, at least 8 characters (the
 * seed's form): the way git lengthens an abbreviation that would be ambiguous.
 */
export function abbreviations(ids: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const common = (a: string | undefined, b: string) => {
    if (a === undefined) return 0;
    let i = 0;
    while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) i++;
    return i;
  };
  const out = new Map<string, string>();
  sorted.forEach((id, i) => {
    const needed = Math.max(8, common(sorted[i - 1], id) + 1, common(sorted[i + 1], id) + 1);
    out.set(id, id.slice(0, needed));
  });
  return out;
}

/** The last thing known to have happened in the session: its start, an edit, a resume, its end. */
export function lastActivity(s: Pick<Session, 'startedAt' | 'seenAt' | 'endedAt'>): number | undefined {
  const times = [s.startedAt, s.seenAt, s.endedAt ?? undefined].filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}

/**
 * An agent that crashes never writes its end: a session with no recorded activity for this
 * long is stale, not current. Two hours, because people commit after lunch, and a live
 * agent's hooks report activity on every edit.
 */
export const STALE_MS = 2 * 60 * 60_000;

/** Active (no end), but nothing recorded for STALE_MS before `now`. */
export function isStale(s: Session, now: number): boolean {
  const last = lastActivity(s);
  return s.endedAt === null && last !== undefined && now - last > STALE_MS;
}

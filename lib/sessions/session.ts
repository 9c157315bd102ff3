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

export function isActive(s: Session): boolean {
  return s.endedAt === null;
}

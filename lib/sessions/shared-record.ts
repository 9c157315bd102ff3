/**
 * A shared session record: one file per session under refs/lore/sessions (README, "Session
 * records"), what `lore share` sends of a session. Canonical JSON: keys in the order of
 * SharedRecord, unknown ones left out, no spaces, a trailing newline; so one session shared
 * twice with nothing new gives the same blob, and two clones writing it agree byte for byte.
 * Assistant text and tool output are never in one: the type has no place for them.
 */
export const SHARE_LEVELS = ['summary', 'prompts'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

export const SHARED_RECORD_VERSION = 1;

export interface SharedRecord {
  version: 1;
  id: string;
  tool?: string;
  model?: string;
  started_at?: string;
  ended_at?: string;
  branch?: string;
  /** Repository-relative, sorted. */
  files?: string[];
  prompt_count?: number;
  title?: string;
  /** Only at level `prompts`. */
  prompts?: string[];
  share: ShareLevel;
  shared_by?: string;
  shared_at: string;
}

const KEYS: (keyof SharedRecord)[] = [
  'version', 'id', 'tool', 'model', 'started_at', 'ended_at', 'branch', 'files', 'prompt_count', 'title', 'prompts', 'share', 'shared_by', 'shared_at',
];

export function formatSharedRecord(r: SharedRecord): string {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) if (r[key] !== undefined) out[key] = r[key];
  return JSON.stringify(out) + '\n';
}

/** Where a session's record lives in the ref's tree: `<first two characters>/<id>.json`. */
export function recordPath(id: string): string {
  return `${id.slice(0, 2)}/${id}.json`;
}

/**
 * An id that can name a file in a git tree as it is: a session id with a slash, a control
 * character or a leading dot (from a hand-edited index) gets no record rather than a
 * path that means something else.
 */
export function shareableId(id: string): boolean {
  return /^[a-z0-9][a-z0-9_.:@+-]*$/.test(id) && id.length >= 2 && !id.endsWith('.');
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** A record as a reader finds it, or null when the file is not one (another tool's, a damaged one). */
export function parseSharedRecord(json: string): SharedRecord | null {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object' || v.version !== SHARED_RECORD_VERSION || !isText(v.id) || !isText(v.shared_at)) return null;
  if (v.share !== 'summary' && v.share !== 'prompts') return null;
  const texts = (x: unknown) => (Array.isArray(x) && x.every(isText) ? (x as string[]) : undefined);
  const text = (x: unknown) => (isText(x) ? x : undefined);
  return {
    version: 1,
    id: v.id,
    tool: text(v.tool),
    model: text(v.model),
    started_at: text(v.started_at),
    ended_at: text(v.ended_at),
    branch: text(v.branch),
    files: texts(v.files),
    prompt_count: typeof v.prompt_count === 'number' && Number.isInteger(v.prompt_count) && v.prompt_count >= 0 ? v.prompt_count : undefined,
    title: text(v.title),
    prompts: texts(v.prompts),
    share: v.share,
    shared_by: text(v.shared_by),
    shared_at: v.shared_at,
  };
}

/**
 * Of two records of one session, the one shared later (by `shared_at`); a tie, or a record
 * that cannot be read, is settled by the text, so every clone picks the same one.
 */
export function laterRecord(a: string, b: string): string {
  const at = (t: string) => Date.parse(parseSharedRecord(t)?.shared_at ?? '') || 0;
  const [ta, tb] = [at(a), at(b)];
  if (ta !== tb) return ta > tb ? a : b;
  return a > b ? a : b;
}

/**
 * The note records of refs/notes/lore (CONTRACT §2): one JSON object per line, one
 * line per session, keys in a fixed order, lines sorted bytewise. Sorting whole lines
 * bytewise is what git's cat_sort_uniq does, so lore's notes and git's merges agree.
 */
export type LinkMethod = 'manual' | 'current' | 'auto' | 'backfill';

export const RECORD_VERSION = 1;

export interface LinkRecord {
  v: 1;
  session: string;
  method: LinkMethod;
  confidence?: number;
  linked_at: string;
  linked_by?: string;
  tool?: string;
  /**
   * The note's own line, when a field in it had the wrong type or range (a confidence of
   * 1e999, a linked_at that is no time): that field is left out above, for display, and
   * the line is written back exactly as it was.
   */
  verbatim?: string;
}

/** A note's content: the records lore understands, and every other line kept verbatim. */
export interface Note {
  records: Map<string, LinkRecord>;
  foreign: string[];
}

const METHODS: readonly string[] = ['manual', 'current', 'auto', 'backfill'];
// When two lines name one session (after a git union merge), the surer method wins.
const RANK: Record<LinkMethod, number> = { manual: 0, current: 1, auto: 2, backfill: 3 };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isTime = (v: unknown): v is string => typeof v === 'string' && ISO_TIME.test(v) && Number.isFinite(Date.parse(v));
const isConfidence = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * A line as a record, checked field by field: without v, session or method it is no
 * record of ours (null: kept as a foreign line); an optional field that is wrong is left
 * out, and the record keeps its line verbatim. An unset linked_at reads as ''.
 */
function asRecord(line: string): LinkRecord | null {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const r = o as Record<string, unknown>;
  if (r.v !== RECORD_VERSION || typeof r.session !== 'string' || r.session === '') return null;
  if (typeof r.method !== 'string' || !METHODS.includes(r.method)) return null;
  const wrong =
    !isTime(r.linked_at) ||
    (r.confidence !== undefined && !isConfidence(r.confidence)) ||
    (r.linked_by !== undefined && !isText(r.linked_by)) ||
    (r.tool !== undefined && !isText(r.tool));
  return {
    v: 1,
    session: r.session,
    method: r.method as LinkMethod,
    confidence: isConfidence(r.confidence) ? r.confidence : undefined,
    linked_at: isTime(r.linked_at) ? r.linked_at : '',
    linked_by: isText(r.linked_by) ? r.linked_by : undefined,
    tool: isText(r.tool) ? r.tool : undefined,
    ...(wrong ? { verbatim: line } : {}),
  };
}

/** Of two records for one session, the one to keep: the surer method, then the earlier link. */
export function better(a: LinkRecord, b: LinkRecord): LinkRecord {
  if (RANK[a.method] !== RANK[b.method]) return RANK[a.method] < RANK[b.method] ? a : b;
  return a.linked_at <= b.linked_at ? a : b;
}

/** Tolerant: nothing in a note is ever dropped except a duplicate line for one session. */
export function parseNote(text: string | null): Note {
  const note: Note = { records: new Map(), foreign: [] };
  if (!text) return note;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const rec = asRecord(line);
    if (!rec) {
      if (!note.foreign.includes(line)) note.foreign.push(line);
      continue;
    }
    const had = note.records.get(rec.session);
    note.records.set(rec.session, had ? better(had, rec) : rec);
  }
  return note;
}

export function formatRecord(r: LinkRecord): string {
  if (r.verbatim !== undefined) return r.verbatim;
  const o: Record<string, unknown> = { v: r.v, session: r.session, method: r.method };
  if (r.confidence !== undefined) o.confidence = r.confidence;
  o.linked_at = r.linked_at;
  if (r.linked_by !== undefined) o.linked_by = r.linked_by;
  if (r.tool !== undefined) o.tool = r.tool;
  return JSON.stringify(o);
}

/** The note's text, or null when nothing is left (the note is then removed). */
export function formatNote(note: Note): string | null {
  const lines = [...[...note.records.values()].map(formatRecord), ...note.foreign];
  if (lines.length === 0) return null;
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return lines.join('\n') + '\n';
}

/** Adds a link unless the session is linked already; returns whether it added. */
export function addLink(note: Note, record: LinkRecord): boolean {
  if (note.records.has(record.session)) return false;
  note.records.set(record.session, record);
  return true;
}

export function roundConfidence(c: number): number {
  return Math.round(c * 100) / 100;
}

/**
 * The note records of refs/notes/lore (CONTRACT §2): one JSON object per line, one
 * line per session, keys in a fixed order, lines sorted bytewise. Sorting whole lines
 * bytewise is what git's cat_sort_uniq does, so lore's notes and git's merges agree.
 */
import { isRecord } from '../json-object.js';

export const LINK_METHODS = ['manual', 'current', 'agent-commit', 'auto', 'backfill', 'carried'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

export const RECORD_VERSION = 1;

export interface LinkRecord {
  v: 1;
  session: string;
  method: LinkMethod;
  confidence?: number;
  linked_at: string;
  linked_by?: string;
  tool?: string;
  /** Only for `carried`: the full SHAs of the commits whose links this commit replaced. */
  from?: string[];
  signals?: LinkSignals;
  /**
   * The note's own line, when a field in it had the wrong type or range (a confidence of
   * 1e999, a linked_at that is no time): that field is left out above, for display, and
   * the line is written back exactly as it was.
   */
  verbatim?: string;
}

/**
 * What made an automatic link (an extension of CONTRACT §2), so a user can judge it before
 * trusting it. Each key only when known, in this order.
 */
export interface LinkSignals {
  /** `edited/total`: how many of the commit's files the session edited. */
  files?: string;
  /** Minutes between the commit and the session's window; 0 inside it. */
  minutes?: number;
  /** Whether a branch the session worked on contains the commit. */
  branch?: boolean;
  /** The session's agent ran the `git commit`. */
  agent_commit?: true;
}

/** A note's content: the records lore understands, and every other line kept verbatim. */
export interface Note {
  records: Map<string, LinkRecord>;
  foreign: string[];
}

// When two lines name one session (after a git union merge), the surer method wins; a link
// made on the commit itself is surer than one carried from the commits it replaced.
const RANK: Record<LinkMethod, number> = { manual: 0, 'agent-commit': 1, current: 2, auto: 3, backfill: 4, carried: 5 };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isTime = (v: unknown): v is string => typeof v === 'string' && ISO_TIME.test(v) && Number.isFinite(Date.parse(v));
const isConfidence = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isText = (v: unknown): v is string => typeof v === 'string';
const isShaList = (v: unknown): v is string[] => Array.isArray(v) && v.every((f) => typeof f === 'string' && /^[0-9a-f]{40,64}$/.test(f));

/** The signals a line carries: the keys this version knows, with values of their type. */
function asSignals(value: unknown): LinkSignals | undefined {
  if (!isRecord(value)) return undefined;
  const o = value as Record<string, unknown>;
  const signals: LinkSignals = {};
  if (typeof o.files === 'string' && /^\d+\/\d+$/.test(o.files)) signals.files = o.files;
  if (typeof o.minutes === 'number' && Number.isFinite(o.minutes)) signals.minutes = o.minutes;
  if (typeof o.branch === 'boolean') signals.branch = o.branch;
  if (o.agent_commit === true) signals.agent_commit = true;
  return Object.keys(signals).length === 0 ? undefined : signals;
}

function orderedSignals(s: LinkSignals): LinkSignals {
  const o: LinkSignals = {};
  if (s.files !== undefined) o.files = s.files;
  if (s.minutes !== undefined) o.minutes = s.minutes;
  if (s.branch !== undefined) o.branch = s.branch;
  if (s.agent_commit) o.agent_commit = true;
  return o;
}

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
  if (!isRecord(o)) return null;
  const r = o as Record<string, unknown>;
  if (r.v !== RECORD_VERSION || typeof r.session !== 'string' || r.session === '') return null;
  if (typeof r.method !== 'string' || !(LINK_METHODS as readonly string[]).includes(r.method)) return null;
  const wrong =
    !isTime(r.linked_at) ||
    (r.confidence !== undefined && !isConfidence(r.confidence)) ||
    (r.linked_by !== undefined && !isText(r.linked_by)) ||
    (r.tool !== undefined && !isText(r.tool)) ||
    (r.from !== undefined && !isShaList(r.from));
  return {
    v: 1,
    session: r.session,
    method: r.method as LinkMethod,
    confidence: isConfidence(r.confidence) ? r.confidence : undefined,
    linked_at: isTime(r.linked_at) ? r.linked_at : '',
    linked_by: isText(r.linked_by) ? r.linked_by : undefined,
    tool: isText(r.tool) ? r.tool : undefined,
    from: isShaList(r.from) ? r.from : undefined,
    signals: asSignals(r.signals),
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
  if (r.signals !== undefined) o.signals = orderedSignals(r.signals);
  if (r.from !== undefined) o.from = r.from;
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

/**
 * Three-way merge of two copies of refs/notes/lore, record by record (CONTRACT §2).
 * git's own notes merges only know whole notes or whole lines: `cat_sort_uniq` would
 * bring back a link that a teammate unlinked. Against the merge base both can be told
 * apart: what one side added is kept, what one side removed and the other left alone
 * stays removed.
 */
import { better, formatNote, formatRecord, parseNote, type LinkRecord, type Note } from './record.js';

/** Annotated commit sha -> note text: every note of one notes commit. */
export type Notes = Map<string, string>;
/** What turns one Notes into another: the new text of a note, or null to remove it. */
export type NoteChanges = Map<string, string | null>;

export interface LinkCount {
  /** Links (one session on one commit) the other side gains. */
  added: number;
  /** Links the other side loses (unlinked here). */
  removed: number;
}

/** Three-way merge of one value, by equality: the side that changed wins. */
export function pick3<T>(base: T, ours: T, theirs: T, same: (a: T, b: T) => boolean): { value: T } | null {
  if (same(ours, theirs) || same(base, theirs)) return { value: ours };
  if (same(base, ours)) return { value: theirs };
  return null;
}

const sameRecord = (a: LinkRecord | undefined, b: LinkRecord | undefined) =>
  a === b || (a !== undefined && b !== undefined && formatRecord(a) === formatRecord(b));

/**
 * Both sides changed one session's record. A link beats its removal (nothing linked on
 * either side is lost); two versions go by the surer method, then the earlier link, as
 * parseNote does. That preference keeps the first of two ties, so ties are broken by the
 * line itself: both machines must merge to the same note.
 */
function resolveRecord(ours: LinkRecord | undefined, theirs: LinkRecord | undefined): LinkRecord | undefined {
  if (!ours || !theirs) return ours ?? theirs;
  const a = better(ours, theirs);
  if (a === better(theirs, ours)) return a;
  return formatRecord(ours) <= formatRecord(theirs) ? ours : theirs;
}

function mergeRecords(base: Note, ours: Note, theirs: Note): Map<string, LinkRecord> {
  const merged = new Map<string, LinkRecord>();
  for (const session of new Set([...ours.records.keys(), ...theirs.records.keys()])) {
    const b = base.records.get(session);
    const o = ours.records.get(session);
    const t = theirs.records.get(session);
    const decided = pick3(b, o, t, sameRecord);
    const r = decided ? decided.value : resolveRecord(o, t);
    if (r) merged.set(session, r);
  }
  return merged;
}

/** Lines lore does not understand merge as sets: added on either side kept, removed on one side gone. */
function mergeForeign(base: Note, ours: Note, theirs: Note): string[] {
  const inBase = new Set(base.foreign);
  const inOurs = new Set(ours.foreign);
  const inTheirs = new Set(theirs.foreign);
  const all = new Set([...ours.foreign, ...theirs.foreign]);
  return [...all].filter((line) => (inOurs.has(line) && inTheirs.has(line)) || !inBase.has(line));
}

function mergeNote(base: string | undefined, ours: string | undefined, theirs: string | undefined): string | undefined {
  const whole = pick3(base, ours, theirs, (a, b) => a === b);
  if (whole) return whole.value;
  const [b, o, t] = [parseNote(base ?? null), parseNote(ours ?? null), parseNote(theirs ?? null)];
  return formatNote({ records: mergeRecords(b, o, t), foreign: mergeForeign(b, o, t) }) ?? undefined;
}

/** The merged notes. A note only one side touched is taken as that side wrote it. */
export function mergeNotes(base: Notes, ours: Notes, theirs: Notes): Notes {
  const merged: Notes = new Map();
  for (const sha of new Set([...ours.keys(), ...theirs.keys()])) {
    const text = mergeNote(base.get(sha), ours.get(sha), theirs.get(sha));
    if (text !== undefined) merged.set(sha, text);
  }
  return merged;
}

/** The changes that turn `from` into `to`. */
export function diffNotes(from: Notes, to: Notes): NoteChanges {
  const changes: NoteChanges = new Map();
  for (const [sha, text] of to) if (from.get(sha) !== text) changes.set(sha, text);
  for (const sha of from.keys()) if (!to.has(sha)) changes.set(sha, null);
  return changes;
}

/** How many links a copy holding `from` gains and loses by becoming `to`. */
export function countLinks(from: Notes, to: Notes): LinkCount {
  const count: LinkCount = { added: 0, removed: 0 };
  for (const [sha, text] of diffNotes(from, to)) {
    const before = parseNote(from.get(sha) ?? null).records;
    const after = parseNote(text).records;
    for (const session of after.keys()) if (!before.has(session)) count.added++;
    for (const session of before.keys()) if (!after.has(session)) count.removed++;
  }
  return count;
}

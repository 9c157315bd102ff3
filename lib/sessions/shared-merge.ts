import { pick3 } from '../links/merge.js';
import { laterRecord } from './shared-record.js';

/** Path in refs/lore/sessions' tree -> the record's text. */
export type RecordFiles = Map<string, string>;

/**
 * The three-way merge of two record trees: a record only one side changed is taken as that
 * side has it; one both sides changed is the later shared (laterRecord). A record one side
 * removed and the other changed is kept: lore never removes a record, so nothing is lost.
 */
export function mergeRecordFiles(base: RecordFiles, ours: RecordFiles, theirs: RecordFiles): RecordFiles {
  const merged: RecordFiles = new Map();
  for (const path of new Set([...ours.keys(), ...theirs.keys()])) {
    const [o, t] = [ours.get(path), theirs.get(path)];
    const decided = pick3(base.get(path), o, t, (a, b) => a === b);
    const text = decided ? decided.value : o && t ? laterRecord(o, t) : (o ?? t);
    if (text !== undefined) merged.set(path, text);
  }
  return merged;
}

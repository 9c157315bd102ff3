import { fsCause, NO_ROOM_HINT } from '../file-fault.js';
import { LoreError } from '../errors.js';

const NO_ROOM = ['ENOSPC', 'EDQUOT', 'EFBIG'];

function hint(e: NodeJS.ErrnoException, access: 'readable' | 'writable'): string {
  if (NO_ROOM.includes(e.code ?? '')) return `${NO_ROOM_HINT} Nothing was recorded.`;
  return `Point LORE_HOME or the sessionIndex setting at a ${access} sessions.jsonl.`;
}

/** A failure to read the index, as a user error (a missing index is no failure: callers handle ENOENT). */
export function indexReadFault(path: string, e: unknown): LoreError {
  const err = e as NodeJS.ErrnoException;
  return new LoreError('INDEX_UNREADABLE', `cannot read the session index ${path}: ${fsCause(path, err)}`, hint(err, 'readable'));
}

/** A failure to append to the index, as a user error. */
export function indexWriteFault(path: string, e: unknown): LoreError {
  const err = e as NodeJS.ErrnoException;
  return new LoreError('INDEX_UNWRITABLE', `cannot write the session index ${path}: ${fsCause(path, err)}`, hint(err, 'writable'));
}

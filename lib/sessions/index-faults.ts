import { dirname } from 'node:path';
import { LoreError } from '../errors.js';

/** What a file-system failure on the index means to the person who has to fix it, and how. */
function cause(path: string, e: NodeJS.ErrnoException, access: 'readable' | 'writable'): { what: string; hint: string } {
  const where = `Point LORE_HOME or the sessionIndex setting at a ${access} sessions.jsonl.`;
  switch (e.code) {
    case 'EISDIR':
      return { what: 'it is a directory', hint: where };
    case 'ENOTDIR':
    case 'EEXIST':
      return { what: `${dirname(path)} is not a directory`, hint: where };
    case 'EACCES':
    case 'EPERM':
      return { what: 'permission denied', hint: where };
    case 'EROFS':
      return { what: 'the file system is read-only', hint: where };
    case 'ENOSPC':
    case 'EDQUOT':
      return { what: 'the disk is full', hint: 'Free some space, then run the command again; nothing was recorded.' };
    case 'EFBIG':
      return { what: 'the file is larger than this process may write', hint: 'Raise the file size limit (ulimit -f), then run the command again; nothing was recorded.' };
    default:
      return { what: e.message, hint: where };
  }
}

/** A failure to read the index, as a user error (a missing index is no failure: callers handle ENOENT). */
export function indexReadFault(path: string, e: unknown): LoreError {
  const { what, hint } = cause(path, e as NodeJS.ErrnoException, 'readable');
  return new LoreError('INDEX_UNREADABLE', `cannot read the session index ${path}: ${what}`, hint);
}

/** A failure to append to the index, as a user error. */
export function indexWriteFault(path: string, e: unknown): LoreError {
  const { what, hint } = cause(path, e as NodeJS.ErrnoException, 'writable');
  return new LoreError('INDEX_UNWRITABLE', `cannot write the session index ${path}: ${what}`, hint);
}

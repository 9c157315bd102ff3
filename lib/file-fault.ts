import { dirname } from 'node:path';
import { LoreError } from './errors.js';

/** The hint for a disk that is full or a file that may not grow: the fix is the user's. */
export const NO_ROOM_HINT = 'Free some space (or raise the file size limit, ulimit -f), then run the command again.';

/** errno codes, and libgit2's words for them (it reports strerror text, not codes). */
const NO_ROOM: [string, RegExp, string][] = [
  ['ENOSPC', /No space left on device/i, 'the disk is full'],
  ['EDQUOT', /Disk quota exceeded/i, 'the disk quota is used up'],
  ['EFBIG', /File too large/i, 'the file is larger than this process may write'],
];

/** What a file-system failure on `path` means, in words for the person who must fix it. */
export function fsCause(path: string, e: NodeJS.ErrnoException): string {
  const room = NO_ROOM.find(([code]) => code === e.code);
  if (room) return room[2];
  switch (e.code) {
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
    case 'EEXIST':
      return `${dirname(path)} is not a directory`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return e.message;
  }
}

/**
 * A failure no bug causes, that the user fixes outside lore: a full disk, a file-size
 * limit, a quota, from node (an errno code) or from libgit2 (its message). null for
 * anything else, which stays a bug.
 */
export function noRoomFault(e: unknown, path?: string): LoreError | null {
  const err = e as NodeJS.ErrnoException | undefined;
  const message = String(err?.message ?? '');
  const room = NO_ROOM.find(([code, words]) => err?.code === code || words.test(message));
  if (!room) return null;
  const file = path ?? err?.path;
  // libgit2 says what it was doing before the colon: "failed to write out file: File too large".
  const where = file ? `cannot write ${file}` : err?.code ? 'cannot write a file' : message.replace(/:[^:]*$/, '');
  return new LoreError('NO_ROOM', `${where}: ${room[2]}; nothing was changed`, NO_ROOM_HINT);
}

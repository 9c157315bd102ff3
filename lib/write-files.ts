import { chmodSync, existsSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { noRoomFault } from './file-fault.js';

export interface FileWrite {
  path: string;
  text: string;
  /** For a file that is created (umask applies); a file that exists keeps its own. */
  mode?: number;
}

/**
 * Writes every file, or none: each new text goes to a temporary file beside the file first,
 * and only when all are written are they renamed into place. A full disk thus leaves no
 * half-written hook or settings file, and no hook without its partner. A symlinked file
 * is written at its target, so the link stays, and an existing file keeps its mode.
 */
export function writeFilesOrNone(writes: FileWrite[]): void {
  const staged: { tmp: string; target: string }[] = [];
  let current = '';
  try {
    for (const w of writes) {
      current = w.path;
      mkdirSync(dirname(w.path), { recursive: true });
      const target = existsSync(w.path) ? realpathSync(w.path) : w.path;
      const kept = existsSync(target) ? statSync(target).mode & 0o7777 : undefined;
      const tmp = `${target}.lore-${process.pid}.tmp`;
      staged.push({ tmp, target });
      writeFileSync(tmp, w.text, { mode: kept ?? w.mode });
      if (kept !== undefined) chmodSync(tmp, kept);
    }
  } catch (e) {
    for (const { tmp } of staged) {
      try {
        unlinkSync(tmp);
      } catch {
        // Never written: nothing to take back.
      }
    }
    throw noRoomFault(e, current) ?? e;
  }
  for (const { tmp, target } of staged) renameSync(tmp, target);
}

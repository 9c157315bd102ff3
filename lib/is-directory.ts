import { statSync } from 'node:fs';

/** Whether `path` is a directory (symlinks followed); false when it is missing or unreadable. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Failures a user can cause and fix. Each has a code for scripts and tests,
 * and an optional hint printed on the line after `Error: <message>`.
 * Anything that is not a LoreError is a bug and is reported as one.
 */
export type ErrorCode =
  | 'NOT_A_REPO'
  | 'NO_COMMITS'
  | 'UNKNOWN_REF'
  | 'NOT_A_COMMIT'
  | 'UNKNOWN_SESSION'
  | 'AMBIGUOUS_SESSION'
  | 'INDEX_UNREADABLE'
  | 'INDEX_UNWRITABLE'
  | 'NO_ROOM'
  | 'NO_IDENTITY'
  | 'BAD_ARGUMENT'
  | 'NOTES_BUSY'
  | 'NOTES_LOCKED'
  | 'NOTES_CORRUPT'
  | 'BAD_CONFIG'
  | 'UNKNOWN_REMOTE'
  | 'REMOTE_FAILED'
  | 'BELOW_MINIMUM'
  | 'PROBLEMS_FOUND'
  | 'NATIVE_MISMATCH';

export class LoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'LoreError';
  }
}

export function isLoreError(e: unknown): e is LoreError {
  return e instanceof LoreError;
}

/**
 * The user stopped a command (Ctrl-C) at a point where what it wrote is whole. Not an
 * error: the message says what was done, and the exit code is the shell's for SIGINT.
 */
export class Interrupted extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Interrupted';
  }
}

import type { Io } from '../../lib/io.js';

/** An Io that keeps what a command printed, for tests that call commands in-process. */
export function recordingIo(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), ask: async () => null, isTTY: false }, out, err };
}

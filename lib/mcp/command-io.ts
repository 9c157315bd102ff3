import type { z } from 'zod';
import type { Io } from '../io.js';

/** Where the server's own messages go: standard error, since standard output carries the protocol. */
export type Log = (line: string) => void;

/** What every tool needs: the directory the server serves (relative paths start there) and its log. */
export interface ToolContext {
  dir: string;
  log: Log;
  /**
   * The boundary of what the tools tell: sessions whose directory is inside it, commits of
   * its repository (the top of the repository the server serves, or that directory
   * outside one). null with --all-repos: every session of the index.
   */
  scope: string | null;
}

/**
 * The Io a command gets inside the server: warnings (a malformed index line, say) go to
 * `log`, never to standard output, and no question waits for an answer: none is the
 * safe one (CONTRACT §3).
 */
export function serverIo(log: Log, out: (line: string) => void = log): Io {
  return { out, err: log, ask: async () => null, isTTY: false };
}

/**
 * Runs a command with `json: true` in-process and returns what it printed, parsed and
 * checked against `schema`. The CLI and the MCP tools thus share one implementation
 * of each read, and a tool answers exactly what `--json` prints.
 */
export async function commandJson<S extends z.ZodTypeAny>(schema: S, log: Log, run: (io: Io) => Promise<void>): Promise<z.output<S>> {
  const printed: string[] = [];
  await run(serverIo(log, (line) => void printed.push(line)));
  return schema.parse(JSON.parse(printed.join('\n')));
}

import type { Progress } from '../io.js';

/** Where a warning goes while a command runs (a malformed index line, say). */
export type Warn = (line: string) => void;

/**
 * What a command may need from whoever runs it, besides its options. A command returns
 * its result as data and prints nothing: the CLI renders it, `--json` is it, and the MCP
 * server returns it as it is. A command that asks first is two calls, its plan and its
 * apply, and the asking is the CLI's, between them.
 */
export interface CommandDeps {
  warn: Warn;
  /** A progress line showing `text`; one that shows nothing where none can be drawn. */
  progress(text: string): Promise<Progress>;
}

/** The deps of a command run where nobody watches (the MCP server): warnings to `log`, no progress line. */
export function quietDeps(log: (line: string) => void): CommandDeps {
  return { warn: log, progress: async () => ({ update() {}, stop() {} }) };
}

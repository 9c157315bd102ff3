/**
 * Everything a command says or asks goes through an Io, so commands never touch
 * process.std* directly and tests can drive them in-process. The process's Io
 * (lib/cli/io.ts) is where output is made safe for a terminal, once for every command.
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Prints the question and reads one line of answer; null at end of input. */
  ask(question: string): Promise<string | null>;
  /** Whether stdout is a terminal (spinners and colour only then). */
  isTTY: boolean;
  /** A progress line (a spinner) showing `text`, where this Io can draw one. */
  progress?(text: string): Promise<Progress>;
}

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

/** The Io's progress line, or one that shows nothing (pipes, CI, tests, the MCP server). */
export function startProgress(io: Io, text: string): Promise<Progress> {
  return io.progress ? io.progress(text) : Promise.resolve(silent);
}

/** The y/N question of CONTRACT §3: only `y` or `yes`, in any case, says yes. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  const answer = await io.ask(question);
  return answer !== null && /^(y|yes)$/i.test(answer.trim());
}

/**
 * What a session was, as its agent's own log tells it: what the user asked, what was said
 * and done, which files changed. Read on demand by `lore show`, never kept in the index:
 * the log is the record, and it may hold what must not leave the machine.
 */
export interface Turn {
  role: 'user' | 'assistant' | 'tool';
  /** The words; for a tool call, one line: the tool and what it acted on. */
  text: string;
}

export interface SessionContext {
  /** The user's prompts, whole, in order; context the tool sent as the user is left out. */
  prompts: string[];
  files: string[];
  model?: string;
  startedAt?: number;
  endedAt?: number;
  turns: Turn[];
}

/** A tool call as one line: its name and the first of the inputs that say what it acted on. */
export function toolLine(name: string, input: Record<string, unknown> | undefined, keys: string[]): string {
  for (const key of keys) {
    const v = input?.[key];
    const text = typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(' ') : '';
    const first = text.trim().split('\n')[0];
    if (first) return `${name} ${first}`;
  }
  return name;
}

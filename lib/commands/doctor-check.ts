/** One line of `lore doctor`'s report; `fix` is the command that resolves it, when there is one. */
export type CheckStatus = 'ok' | 'warn' | 'problem';

export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

export const ok = (name: string, detail: string): Check => ({ name, status: 'ok', detail });

export function warn(name: string, detail: string, fix?: string): Check {
  return fix === undefined ? { name, status: 'warn', detail } : { name, status: 'warn', detail, fix };
}

export const problem = (name: string, detail: string, fix: string): Check => ({ name, status: 'problem', detail, fix });

/** A word of a fix command, quoted only when the shell would split or expand it. */
export function shellArg(s: string): string {
  return /^[\w.:@%+=/-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

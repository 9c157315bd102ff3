import type { ContextResult } from '../sessions/context/read-context.js';

/** What `lore show` returns of the session's own log (lib/sessions/context/), as its --json has it. */

export function minutesOf(c: { startedAt?: number; endedAt?: number }): number | undefined {
  return c.startedAt === undefined || c.endedAt === undefined ? undefined : Math.round((c.endedAt - c.startedAt) / 60_000);
}

/** A `context` key only for a session with a log: the JSON of one without stays as it was. */
export function contextJson(r: ContextResult, full: boolean) {
  if (r.kind === 'no-log') return {};
  if (r.kind === 'gone') return { context: { log: r.log, log_found: false } };
  const c = r.context;
  const conversation = full ? { conversation: c.turns } : {};
  return { context: { log_found: true, model: c.model ?? null, minutes: minutesOf(c) ?? null, prompts: c.prompts, files_edited: c.files, ...conversation } };
}

/** The same for `lore show --commit --json`, under `context`: only for a session with a log, as `lore show <SESSION>` does. */
export function commitContextJson(r: ContextResult) {
  if (r.kind === 'no-log') return {};
  if (r.kind === 'gone') return { context: { log: r.log, log_found: false } };
  const c = r.context;
  return { context: { log_found: true, model: c.model ?? null, first_prompt: c.prompts[0] ?? null, prompt_count: c.prompts.length, files_edited: c.files } };
}

import { isoSeconds } from '../time.js';
import { isLoreError } from '../errors.js';
import { readAllRecords, readRecordsAt } from '../git/session-records.js';
import { findSession, matchesAnyPrefix, normalisePrefix } from '../sessions/lookup.js';
import type { Session } from '../sessions/session.js';
import { recordPath, shareableId } from '../sessions/shared-record.js';
import { parseSharedSession, sharedAsSession, type SharedSession } from '../sessions/shared-session.js';

/**
 * The sessions teammates shared (refs/lore/sessions), for the commands that show a session
 * the local index does not have: the index wins whenever it knows the id.
 */

/**
 * The shared records of these ids that exist and can be read, by the id as asked. A record is
 * filed under its id lowercased (share-records.ts), whatever case the index keeps (Amp's `T-…`).
 */
export async function sharedSessionsOf(gitDir: string, ids: Iterable<string>): Promise<Map<string, SharedSession>> {
  const wanted = [...new Set(ids)].map((id) => ({ id, key: id.toLowerCase() })).filter(({ key }) => shareableId(key));
  const texts = await readRecordsAt(gitDir, wanted.map(({ key }) => recordPath(key)));
  const out = new Map<string, SharedSession>();
  wanted.forEach(({ id, key }, i) => {
    const r = texts[i] === null ? null : parseSharedSession(texts[i]!);
    if (r && r.id === key) out.set(id, r);
  });
  return out;
}

/** Every shared record that can be read and is filed where its id says. */
export async function allSharedSessions(gitDir: string): Promise<SharedSession[]> {
  return [...(await readAllRecords(gitDir))].flatMap(([path, text]) => {
    const r = parseSharedSession(text);
    return r && recordPath(r.id) === path ? [r] : [];
  });
}

/** Who shared it, when and at which level, for --json. */
export function sharedJson(r: SharedSession) {
  return { by: r.sharedBy ?? null, at: r.sharedAt === undefined ? null : isoSeconds(r.sharedAt), level: r.share };
}

/** A shared session in show's JSON: the keys of an indexed one (no directory: it is the teammate's), and `shared`. */
export function sharedSummaryJson(r: SharedSession) {
  return {
    id: r.id,
    tool: r.tool ?? null,
    title: r.title ?? null,
    started_at: r.startedAt === undefined ? null : isoSeconds(r.startedAt),
    ended_at: r.endedAt === undefined ? null : isoSeconds(r.endedAt),
    branch: r.branch ?? null,
    cwd: null,
    in_index: false,
    files: r.files,
    shared: sharedJson(r),
  };
}

/** What a record says of the session's log, under `context` as for a local log; there is none to find. */
export function sharedContextJson(r: SharedSession) {
  return { context: { log_found: false, model: r.model ?? null, first_prompt: r.prompts?.[0] ?? null, prompt_count: r.promptCount ?? r.prompts?.length ?? null, files_edited: r.files } };
}

/**
 * The session `resolve` (the index, then the notes) finds, with its shared record when the
 * index lacks it; failing both, the shared record a prefix names. A record confirms its id
 * as an index entry does, so a prefix of one is taken (and is ambiguous as in the index).
 */
export async function resolveWithShared<T extends { id: string; session?: Session }>(
  gitDir: string | undefined,
  prefix: string,
  resolve: () => Promise<T>,
): Promise<{ id: string; session?: Session; record?: SharedSession }> {
  let found: T;
  try {
    found = await resolve();
  } catch (e) {
    if (gitDir === undefined || !isLoreError(e) || e.code !== 'UNKNOWN_SESSION' || normalisePrefix(prefix) === '') throw e;
    const records = new Map((await allSharedSessions(gitDir)).map((r) => [r.id, r]));
    const matches = [...records.keys()].filter(matchesAnyPrefix([prefix]));
    if (matches.length === 0) throw e;
    const { id } = findSession(new Map(matches.map((m) => [m, sharedAsSession(records.get(m)!)])), prefix);
    return { id, record: records.get(id) };
  }
  if (found.session !== undefined || gitDir === undefined) return found;
  return { ...found, record: (await sharedSessionsOf(gitDir, [found.id])).get(found.id) };
}

/** What `lore show <SESSION> --json` says of a shared session's prompts: those shared, and how many there were. */
export function sharedSessionContextJson(r: SharedSession) {
  const minutes = r.startedAt === undefined || r.endedAt === undefined ? null : Math.round((r.endedAt - r.startedAt) / 60_000);
  return { context: { log_found: false, model: r.model ?? null, minutes, prompts: r.prompts ?? [], prompt_count: r.promptCount ?? r.prompts?.length ?? null, files_edited: r.files } };
}

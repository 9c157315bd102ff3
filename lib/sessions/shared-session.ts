import type { SessionContext } from './context/context.js';
import { normaliseId, type Session } from './session.js';

/**
 * A session as a teammate shared it: one record of refs/lore/sessions (README, "Session
 * records"), read tolerantly. A record is `{"version":1,"id","tool","model","started_at",
 * "ended_at","branch","files":[repository-relative],"prompt_count","title","prompts"?,
 * "share","shared_by","shared_at"}`; a file of another version or shape is not one.
 */
export interface SharedSession {
  id: string;
  tool?: string;
  model?: string;
  startedAt?: number;
  endedAt?: number;
  branch?: string;
  files: string[];
  promptCount?: number;
  title?: string;
  /** Only at share level `prompts`. */
  prompts?: string[];
  share: string;
  sharedBy?: string;
  sharedAt?: number;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const time = (v: unknown) => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};
const texts = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

export function parseSharedSession(json: string): SharedSession | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (o.version !== 1 || text(o.id) === undefined || text(o.share) === undefined) return null;
  const count = o.prompt_count;
  return {
    id: normaliseId(o.id as string),
    tool: text(o.tool),
    model: text(o.model),
    startedAt: time(o.started_at),
    endedAt: time(o.ended_at),
    branch: text(o.branch),
    files: texts(o.files) ?? [],
    promptCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined,
    title: text(o.title),
    prompts: texts(o.prompts),
    share: o.share as string,
    sharedBy: text(o.shared_by),
    sharedAt: time(o.shared_at),
  };
}

/** What the index would say of it, for the rows `lore show` prints; no directory (it is the teammate's). */
export function sharedAsSession(r: SharedSession): Session {
  return {
    id: r.id,
    tool: r.tool,
    title: r.title,
    branch: r.branch,
    branches: r.branch === undefined ? [] : [r.branch],
    startedAt: r.startedAt,
    endedAt: r.endedAt ?? null,
    files: r.files,
  };
}

/** What its log would say: the prompts it shared (none at level summary), files and model; no conversation. */
export function sharedAsContext(r: SharedSession): SessionContext {
  return { prompts: r.prompts ?? [], files: r.files, model: r.model, startedAt: r.startedAt, endedAt: r.endedAt, turns: [] };
}

import type { SessionContext } from './context/context.js';
import { normaliseId, type Session } from './session.js';
import { parseSharedRecord, type ShareLevel } from './shared-record.js';

/**
 * A session as a teammate shared it: one record of refs/lore/sessions (./shared-record.ts
 * reads the file), with times as numbers and names as the index's, for the commands that
 * show a session the local index lacks.
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
  share: ShareLevel;
  sharedBy?: string;
  sharedAt?: number;
}

const time = (v: string | undefined) => {
  const ms = v === undefined ? NaN : Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
};

/** A record file's text as the commands show it; null when it is not a record lore reads. */
export function parseSharedSession(json: string): SharedSession | null {
  const r = parseSharedRecord(json);
  if (r === null) return null;
  return {
    id: normaliseId(r.id),
    tool: r.tool,
    model: r.model,
    startedAt: time(r.started_at),
    endedAt: time(r.ended_at),
    branch: r.branch,
    files: r.files ?? [],
    promptCount: r.prompt_count,
    title: r.title,
    prompts: r.prompts,
    share: r.share,
    sharedBy: r.shared_by,
    sharedAt: time(r.shared_at),
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

import { redact } from '../redact/redact.js';
import { isoSeconds } from '../time.js';
import type { SessionContext } from './context/context.js';
import type { Session } from './session.js';
import { SHARED_RECORD_VERSION, type ShareLevel, type SharedRecord } from './shared-record.js';

/** A title is a line, as `lore sessions` shows one: a long first prompt is cut. */
const TITLE_MAX = 100;

const iso = (ms: number | null | undefined) => (typeof ms === 'number' && Number.isFinite(ms) ? isoSeconds(ms) : undefined);

function titleFrom(text: string | undefined): string | undefined {
  const line = text?.split('\n').map((l) => l.trim()).find((l) => l !== '');
  if (line === undefined) return undefined;
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
}

export interface RecordInput {
  session: Session;
  /** What the session's log says; absent when the log is unknown or gone. */
  context?: SessionContext;
  /** The files it edited, repository-relative. */
  files: string[];
  level: ShareLevel;
  sharedBy?: string;
  now: number;
}

/**
 * The record of a session at a share level, every text in it redacted. The index speaks
 * for the times, branch and title; the log adds the model, the prompts and their number.
 * The title is redacted before it is cut, so a cut never leaves half a secret behind.
 */
export function buildSharedRecord(input: RecordInput): SharedRecord {
  const { session: s, context: ctx, level } = input;
  const text = (v: string | undefined) => (v === undefined ? undefined : redact(v));
  const files = [...new Set(input.files.map((f) => redact(f)))].sort();
  return {
    version: SHARED_RECORD_VERSION,
    id: s.id.toLowerCase(),
    tool: text(s.tool),
    model: text(ctx?.model),
    started_at: iso(s.startedAt ?? ctx?.startedAt),
    ended_at: iso(s.endedAt),
    branch: text(s.branch),
    files: files.length > 0 ? files : undefined,
    prompt_count: ctx?.prompts.length,
    title: titleFrom(redact(s.title ?? ctx?.prompts[0] ?? '')),
    prompts: level === 'prompts' && ctx ? ctx.prompts.map((p) => redact(p)) : undefined,
    share: level,
    shared_by: input.sharedBy,
    shared_at: iso(input.now)!,
  };
}

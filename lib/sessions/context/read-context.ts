import { readFileSync, statSync } from 'node:fs';
import type { Session } from '../session.js';
import { claudeCodeContext } from './claude-code.js';
import { codexContext } from './codex.js';
import type { SessionContext } from './context.js';
import { importerContext } from './documents.js';
import { importerOf } from '../importers/all.js';

/** A session's context, or why there is none: no log known, or the log is gone. */
export type ContextResult = { kind: 'read'; context: SessionContext } | { kind: 'no-log' } | { kind: 'gone'; log: string };

export function readSessionContext(s: Session): ContextResult {
  if (s.log === undefined) return { kind: 'no-log' };
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(s.log, 'utf8');
    mtimeMs = statSync(s.log).mtimeMs;
  } catch {
    return { kind: 'gone', log: s.log };
  }
  const context =
    s.tool === 'claude-code' ? claudeCodeContext(text, s.log)
    : s.tool === 'codex' ? codexContext(text, s.log, mtimeMs)
    : contextOf(s, s.log, text, mtimeMs);
  return context === undefined ? { kind: 'no-log' } : { kind: 'read', context };
}

/** Other tools' logs through their importers: what an import reads of them. */
function contextOf(s: Session, log: string, text: string, mtimeMs: number): SessionContext | undefined {
  const importer = importerOf(s.tool);
  return importer && importerContext(importer, text, log, s.id, mtimeMs);
}

import { readFileSync, statSync } from 'node:fs';
import type { Session } from '../session.js';
import { claudeCodeContext } from './claude-code.js';
import { codexContext } from './codex.js';
import type { SessionContext } from './context.js';
import { documentContext } from './documents.js';

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
    : s.tool === 'gemini-cli' || s.tool === 'aider' ? documentContext(s.tool, text, s.log, s.id, mtimeMs)
    : undefined;
  return context === undefined ? { kind: 'no-log' } : { kind: 'read', context };
}

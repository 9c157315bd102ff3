import type { Importer } from '../importers/importer.js';
import { titleOf } from '../importers/progress.js';
import type { SessionContext } from './context.js';

/**
 * A log read through its importer (Gemini CLI, Aider, Cursor, Copilot CLI, Amp): what that
 * reads (the first prompt, the files, the times) and no conversation yet. An Aider history
 * holds many runs, so the session's id picks its own.
 */
export function importerContext(importer: Importer, text: string, path: string, id: string, mtimeMs: number): SessionContext | undefined {
  const log = { path, mtimeMs };
  const ctx = { env: {}, home: '', cwd: '', knownDirs: [] };
  const sessions = importer.shape === 'document' ? importer.readDocument(text, log, ctx).sessions : [importer.readLines(text.split('\n'), undefined, log, ctx).progress];
  const p = sessions.find((s) => s.id === id) ?? (sessions.length === 1 ? sessions[0] : undefined);
  if (!p) return undefined;
  const first = p.firstPrompt ?? (importer.tool === 'aider' ? undefined : titleOf(p));
  return { prompts: first === undefined ? [] : [first], files: p.files, startedAt: p.startedAt, endedAt: p.endedAt, turns: [] };
}

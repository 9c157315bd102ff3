import { aiderRuns } from '../importers/aider.js';
import type { Importer } from '../importers/importer.js';
import { titleOf } from '../importers/progress.js';
import { aiderConversation } from './aider.js';
import type { SessionContext } from './context.js';
import { geminiConversation } from './gemini-cli.js';
import { ampConversation, copilotConversation, cursorConversation } from './tool-logs.js';

/**
 * A log read through its importer (Gemini CLI, Aider, Cursor, Copilot CLI, Amp): the files
 * and times as it reads them; the model, prompts and conversation from ./gemini-cli.ts,
 * ./aider.ts and ./tool-logs.ts; for a tool without one, the first prompt alone. An Aider
 * history holds many runs, so the session's id picks its own.
 */
export function importerContext(importer: Importer, text: string, path: string, id: string, mtimeMs: number): SessionContext | undefined {
  const log = { path, mtimeMs };
  const ctx = { env: {}, home: '', cwd: '', knownDirs: [] };
  const sessions = importer.shape === 'document' ? importer.readDocument(text, log, ctx).sessions : [importer.readLines(text.split('\n'), undefined, log, ctx).progress];
  const at = sessions.length === 1 ? 0 : sessions.findIndex((s) => s.id === id);
  if (at === -1) return undefined;
  const p = sessions[at];
  const known = { files: p.files, startedAt: p.startedAt, endedAt: p.endedAt };
  // The importer reads a history's runs in order, one session each: the same index picks the run.
  if (importer.tool === 'aider') return { ...aiderConversation(aiderRuns(text)[at]?.body ?? ''), ...known };
  if (importer.tool === 'gemini-cli') return { ...geminiConversation(text), ...known };
  if (importer.tool === 'cursor') return { ...cursorConversation(text), ...known };
  if (importer.tool === 'copilot-cli') return { ...copilotConversation(text), ...known };
  if (importer.tool === 'amp') return { ...ampConversation(text), ...known };
  const first = p.firstPrompt ?? titleOf(p);
  return { prompts: first === undefined ? [] : [first], ...known, turns: [] };
}

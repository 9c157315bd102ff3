import { aider, aiderRuns } from '../importers/aider.js';
import { geminiCli } from '../importers/gemini-cli.js';
import type { DocumentImporter } from '../importers/importer.js';
import { aiderConversation } from './aider.js';
import type { SessionContext } from './context.js';
import { geminiConversation } from './gemini-cli.js';

/**
 * Gemini CLI chats and Aider histories: the files and times as their importers read them,
 * the model, prompts and conversation from ./gemini-cli.ts and ./aider.ts. An Aider history
 * holds many runs, so the session's id picks its own.
 */
export function documentContext(tool: 'gemini-cli' | 'aider', text: string, path: string, id: string, mtimeMs: number): SessionContext | undefined {
  const importer: DocumentImporter = tool === 'aider' ? aider : geminiCli;
  const { sessions } = importer.readDocument(text, { path, mtimeMs }, { env: {}, home: '', cwd: '', knownDirs: [] });
  const at = sessions.length === 1 ? 0 : sessions.findIndex((s) => s.id === id);
  if (at === -1) return undefined;
  const p = sessions[at];
  // The importer reads the runs in order, one session each: the same index picks the run.
  const talk = tool === 'aider' ? aiderConversation(aiderRuns(text)[at]?.body ?? '') : geminiConversation(text);
  return { ...talk, files: p.files, startedAt: p.startedAt, endedAt: p.endedAt };
}

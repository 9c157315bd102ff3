import { aider } from '../importers/aider.js';
import { geminiCli } from '../importers/gemini-cli.js';
import type { DocumentImporter } from '../importers/importer.js';
import { titleOf } from '../importers/progress.js';
import type { SessionContext } from './context.js';

/**
 * Gemini CLI chats and Aider histories, through their importers: what those read (the
 * first prompt, the files, the times) and no conversation yet. An Aider history holds
 * many runs, so the session's id picks its own.
 */
export function documentContext(tool: 'gemini-cli' | 'aider', text: string, path: string, id: string, mtimeMs: number): SessionContext | undefined {
  const importer: DocumentImporter = tool === 'aider' ? aider : geminiCli;
  const { sessions } = importer.readDocument(text, { path, mtimeMs }, { env: {}, home: '', cwd: '', knownDirs: [] });
  const p = sessions.find((s) => s.id === id) ?? (sessions.length === 1 ? sessions[0] : undefined);
  if (!p) return undefined;
  const first = p.firstPrompt ?? (tool === 'aider' ? undefined : titleOf(p));
  return { prompts: first === undefined ? [] : [first], files: p.files, startedAt: p.startedAt, endedAt: p.endedAt, turns: [] };
}

import { basename, join } from 'node:path';
import { findLogFiles } from './find-logs.js';
import type { DocumentImporter, DocumentResult, ImportContext } from './importer.js';
import { dirOfHash } from './project-dir.js';
import { addFile, asRecord, eachObject, newProgress, oneLine, promptTitle, seeTime, type LogProgress } from './progress.js';

/**
 * Gemini CLI chats: `~/.gemini/tmp/<project hash>/chats/session-<time>-<id>.json`
 * (`$GEMINI_CLI_HOME/.gemini` when set). The older form is one JSON document
 * {sessionId, projectHash, startTime, lastUpdated, summary?, messages[]}, rewritten
 * on every message; the newer `.jsonl` form has the same fields, the session's on a
 * line of their own and one message a line. Messages are {id, timestamp, type
 * (user, gemini, info, error), content (text or parts), toolCalls?[{name, args,
 * status}]}. No cwd is logged: the project hash is the sha256 of the directory.
 */

/** The tools that change a file; read_file and the like are not edits. */
const EDIT_TOOLS = new Set(['replace', 'write_file', 'edit', 'smart_edit']);
/** Argument names that carry an absolute path, evidence for the project directory. */
const PATH_ARGS = ['file_path', 'absolute_path', 'path', 'dir_path'];
/** A call that failed or was cancelled changed nothing. */
const NOT_DONE = new Set(['error', 'cancelled']);

const isChat = (name: string, dir: string) => basename(dir) === 'chats' && /^session-.*\.jsonl?$/.test(name);

export const geminiCli: DocumentImporter = {
  tool: 'gemini-cli',
  shape: 'document',
  defaultDir: (ctx) => join(ctx.env.GEMINI_CLI_HOME || ctx.home, '.gemini', 'tmp'),
  findLogs: (dir) => findLogFiles(dir, isChat),
  readDocument: (text, _log, ctx) => readGeminiChat(text, ctx),
};

interface Chat {
  p: LogProgress;
  projectHash?: string;
  paths: string[];
}

/** One chat in either form. Never throws. */
export function readGeminiChat(text: string, ctx: Pick<ImportContext, 'knownDirs'>): DocumentResult {
  const chat: Chat = { p: newProgress('gemini-cli'), paths: [] };
  const malformed = eachGeminiRecord(text, (fields) => readSessionFields(chat, fields), (message) => readMessage(chat, message));
  const { p } = chat;
  if (chat.projectHash !== undefined) p.cwd = dirOfHash(chat.projectHash, ctx.knownDirs, chat.paths);
  return { sessions: p.id === undefined ? [] : [p], malformed };
}

/** The session's fields and each message of a chat in either form, in order; returns how many records were unreadable. */
export function eachGeminiRecord(text: string, onFields: (fields: Record<string, unknown>) => void, onMessage: (m: Record<string, unknown>) => void): number {
  const whole = wholeDocument(text);
  if (!whole) {
    return eachObject(text.split('\n'), (line) => {
      // A `$set` line updates the session's fields, as its first line set them.
      const fields = asRecord(line.$set) ?? line;
      if (typeof fields.sessionId === 'string' || fields.lastUpdated !== undefined) onFields(fields);
      else onMessage(line);
    });
  }
  onFields(whole);
  let malformed = 0;
  for (const m of Array.isArray(whole.messages) ? whole.messages : []) {
    const message = asRecord(m);
    if (message) onMessage(message);
    else malformed++;
  }
  return malformed;
}

/** The older form: the whole file is one object; undefined for JSON Lines or text that is not JSON. */
function wholeDocument(text: string): Record<string, unknown> | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{')) return undefined;
  try {
    return asRecord(JSON.parse(t));
  } catch {
    return undefined;
  }
}

function readSessionFields(chat: Chat, fields: Record<string, unknown>): void {
  const { p } = chat;
  if (p.id === undefined && typeof fields.sessionId === 'string' && fields.sessionId !== '') {
    p.id = newProgress('gemini-cli', fields.sessionId).id;
    p.main = true;
  }
  if (typeof fields.projectHash === 'string' && fields.projectHash !== '') chat.projectHash = fields.projectHash;
  seeTime(p, fields.startTime);
  seeTime(p, fields.lastUpdated);
  if (typeof fields.summary === 'string') p.summaryTitle = oneLine(fields.summary) ?? p.summaryTitle;
}

function readMessage(chat: Chat, m: Record<string, unknown>): void {
  const { p } = chat;
  seeTime(p, m.timestamp);
  if (m.type === 'user' && p.firstPrompt === undefined) {
    p.firstPrompt = promptTitle(userWords(m.content), (t) => t.startsWith('/'));
  }
  for (const c of Array.isArray(m.toolCalls) ? m.toolCalls : []) {
    const call = asRecord(c);
    const args = asRecord(call?.args);
    if (!call || !args) continue;
    seeTime(p, call.timestamp);
    for (const key of PATH_ARGS) if (typeof args[key] === 'string') chat.paths.push(args[key]);
    if (typeof call.name === 'string' && EDIT_TOOLS.has(call.name) && !NOT_DONE.has(String(call.status))) addFile(p, args.file_path);
  }
}

/** `@file` references are sent inline after this marker; they are not the prompt. */
export function userWords(content: unknown): string {
  return contentText(content).split('--- Content from referenced files ---')[0];
}

export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      const text = asRecord(part)?.text;
      return typeof text === 'string' ? text : '';
    })
    .join(' ');
}

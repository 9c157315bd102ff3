import { basename, join } from 'node:path';
import { findLogFiles } from './find-logs.js';
import type { DocumentImporter, DocumentResult } from './importer.js';
import { addFile, asRecord, newProgress, normaliseLogPath, oneLine, promptTitle, seeTime, type LogProgress } from './progress.js';

/**
 * Amp threads: `$XDG_DATA_HOME/amp/threads/T-<id>.json` (`~/.local/share/amp/threads`),
 * one JSON document per thread, rewritten as it goes: {id, created (epoch ms), title?,
 * env.initial.trees[{uri (file:// of the directory), repository.ref}], messages[{role,
 * content[], meta.sentAt?, usage.timestamp?}]}. Tool calls are `tool_use` blocks
 * {id, name, input.path}; their outcome is a later `tool_result` {toolUseID, run.status}.
 */

/** The tools that change a file; Read, Grep and the like are not edits. */
const EDIT_TOOLS = new Set(['edit_file', 'create_file', 'undo_edit']);
/** A call whose result says it ran; one that failed, was rejected or cancelled changed nothing. */
const DONE = 'done';

const isThread = (name: string) => /^T-.+\.json$/.test(name);

export const amp: DocumentImporter = {
  tool: 'amp',
  shape: 'document',
  defaultDir: (ctx) => join(ctx.env.XDG_DATA_HOME || join(ctx.home, '.local', 'share'), 'amp', 'threads'),
  findLogs: (dir) => findLogFiles(dir, isThread),
  readDocument: (text, log) => readAmpThread(text, basename(log.path, '.json')),
};

/** One thread; a document that is not a thread is one malformed document. Never throws. */
export function readAmpThread(text: string, idFromPath?: string): DocumentResult {
  let thread: Record<string, unknown> | undefined;
  try {
    thread = asRecord(JSON.parse(text));
  } catch {
    thread = undefined;
  }
  const messages = thread?.messages;
  if (!thread || !Array.isArray(messages)) return { sessions: [], malformed: 1 };
  const id = typeof thread.id === 'string' && thread.id !== '' ? thread.id : idFromPath;
  const p = newProgress('amp', id);
  p.main = true;
  if (typeof thread.created === 'number') seeEpoch(p, thread.created);
  if (typeof thread.title === 'string') p.summaryTitle = oneLine(thread.title);
  readTree(p, thread.env);
  let malformed = 0;
  const edits = new Map<string, unknown>();
  const done = new Set<string>();
  for (const m of messages) {
    const message = asRecord(m);
    if (!message) {
      malformed++;
      continue;
    }
    readMessage(p, message, edits, done);
  }
  for (const [callId, path] of edits) if (done.has(callId)) addFile(p, path);
  return { sessions: p.id === undefined ? [] : [p], malformed };
}

/** The first tree the thread started in is its cwd; its ref, its branch. */
function readTree(p: LogProgress, env: unknown): void {
  const trees = asRecord(asRecord(env)?.initial)?.trees;
  const tree = Array.isArray(trees) ? asRecord(trees[0]) : undefined;
  if (typeof tree?.uri === 'string' && tree.uri.startsWith('file://')) p.cwd = normaliseLogPath(tree.uri);
  const ref = asRecord(tree?.repository)?.ref;
  if (typeof ref === 'string' && ref.startsWith('refs/heads/')) p.branch = ref.slice('refs/heads/'.length);
}

function readMessage(p: LogProgress, m: Record<string, unknown>, edits: Map<string, unknown>, done: Set<string>): void {
  const sentAt = asRecord(m.meta)?.sentAt;
  if (typeof sentAt === 'number') seeEpoch(p, sentAt);
  seeTime(p, asRecord(m.usage)?.timestamp);
  const blocks = Array.isArray(m.content) ? m.content.map(asRecord) : [];
  if (m.role === 'user' && p.firstPrompt === undefined) {
    const text = blocks.map((b) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : '')).join(' ');
    p.firstPrompt = promptTitle(text);
  }
  for (const b of blocks) {
    if (b?.type === 'tool_use' && typeof b.id === 'string' && typeof b.name === 'string' && EDIT_TOOLS.has(b.name)) {
      edits.set(b.id, asRecord(b.input)?.path);
    } else if (b?.type === 'tool_result' && typeof b.toolUseID === 'string' && asRecord(b.run)?.status === DONE) {
      done.add(b.toolUseID);
    }
  }
}

function seeEpoch(p: LogProgress, ms: number): void {
  if (Number.isFinite(ms) && ms > 0) seeTime(p, new Date(ms).toISOString());
}

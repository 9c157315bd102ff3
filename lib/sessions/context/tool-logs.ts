import { parseArguments } from '../importers/codex.js';
import { userQuery } from '../importers/cursor.js';
import { asRecord, eachObject } from '../importers/progress.js';
import { toolLine, type Turn } from './context.js';

/**
 * The conversations of Cursor's transcripts, Copilot CLI's event streams and Amp's threads
 * (their formats: ../importers/cursor.ts, copilot-cli.ts, amp.ts): the user's prompts, the
 * assistant's words, each tool call as one line, and the model where the log names it.
 */
export interface Conversation {
  model?: string;
  prompts: string[];
  turns: Turn[];
}

/** The inputs that name what a tool acted on, most telling first (the three tools' names). */
const TOOL_SUBJECT = ['path', 'file_path', 'target_file', 'target_notebook', 'command', 'cmd', 'pattern', 'search_term', 'query', 'url'];

type Block = Record<string, unknown> | undefined;

function blocksOf(message: unknown): Block[] {
  const content = asRecord(message)?.content ?? message;
  return Array.isArray(content) ? content.map(asRecord) : [];
}

const textOf = (blocks: Block[]) => blocks.map((b) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : '')).join('\n').trim();

function said(turns: Turn[], blocks: Block[]): void {
  for (const b of blocks) {
    if (b?.type === 'text' && typeof b.text === 'string' && b.text.trim() !== '') turns.push({ role: 'assistant', text: b.text.trim() });
    else if (b?.type === 'tool_use' && typeof b.name === 'string') turns.push({ role: 'tool', text: toolLine(b.name, asRecord(b.input), TOOL_SUBJECT) });
  }
}

function withPrompts(turns: Turn[], model?: string): Conversation {
  return { model, prompts: turns.filter((t) => t.role === 'user').map((t) => t.text), turns };
}

/** A Cursor transcript: {role, message.content[]}; the user's words are inside <user_query>. No model is logged. */
export function cursorConversation(text: string): Conversation {
  const turns: Turn[] = [];
  eachObject(text.split('\n'), (line) => {
    const blocks = blocksOf(line.message);
    if (line.role === 'assistant') return said(turns, blocks);
    if (line.role !== 'user') return;
    const words = userQuery(textOf(blocks)).trim();
    if (words !== '' && !words.startsWith('<')) turns.push({ role: 'user', text: words });
  });
  return withPrompts(turns);
}

/** A Copilot CLI event stream: user.message, assistant.message, tool.execution_start, session.model_change. */
export function copilotConversation(text: string): Conversation {
  const turns: Turn[] = [];
  let model: string | undefined;
  eachObject(text.split('\n'), (event) => {
    const data = asRecord(event.data);
    if (!data) return;
    if (event.type === 'session.model_change' && typeof data.newModel === 'string' && data.newModel !== '') model = data.newModel;
    else if (event.type === 'user.message' && typeof data.content === 'string' && data.content.trim() !== '') turns.push({ role: 'user', text: data.content.trim() });
    else if (event.type === 'assistant.message' && typeof data.content === 'string' && data.content.trim() !== '') turns.push({ role: 'assistant', text: data.content.trim() });
    else if (event.type === 'tool.execution_start' && typeof data.toolName === 'string') {
      turns.push({ role: 'tool', text: toolLine(data.toolName, parseArguments(data.arguments), TOOL_SUBJECT) });
    }
  });
  return withPrompts(turns, model);
}

/** An Amp thread: messages[{role, content[]}], the model in each answer's usage; tool results are not turns. */
export function ampConversation(text: string): Conversation {
  let thread: Record<string, unknown> | undefined;
  try {
    thread = asRecord(JSON.parse(text));
  } catch {
    thread = undefined;
  }
  const turns: Turn[] = [];
  let model: string | undefined;
  for (const m of Array.isArray(thread?.messages) ? thread.messages.map(asRecord) : []) {
    const blocks = blocksOf(m);
    if (m?.role === 'assistant') {
      const used = asRecord(m.usage)?.model;
      if (typeof used === 'string' && used !== '') model = used;
      said(turns, blocks);
    } else if (m?.role === 'user') {
      const words = textOf(blocks);
      if (words !== '') turns.push({ role: 'user', text: words });
    }
  }
  return withPrompts(turns, model);
}

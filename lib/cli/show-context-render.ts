import type { Turn } from '../sessions/context/context.js';
import type { ContextResult } from '../sessions/context/read-context.js';
import { showText } from './show-text.js';

/** What `lore show` prints of the session's own log (lib/sessions/context/). */

const PROMPT_MAX = 100;
/** A tool call is one line of the conversation, however long its command. */
const TOOL_MAX = 160;

function cut(text: string, max: number): string {
  const first = text.trim().split('\n')[0].trim();
  const chars = [...first];
  return chars.length <= max ? first : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** A prompt's first line, cut to PROMPT_MAX characters. */
export function promptLine(text: string): string {
  return cut(text, PROMPT_MAX);
}

/**
 * The conversation, turn by turn: who speaks, then their words indented; the tool calls
 * under the assistant's turn that made them, one line each.
 */
export function conversationLines(turns: Turn[]): string[] {
  const lines: string[] = [];
  let speaker: 'user' | 'assistant' | undefined;
  for (const t of turns) {
    const role = t.role === 'user' ? 'user' : 'assistant';
    if (role !== speaker || t.role === 'user') {
      lines.push('', role === 'user' ? showText.userTurn : showText.assistantTurn);
      speaker = role;
    }
    if (t.role === 'tool') lines.push(showText.toolCall(cut(t.text, TOOL_MAX)));
    else lines.push(...t.text.replace(/\s+$/, '').split('\n').map((l) => (l.trim() === '' ? '' : `  ${l.trimEnd()}`)));
  }
  return lines;
}

/**
 * The prompts (or with `full` the conversation) and files the log names, each block followed
 * by a blank line; one line when the log is gone.
 */
export function contextLines(r: ContextResult, full: boolean): string[] {
  if (r.kind === 'gone') return [showText.logGone(r.log), ''];
  if (r.kind !== 'read') return [];
  const { prompts, files, turns } = r.context;
  const lines: string[] = [];
  if (full && turns.length > 0) lines.push(showText.conversation, ...conversationLines(turns), '');
  else if (prompts.length > 0) lines.push(showText.prompts(prompts.length), ...prompts.map((p, i) => showText.prompt(i + 1, promptLine(p))), '');
  if (files.length > 0) lines.push(showText.filesEdited(files.length), ...files.map((f) => `  ${f}`), '');
  return lines;
}

/** How many files a session's row under `lore show --commit` names before it counts the rest. */
const FILES_SHOWN = 5;

/** A file as the repository names it when it lies inside; as the log has it otherwise. */
function inRepo(file: string, root: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** The rows `lore show --commit` adds under a linked session: its first prompt and the files it edited. */
export function commitContextRows(r: ContextResult, root: string): string[][] {
  if (r.kind !== 'read') return [];
  const { prompts, files } = r.context;
  const rows: string[][] = [];
  if (prompts.length > 0) rows.push(showText.firstPromptRow(promptLine(prompts[0])));
  if (files.length > 0) rows.push(showText.filesRow(files.slice(0, FILES_SHOWN).map((f) => inRepo(f, root)), files.length));
  return rows;
}

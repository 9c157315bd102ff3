import { contentText, eachGeminiRecord, userWords } from '../importers/gemini-cli.js';
import { asRecord } from '../importers/progress.js';
import { toolLine, type Turn } from './context.js';

/** The inputs that name what a Gemini CLI tool acted on, most telling first. */
const TOOL_SUBJECT = ['file_path', 'absolute_path', 'command', 'pattern', 'dir_path', 'path', 'query', 'url', 'prompt'];

/**
 * A Gemini CLI chat (see ../importers/gemini-cli.ts): `user` messages are the prompts (the
 * `@file` contents sent after them left out), `gemini` ones the answers, with the model that
 * gave them and their tool calls; `info` and `error` are the CLI's own notes.
 */
export function geminiConversation(text: string): { model?: string; prompts: string[]; turns: Turn[] } {
  const turns: Turn[] = [];
  let model: string | undefined;
  eachGeminiRecord(
    text,
    () => {},
    (m) => {
      if (m.type === 'user') {
        const words = userWords(m.content).trim();
        if (words !== '') turns.push({ role: 'user', text: words });
        return;
      }
      if (m.type !== 'gemini') return;
      if (typeof m.model === 'string' && m.model !== '') model = m.model;
      const words = contentText(m.content).trim();
      if (words !== '') turns.push({ role: 'assistant', text: words });
      for (const c of Array.isArray(m.toolCalls) ? m.toolCalls : []) {
        const call = asRecord(c);
        if (typeof call?.name === 'string') turns.push({ role: 'tool', text: toolLine(call.name, asRecord(call.args), TOOL_SUBJECT) });
      }
    },
  );
  return { model, prompts: turns.filter((t) => t.role === 'user').map((t) => t.text), turns };
}

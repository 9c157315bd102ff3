import { ASKING } from '../importers/aider.js';
import type { Turn } from './context.js';

const NOTE = /^>(\s|$)/;
const APPLIED = /^Applied edit to (.+?)\s*$/;
const MAIN_MODEL = /^Main model: (\S+)/;

/**
 * One run of an Aider history (see ../importers/aider.ts): `#### ` lines are the user's,
 * `> ` lines aider's own notes (the model it runs, each edit it applied), the rest is the
 * model's answer. A slash command is a tool call, but `/ask`, `/code` and the like send the
 * rest of the line to the model: that is a prompt.
 */
export function aiderConversation(body: string): { model?: string; prompts: string[]; turns: Turn[] } {
  const turns: Turn[] = [];
  let model: string | undefined;
  let kind: 'user' | 'assistant' | 'note' | undefined;
  let block: string[] = [];
  const flush = () => {
    const text = block.join('\n').trim();
    block = [];
    if (text === '' || kind === 'note' || kind === undefined) return;
    if (kind === 'assistant') return void turns.push({ role: 'assistant', text });
    const asked = text.replace(ASKING, '');
    turns.push(asked === text && text.startsWith('/') ? { role: 'tool', text } : { role: 'user', text: asked });
  };
  for (const line of body.split('\n')) {
    const next = line.startsWith('####') ? 'user' : NOTE.test(line) ? 'note' : line.trim() === '' ? kind : 'assistant';
    if (next !== kind) flush();
    kind = next;
    if (next === 'user') block.push(line.replace(/^####\s?/, '').trimEnd());
    else if (next === 'assistant') block.push(line.trimEnd());
    else if (next === 'note') {
      const note = line.replace(NOTE, '').trimEnd();
      model ??= MAIN_MODEL.exec(note)?.[1];
      const applied = APPLIED.exec(note);
      if (applied) turns.push({ role: 'tool', text: `edit ${applied[1]}` });
    }
  }
  flush();
  return { model, prompts: turns.filter((t) => t.role === 'user').map((t) => t.text), turns };
}

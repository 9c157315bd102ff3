import { contentText } from '../importers/content-text.js';
import { codexIdFromPath, commandText, notPrompt, parseArguments, readCodexLines } from '../importers/codex.js';
import { asRecord, eachObject } from '../importers/progress.js';
import { toolLine, type SessionContext, type Turn } from './context.js';

const TOOL_SUBJECT = ['command', 'cmd', 'input', 'patch', 'path', 'query'];

/**
 * A Codex rollout (see ../importers/codex.ts). The current shape logs each prompt twice, as a
 * user message item and as a `user_message` event; the events are the user's words only, so
 * they win, and a log with none (the older shape) falls back to the items.
 */
export function codexContext(text: string, path?: string, mtimeMs?: number): SessionContext {
  const lines = text.split('\n');
  const { progress } = readCodexLines(lines, undefined, path === undefined ? undefined : codexIdFromPath(path), { mtimeMs });
  const events: string[] = [];
  const turns: (Turn & { item?: true })[] = [];
  let model: string | undefined;
  eachObject(lines, (line) => {
    const payload = asRecord(line.payload);
    const item = payload && line.type === 'response_item' ? payload : !payload && typeof line.type === 'string' ? line : undefined;
    if (payload && line.type === 'turn_context' && typeof payload.model === 'string') model = payload.model;
    if (payload && line.type === 'event_msg' && payload.type === 'user_message' && typeof payload.message === 'string') {
      const words = payload.message.trim();
      if (words !== '' && !notPrompt(words)) {
        events.push(words);
        turns.push({ role: 'user', text: words });
      }
    }
    if (item) readItem(item, turns);
  });
  const fromEvents = events.length > 0;
  const kept = turns.filter((t) => !(fromEvents && t.item));
  return {
    prompts: kept.filter((t) => t.role === 'user').map((t) => t.text),
    files: progress.files,
    model,
    startedAt: progress.startedAt,
    endedAt: progress.endedAt,
    turns: kept.map(({ role, text }) => ({ role, text })),
  };
}

function readItem(item: Record<string, unknown>, turns: (Turn & { item?: true })[]): void {
  if (item.type === 'message') {
    const words = contentText(item.content).trim();
    if (words === '') return;
    if (item.role === 'user' && !notPrompt(words)) turns.push({ role: 'user', text: words, item: true });
    else if (item.role === 'assistant') turns.push({ role: 'assistant', text: words });
  } else if (item.type === 'function_call' && typeof item.name === 'string') {
    turns.push({ role: 'tool', text: toolLine(item.name, { command: shellWords(parseArguments(item.arguments)) }, TOOL_SUBJECT) });
  } else if (item.type === 'custom_tool_call' && typeof item.name === 'string') {
    turns.push({ role: 'tool', text: toolLine(item.name, { input: item.input }, TOOL_SUBJECT) });
  } else if (item.type === 'local_shell_call') {
    turns.push({ role: 'tool', text: toolLine('shell', { command: shellWords(asRecord(item.action) ?? {}) }, TOOL_SUBJECT) });
  }
}

/** A shell call's command as the user would type it: `["bash","-lc","ls"]` is `ls`, other argv lists are joined. */
function shellWords(args: Record<string, unknown>): string {
  const argv = args.command;
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return commandText(args);
  const [shell, flag, script] = argv as string[];
  const wrapped = argv.length === 3 && /(^|\/)(ba|z)?sh$/.test(shell) && /^-l?c$/.test(flag);
  return wrapped ? script : argv.join(' ');
}

import { contentText } from '../importers/content-text.js';
import { claudeCodeIdFromPath, claudePromptWords, EDIT_TOOLS, readClaudeCodeLines } from '../importers/claude-code.js';
import { asRecord, eachObject } from '../importers/progress.js';
import { toolLine, type SessionContext } from './context.js';

/** The inputs that name what a Claude Code tool acted on, most telling first. */
const TOOL_SUBJECT = [...new Set(Object.values(EDIT_TOOLS)), 'command', 'pattern', 'path', 'url', 'query', 'description', 'prompt'];

/** Claude Code writes `<synthetic>` as the model of messages it made up itself (an interrupt). */
const NOT_A_MODEL = '<synthetic>';

/** A Claude Code log (see ../importers/claude-code.ts); the main conversation only, not sub-agents'. */
export function claudeCodeContext(text: string, path?: string): SessionContext {
  const lines = text.split('\n');
  const { progress } = readClaudeCodeLines(lines, undefined, path === undefined ? undefined : claudeCodeIdFromPath(path));
  const ctx: SessionContext = { prompts: [], files: progress.files, startedAt: progress.startedAt, endedAt: progress.endedAt, turns: [] };
  eachObject(lines, (line) => {
    if (line.isSidechain === true || (line.type !== 'user' && line.type !== 'assistant')) return;
    const message = asRecord(line.message);
    const content = message?.content;
    if (line.type === 'user') {
      if (line.isMeta === true) return;
      const words = claudePromptWords(contentText(content, 'text'));
      if (words === undefined) return;
      ctx.prompts.push(words);
      ctx.turns.push({ role: 'user', text: words });
      return;
    }
    if (typeof message?.model === 'string' && message.model !== NOT_A_MODEL) ctx.model = message.model;
    for (const block of Array.isArray(content) ? content : [content]) {
      const b = typeof block === 'string' ? { type: 'text', text: block } : asRecord(block);
      if (b?.type === 'text' && typeof b.text === 'string' && b.text.trim() !== '') ctx.turns.push({ role: 'assistant', text: b.text.trim() });
      else if (b?.type === 'tool_use' && typeof b.name === 'string') ctx.turns.push({ role: 'tool', text: toolLine(b.name, asRecord(b.input), TOOL_SUBJECT) });
    }
  });
  return ctx;
}

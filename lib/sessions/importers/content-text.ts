import { asRecord } from '../../json-object.js';

/**
 * A message's words: its content when that is a string, else the `text` of its blocks,
 * joined by spaces. With `type`, only the blocks of that type count (Claude Code logs
 * tool results and images beside text; Codex's blocks are all words).
 */
export function contentText(content: unknown, type?: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => {
      const b = asRecord(block);
      return (type === undefined || b?.type === type) && typeof b?.text === 'string' ? b.text : '';
    })
    .filter((t) => t !== '')
    .join(' ');
}

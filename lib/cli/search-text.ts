/** Every line `lore search` prints, in one place. */
import type { SearchHit, SearchResult } from '../commands/search.js';
import { formatMinute } from './format.js';
import { showText } from './show-text.js';

const plural = (n: number) => (n === 1 ? '1 session matches' : `${n} sessions match`);

function header(r: SearchResult): string {
  if (r.total === 0) return `No session matches '${r.text}'`;
  const shown = r.sessions.length;
  return shown < r.total ? `${plural(r.total)} '${r.text}'; the newest ${shown} (--limit ${shown}):` : `${plural(r.total)} '${r.text}':`;
}

/** `aaaaaaaa  2026-01-13 10:00  claude-code  fix the login bug`, then what matched and the commits. */
function hitLines(h: SearchHit): string[] {
  const when = h.startedAt === null ? '?' : formatMinute(h.startedAt);
  const marker = h.shared ? `  ${showText.sharedBy(h.shared.sharedBy)}` : '';
  const commits = h.commits.length === 0 ? 'none linked here' : h.commits.map((c) => `${c.short} ${c.subject}`).join('; ');
  return [`  ${h.short}  ${when}  ${h.tool ?? '-'}  ${h.title ?? '-'}${marker}`, `    ${h.match.field.replace(/s$/, '')}: ${h.match.text}`, `    commits: ${commits}`];
}

export const searchText = {
  lines: (r: SearchResult): string[] => [header(r), ...r.sessions.flatMap((h) => ['', ...hitLines(h)])],
  noText: 'nothing to search for: give the text to find (lore search <TEXT>)',
};

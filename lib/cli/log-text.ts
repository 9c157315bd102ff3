/** Every line `lore log` prints, as text and as Markdown for a pull request. */
import type { LoggedSession, SessionsLogResult } from '../commands/sessions-log.js';
import { shortId } from '../sessions/session.js';
import { formatMinute } from './format.js';

function when(s: LoggedSession): string {
  const start = s.session?.startedAt;
  if (start === undefined) return '';
  const end = s.session?.endedAt;
  const to = end === null || end === undefined ? 'active' : formatMinute(end).slice(formatMinute(start).slice(0, 10) === formatMinute(end).slice(0, 10) ? 11 : 0);
  return `${formatMinute(start)} - ${to}`;
}

const toolOf = (s: LoggedSession) => s.session?.tool ?? s.tool ?? '-';
const titleOf = (s: LoggedSession) => s.session?.title ?? '(no title)';

export function logLines(r: SessionsLogResult): string[] {
  const lines = [`${r.sessions.length} session(s) behind ${r.total} commit(s) in ${r.range}`];
  for (const s of r.sessions) {
    lines.push('', [shortId(s.id), toolOf(s), when(s), titleOf(s)].filter((x) => x !== '').join('  '));
    for (const { commit, link } of s.commits) lines.push(`  ${commit.short} ${commit.subject} (${link.method})`);
  }
  if (r.unlinked.length > 0) lines.push('', `${r.unlinked.length} commit(s) with no linked session:`, ...r.unlinked.map((c) => `  ${c.short} ${c.subject}`));
  return lines;
}

/** Markdown to paste as a pull-request comment; table cells cannot hold a raw `|` or newline. */
export function logMarkdown(r: SessionsLogResult): string[] {
  const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const lines = [`### AI sessions behind these commits`, '', `${r.sessions.length} session(s) behind ${r.total} commit(s) in \`${cell(r.range)}\`.`];
  for (const s of r.sessions) {
    lines.push('', `**${cell(titleOf(s))}** · ${cell(toolOf(s))}${when(s) ? ` · ${when(s)}` : ''} · session \`${shortId(s.id)}\``, '');
    for (const { commit, link } of s.commits) lines.push(`- \`${commit.short}\` ${cell(commit.subject)} (${link.method})`);
  }
  if (r.unlinked.length > 0) {
    lines.push('', `<details><summary>${r.unlinked.length} commit(s) with no linked session</summary>`, '');
    for (const c of r.unlinked) lines.push(`- \`${c.short}\` ${cell(c.subject)}`);
    lines.push('', '</details>');
  }
  return lines;
}

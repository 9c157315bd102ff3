import type { SessionsResult } from '../commands/sessions.js';
import { abbreviations, isStale } from '../sessions/session.js';
import { columns, formatMinute } from './format.js';

/** Every line `lore sessions` prints, from what it found. */

const TITLE_WIDTH = 60;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_WIDTH ? line : line.slice(0, TITLE_WIDTH - 1).trimEnd() + '…';
}

export function sessionsLines(r: SessionsResult): string[] {
  if (r.known === 0) return [r.within === undefined ? `No sessions in ${r.path}` : `No sessions in ${r.within} (of those in ${r.path})`];
  // --limit 0 asks for no rows: say how many there are rather than that there are none.
  if (r.sessions.length === 0) return [`${r.known} session(s) in ${r.path}; --limit 0 shows none`];
  const short = abbreviations(r.ids);
  const rows = [['SESSION', 'STARTED', 'ENDED', 'TOOL', 'DIRECTORY', 'BRANCH', 'TITLE']];
  for (const s of r.sessions) {
    rows.push([
      short.get(s.id)!,
      s.startedAt === undefined ? '?' : formatMinute(s.startedAt),
      s.endedAt !== null ? formatMinute(s.endedAt) : isStale(s, r.now) ? 'stale' : 'active',
      s.tool ?? '-',
      s.cwd ?? '?',
      s.branch ?? '-',
      s.title === undefined ? '-' : clip(s.title),
    ]);
  }
  return columns(rows);
}

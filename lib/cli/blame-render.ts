import type { BlameResult, BlameSession } from '../commands/blame.js';
import { normaliseId } from '../sessions/session.js';
import { blameText } from './blame-text.js';
import { columns } from './format.js';
import { linkMethod } from './show-text.js';

/**
 * Every line `lore blame` prints: for each run, its lines, commit and sessions, then its
 * subject, the linked sessions' titles and the code. `shortId` abbreviates a session id.
 */
export function blameLines(r: BlameResult, shortId: (id: string) => string): string[] {
  if (r.ranges.length === 0) return [blameText.empty(r.file)];
  const idOf = (s: BlameSession) => shortId(normaliseId(s.link.session));
  const cell = (s: BlameSession) => (s.shared ? blameText.sharedSession(idOf(s), linkMethod(s.link), s.shared.sharedBy) : blameText.session(idOf(s), linkMethod(s.link)));
  const heads = columns(r.ranges.map((run) => [blameText.lines(run.start, run.end), run.commit.short, run.sessions.map(cell).join(', ') || blameText.noLink]));
  const width = String(r.last).length;
  const out: string[] = [];
  r.ranges.forEach((run, i) => {
    if (i > 0) out.push('');
    out.push(heads[i], blameText.subject(run.commit.subject));
    for (const s of run.sessions) if (s.title) out.push(blameText.title(idOf(s), s.title));
    for (let n = run.start; n <= run.end; n++) out.push(blameText.code(n, width, run.lines[n - run.start] ?? ''));
  });
  return out;
}

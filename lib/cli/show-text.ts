/** Every line `lore show` and `lore show --commit` print, in one place. */
import type { LinkRecord, LinkSignals } from '../links/record.js';
import type { Session } from '../sessions/session.js';
import { formatMinute } from './format.js';

/** How a link was made: `manual`, or `auto 85%` where a score decided. */
export function linkMethod(r: LinkRecord): string {
  return r.confidence === undefined ? r.method : `${r.method} ${Math.round(r.confidence * 100)}%`;
}

/** `2026-01-13 10:02 - 10:41`: the end's date only when it differs from the start's. */
function timeRange(s: Session): string {
  if (s.startedAt === undefined) return '?';
  const start = formatMinute(s.startedAt);
  if (s.endedAt === null) return `${start} - active`;
  const end = formatMinute(s.endedAt);
  return `${start} - ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

function linkedLine(r: LinkRecord): string {
  const by = r.linked_by === undefined ? '' : ` by ${r.linked_by}`;
  const at = Date.parse(r.linked_at);
  return `${linkMethod(r)}${by}${Number.isNaN(at) ? '' : `, ${formatMinute(at)}`}`;
}

/** What made an automatic link, on one line: `edited 2 of 3 files, during the session, …`. */
function signalsLine(s: LinkSignals): string {
  const parts: string[] = [];
  if (s.agent_commit) parts.push('its agent ran git commit');
  if (s.files !== undefined) {
    const [hit, total] = s.files.split('/');
    parts.push(`edited ${hit} of the commit's ${total} file${total === '1' ? '' : 's'}`);
  }
  if (s.minutes !== undefined) parts.push(s.minutes === 0 ? 'during the session' : `${s.minutes} min from the session`);
  if (s.branch !== undefined) parts.push(s.branch ? "on the commit's branch" : 'on another branch');
  return parts.join(', ');
}

/** Label/value rows of what is known about a session; the index's facts when it has them. */
function sessionRows(s: Session | undefined, tool: string | undefined): string[][] {
  if (!s) return tool === undefined ? [] : [['Tool', tool]];
  const rows = s.title ? [['Title', s.title]] : [];
  rows.push(['Tool', s.tool ?? tool ?? '-'], ['Time', timeRange(s)], ['Branch', s.branch ?? '-'], ['Directory', s.cwd ?? '?']);
  return rows;
}

/** The rows of a session a teammate shared: no directory (theirs), and the model the record names. */
function sharedRows(s: Session, model: string | undefined): string[][] {
  const rows = s.title ? [['Title', s.title]] : [];
  rows.push(['Tool', s.tool ?? '-'], ['Time', timeRange(s)], ['Branch', s.branch ?? '-']);
  if (model !== undefined) rows.push(['Model', model]);
  return rows;
}

const NOT_IN_INDEX = '(not in the session index)';

export const showText = {
  notInIndex: NOT_IN_INDEX,
  sessionRows,
  sharedRows,
  /** In place of NOT_IN_INDEX for a session a teammate shared (refs/lore/sessions). */
  sharedBy: (email: string | undefined) => (email === undefined ? '(shared)' : `(shared by ${email})`),
  linkRow: (r: LinkRecord) => ['Linked', linkedLine(r)],
  /** The row of a link's signals; none for a link without them (manual, or older lore). */
  signalRows: (r: LinkRecord) => (r.signals === undefined ? [] : [['Why', signalsLine(r.signals)]]),

  // lore show <SESSION>
  sessionHeader: (id: string, inIndex: boolean) => ['Session', inIndex ? id : `${id}  ${NOT_IN_INDEX}`],
  commitsIn: (root: string) => `Linked commits in ${root}:`,
  commitColumns: ['COMMIT', 'DATE', 'LINK', 'SUBJECT'],
  missingCommit: '(commit not in this repository)',
  rewrittenAs: (old: string, now: string) => `  ${old} was rewritten as ${now} (amend or rebase), which carries the link; not listed`,
  offBranch: (old: string) => `  ${old} is on no branch or tag any more (rewritten or dropped); not listed`,
  noCommits: (roots: string[]) =>
    roots.length === 0 ? 'No linked commits: no git repository found for this session' : `No linked commits in ${roots.join(', ')}`,

  // What the session's own log says (lib/sessions/context/).
  contextRows: (model: string | undefined, minutes: number | undefined) => [
    ...(model === undefined ? [] : [['Model', model]]),
    ...(minutes === undefined ? [] : [['Length', `${minutes} min`]]),
  ],
  promptsNotShared: (n: number) => (n === 1 ? '1 prompt (not shared)' : `${n} prompts (not shared)`),
  prompts: (n: number) => (n === 1 ? '1 prompt:' : `${n} prompts:`),
  prompt: (i: number, text: string) => `  ${i}. ${text}`,
  filesEdited: (n: number) => (n === 1 ? '1 file edited:' : `${n} files edited:`),
  logGone: (log: string) => `The session's log ${log} is gone: no prompts or files from it`,
  // lore show <SESSION> --full
  conversation: 'Conversation:',
  userTurn: 'User:',
  assistantTurn: 'Assistant:',
  toolCall: (line: string) => `  → ${line}`,

  // lore show --commit <REF>
  commitRows: (short: string, subject: string, date: string) => [
    ['Commit', `${short}  ${subject}`],
    ['Date', date],
  ],
  firstPromptRow: (prompt: string) => ['Prompt', prompt],
  filesRow: (shown: string[], total: number) => ['Files', total > shown.length ? `${shown.join(', ')} (+${total - shown.length} more)` : shown.join(', ')],
  sessionsLinked: (n: number) => (n === 1 ? '1 linked session:' : `${n} linked sessions:`),
  noSessions: (short: string) => `No sessions linked to commit ${short}`,
  syncHint: (remote: string) => `hint: no links have been fetched from ${remote} yet; run lore sync to get the team's links`,

  // Mistakes on the command line.
  bothGiven: 'give a session or --commit, not both',
  fullNeedsSession: '--full shows one session: give its id (lore show <SESSION> --full)',
};

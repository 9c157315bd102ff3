import type { ShowCommitResult } from '../commands/show-commit.js';
import { minutesOf } from '../commands/show-context.js';
import type { ShowSessionResult } from '../commands/show.js';
import { normaliseId } from '../sessions/session.js';
import { sharedAsContext, sharedAsSession } from '../sessions/shared-session.js';
import { commitLines } from './commit-lines.js';
import { columns, formatMinute } from './format.js';
import { commitContextRows, contextLines } from './show-context-render.js';
import { showText } from './show-text.js';

/** Every line `lore show <SESSION>` prints: the session, its log, then its commits by repository. */
export function sessionLines(r: ShowSessionResult): string[] {
  const { id, session, record } = r;
  const read = r.context.kind === 'read' ? r.context.context : undefined;
  const header = record ? ['Session', `${id}  ${showText.sharedBy(record.sharedBy)}`] : showText.sessionHeader(id, session !== undefined);
  const about = record ? showText.sharedRows(sharedAsSession(record), undefined) : showText.sessionRows(session, r.tool);
  const out = [...columns([header, ...about, ...showText.contextRows(read?.model, read && minutesOf(read))]), ''];
  // A record shared at level summary counts the prompts without them.
  if (record?.prompts === undefined && record?.promptCount) out.push(showText.promptsNotShared(record.promptCount), '');
  out.push(...contextLines(r.context, r.full));
  const sections = r.found.filter((f) => f.commits.length > 0 || f.rewritten.length > 0);
  if (sections.length === 0) return [...out, showText.noCommits(r.repositories)];
  sections.forEach((f, i) => {
    if (i > 0) out.push('');
    out.push(showText.commitsIn(f.root));
    if (f.commits.length > 0) out.push(...commitLines(f.commits));
    for (const w of f.rewritten) out.push(w.as ? showText.rewrittenAs(w.commit.short, w.as.short) : showText.offBranch(w.commit.short));
  });
  return out;
}

/**
 * Every line `lore show --commit` prints: the commit, then each linked session. `shortId`
 * abbreviates a session id; `fetchFrom` is the remote whose links were never fetched, for
 * a commit with none.
 */
export function commitSessionsLines(r: ShowCommitResult, shortId: (id: string) => string, fetchFrom: string | null): string[] {
  const { commit } = r;
  const out = [...columns(showText.commitRows(commit.short, commit.subject, formatMinute(commit.authorTime, commit.authorOffset))), ''];
  if (r.sessions.length === 0) {
    out.push(showText.noSessions(commit.short));
    if (fetchFrom !== null) out.push(showText.syncHint(fetchFrom));
    return out;
  }
  out.push(showText.sessionsLinked(r.sessions.length));
  for (const { link, session, record, context } of r.sessions) {
    out.push('', `  ${shortId(normaliseId(link.session))}${session ? '' : `  ${record ? showText.sharedBy(record.sharedBy) : showText.notInIndex}`}`);
    const about = record ? showText.sharedRows(sharedAsSession(record), record.model) : showText.sessionRows(session, link.tool);
    const told = record ? ({ kind: 'read', context: sharedAsContext(record) } as const) : context;
    const rows = [...about, showText.linkRow(link), ...showText.signalRows(link), ...commitContextRows(told, r.repo.root)];
    out.push(...columns(rows).map((line) => `    ${line}`));
  }
  return out;
}

import { columns, formatMinute } from '../cli/format.js';
import { isoSeconds } from '../time.js';
import type { Io } from '../io.js';
import { showText } from '../cli/show-text.js';
import { resolveRemote, trackingRef } from '../git/notes-sync.js';
import { resolveSha } from '../git/range.js';
import { NOTES_REF } from '../git/repo.js';
import { parseNote } from '../links/record.js';
import { readSessionContext } from '../sessions/context/read-context.js';
import { normaliseId } from '../sessions/session.js';
import { sharedAsContext, sharedAsSession } from '../sessions/shared-session.js';
import { sharedContextJson, sharedSessionsOf, sharedSummaryJson } from './shared.js';
import { commitContextJson, commitContextRows } from './show-context.js';
import { sessionAbbreviator } from './session-abbrev.js';
import { linkJson, sessionSummaryJson } from './show.js';
import { openWorkspace } from './workspace.js';

export interface ShowCommitOptions {
  cwd: string;
  ref: string;
  json: boolean;
}

/**
 * A fresh clone has no refs/notes/lore until someone fetches it: then "no sessions" may only
 * mean "not fetched". The remote to fetch from, or null when links are here or no remote is.
 */
async function unfetchedRemote(gitDir: string, cwd: string): Promise<string | null> {
  if ((await resolveSha(gitDir, NOTES_REF)) !== null) return null;
  try {
    const remote = await resolveRemote(cwd);
    return (await resolveSha(gitDir, trackingRef(remote))) === null ? remote : null;
  } catch {
    return null;
  }
}

/** `lore show --commit <REF>`: a commit and the sessions linked to it, as the index knows them. */
export async function showCommit(opts: ShowCommitOptions, io: Io): Promise<void> {
  const { repo, index } = await openWorkspace(opts.cwd, (line) => io.err(line));
  const commit = await repo.resolveCommit(opts.ref);
  const records = [...parseNote(await repo.readNote(commit.sha)).records.values()];
  // A session this index lacks may be one a teammate shared.
  const shared = await sharedSessionsOf(repo.gitDir, records.map((l) => normaliseId(l.session)).filter((id) => !index.sessions.has(id)));
  const links = records.map((link) => {
    const session = index.sessions.get(normaliseId(link.session));
    // The prompt and files come from the session's log on this machine; none when it has none.
    return { link, session, record: shared.get(normaliseId(link.session)), context: session === undefined ? ({ kind: 'no-log' } as const) : readSessionContext(session) };
  });

  if (opts.json) {
    const sessions = links.map(({ link, session, record, context }) =>
      record
        ? { ...sharedSummaryJson(record), id: link.session, link: linkJson(link), ...sharedContextJson(record) }
        : { ...sessionSummaryJson(link.session, session, link.tool), link: linkJson(link), ...commitContextJson(context) },
    );
    const head = { sha: commit.sha, short: commit.short, subject: commit.subject, date: isoSeconds(commit.authorTime) };
    io.out(JSON.stringify({ commit: head, sessions }, null, 2));
    return;
  }
  for (const line of columns(showText.commitRows(commit.short, commit.subject, formatMinute(commit.authorTime, commit.authorOffset)))) {
    io.out(line);
  }
  io.out('');
  if (links.length === 0) {
    io.out(showText.noSessions(commit.short));
    const remote = await unfetchedRemote(repo.gitDir, opts.cwd);
    if (remote !== null) io.out(showText.syncHint(remote));
    return;
  }
  io.out(showText.sessionsLinked(links.length));
  const shortId = await sessionAbbreviator(repo, index.sessions);
  for (const { link, session, record, context } of links) {
    io.out('');
    io.out(`  ${shortId(normaliseId(link.session))}${session ? '' : `  ${record ? showText.sharedBy(record.sharedBy) : showText.notInIndex}`}`);
    const about = record ? showText.sharedRows(sharedAsSession(record), record.model) : showText.sessionRows(session, link.tool);
    const told = record ? ({ kind: 'read', context: sharedAsContext(record) } as const) : context;
    const rows = [...about, showText.linkRow(link), ...showText.signalRows(link), ...commitContextRows(told, repo.root)];
    for (const line of columns(rows)) io.out(`    ${line}`);
  }
}

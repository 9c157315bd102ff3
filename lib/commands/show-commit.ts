import { isoSeconds } from '../time.js';
import { resolveRemote, trackingRef } from '../git/notes-sync.js';
import { resolveSha } from '../git/range.js';
import { NOTES_REF, type CommitInfo, type Repo } from '../git/repo.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import { readSessionContext, type ContextResult } from '../sessions/context/read-context.js';
import { normaliseId, type Session } from '../sessions/session.js';
import type { SharedSession } from '../sessions/shared-session.js';
import type { CommandDeps } from './deps.js';
import { sharedContextJson, sharedSessionsOf, sharedSummaryJson } from './shared.js';
import { commitContextJson } from './show-context.js';
import { linkJson, sessionSummaryJson } from './show.js';
import { openWorkspace } from './workspace.js';

export interface ShowCommitOptions {
  cwd: string;
  ref: string;
}

/**
 * A fresh clone has no refs/notes/lore until someone fetches it: then "no sessions" may only
 * mean "not fetched". The remote to fetch from, or null when links are here or no remote is.
 * Only the text's hint asks it, and only of a commit with no links: --json does not say it.
 */
export async function unfetchedRemote(gitDir: string, cwd: string): Promise<string | null> {
  if ((await resolveSha(gitDir, NOTES_REF)) !== null) return null;
  try {
    const remote = await resolveRemote(cwd);
    return (await resolveSha(gitDir, trackingRef(remote))) === null ? remote : null;
  } catch {
    return null;
  }
}

/** A session linked to the commit: the index's entry, or else a teammate's shared record, and what its log says. */
export interface CommitSession {
  link: LinkRecord;
  session?: Session;
  record?: SharedSession;
  context: ContextResult;
}

export interface ShowCommitResult {
  commit: CommitInfo;
  sessions: CommitSession[];
  /** The repository and the index, for the short ids and the fetch hint the text shows. */
  repo: Repo;
  index: Map<string, Session>;
}

/** `lore show --commit <REF>`: a commit and the sessions linked to it, as the index knows them. */
export async function showCommit(opts: ShowCommitOptions, deps: Pick<CommandDeps, 'warn'>): Promise<ShowCommitResult> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn);
  const commit = await repo.resolveCommit(opts.ref);
  const records = [...parseNote(await repo.readNote(commit.sha)).records.values()];
  // A session this index lacks may be one a teammate shared.
  const shared = await sharedSessionsOf(repo.gitDir, records.map((l) => normaliseId(l.session)).filter((id) => !index.sessions.has(id)));
  const sessions = records.map((link) => {
    const session = index.sessions.get(normaliseId(link.session));
    // The prompt and files come from the session's log on this machine; none when it has none.
    return { link, session, record: shared.get(normaliseId(link.session)), context: session === undefined ? ({ kind: 'no-log' } as const) : readSessionContext(session) };
  });
  return { commit, sessions, repo, index: index.sessions };
}

/** `lore show --commit --json`, and what lore_get_linked_sessions answers. */
export function showCommitJson(r: ShowCommitResult) {
  const sessions = r.sessions.map(({ link, session, record, context }) =>
    record
      ? { ...sharedSummaryJson(record), id: link.session, link: linkJson(link), ...sharedContextJson(record) }
      : { ...sessionSummaryJson(link.session, session, link.tool), link: linkJson(link), ...commitContextJson(context) },
  );
  const head = { sha: r.commit.sha, short: r.commit.short, subject: r.commit.subject, date: isoSeconds(r.commit.authorTime) };
  return { commit: head, sessions };
}

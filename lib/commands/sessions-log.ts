import { nonMergeCommits } from '../git/range.js';
import type { CommitInfo } from '../git/repo.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import type { Session } from '../sessions/session.js';
import { isoSeconds } from '../time.js';
import { chooseRange } from './default-range.js';
import type { CommandDeps } from './deps.js';
import { openWorkspace } from './workspace.js';

export interface LoggedSession {
  id: string;
  /** What the index knows of it; undefined for a session linked on another machine. */
  session?: Session;
  tool?: string;
  /** Its commits in the range, newest first, with how each was linked. */
  commits: { commit: CommitInfo; link: LinkRecord }[];
}

export interface SessionsLogResult {
  range: string;
  total: number;
  /** Newest first, by their newest commit. */
  sessions: LoggedSession[];
  /** Commits of the range with no linked session. */
  unlinked: CommitInfo[];
}

/** `lore log [RANGE]`: the sessions behind a range of commits (a pull request's). */
export async function sessionsLog(opts: { cwd: string; range?: string }, deps: Pick<CommandDeps, 'warn'>): Promise<SessionsLogResult> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn);
  const range = await chooseRange(repo, opts.range);
  const shas = await nonMergeCommits(repo.gitDir, range.revs);
  const [described, notes] = await Promise.all([repo.describeCommits(shas), repo.readNotes(shas)]);
  const sessions = new Map<string, LoggedSession>();
  const unlinked: CommitInfo[] = [];
  for (const sha of shas) {
    const commit = described.get(sha)!;
    const records = [...parseNote(notes.get(sha) ?? null).records.values()];
    if (records.length === 0) unlinked.push(commit);
    for (const link of records) {
      const logged = sessions.get(link.session) ?? { id: link.session, session: index.sessions.get(link.session), tool: link.tool, commits: [] };
      logged.commits.push({ commit, link });
      sessions.set(link.session, logged);
    }
  }
  return { range: range.label, total: shas.length, sessions: [...sessions.values()], unlinked };
}

/** `lore log --json`: the result with times as ISO strings and each link by its method. */
export function sessionsLogJson(r: SessionsLogResult) {
  const sessions = r.sessions.map(({ id, session, tool, commits }) => ({
    id,
    tool: session?.tool ?? tool ?? null,
    title: session?.title ?? null,
    started_at: session?.startedAt === undefined ? null : isoSeconds(session.startedAt),
    ended_at: session?.endedAt == null ? null : isoSeconds(session.endedAt),
    in_index: session !== undefined,
    commits: commits.map(({ commit, link }) => ({ sha: commit.sha, short: commit.short, subject: commit.subject, method: link.method })),
  }));
  return { range: r.range, total: r.total, sessions, unlinked: r.unlinked.map(({ sha, short, subject }) => ({ sha, short, subject })) };
}

import { isoSeconds } from '../time.js';
import { isLoreError, LoreError } from '../errors.js';
import { findGitRoot } from '../git/discover.js';
import { openRepo } from '../git/nodegit-repo.js';
import type { Repo } from '../git/repo.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import { findSession, matchesAnyPrefix, normalisePrefix } from '../sessions/lookup.js';
import { normaliseId, type Session } from '../sessions/session.js';
import { isInside } from '../linking/facts.js';
import { readSessionContext, type ContextResult } from '../sessions/context/read-context.js';
import { sharedAsContext, type SharedSession } from '../sessions/shared-session.js';
import type { CommandDeps } from './deps.js';
import { realDir } from './place.js';
import { resolveWithShared, sharedSessionContextJson, sharedSummaryJson } from './shared.js';
import { contextJson } from './show-context.js';
import { splitRewritten, type RewrittenCommit } from './show-rewritten.js';
import { loadIndex } from './workspace.js';

export interface ShowOptions {
  cwd: string;
  session: string;
  /**
   * Only what lies within this directory: sessions of the index whose directory is inside
   * it, commits of the repository at cwd (no other repository is opened). The MCP
   * server's boundary; the CLI shows everything.
   */
  within?: string;
  /** The whole conversation from the session's log, in place of its numbered prompts. */
  full?: boolean;
}

/** A commit a session is linked to; subject and time are null when the repository lacks the commit. */
export interface LinkedCommit {
  sha: string;
  short: string;
  subject: string | null;
  authorTime: number | null;
  authorOffset: number;
  link: LinkRecord;
}

export function linkJson(r: LinkRecord) {
  const json = { method: r.method, confidence: r.confidence ?? null, linked_at: r.linked_at || null, linked_by: r.linked_by ?? null };
  // Only automatic links carry signals: the shape of a manual link's JSON stays as it was.
  return r.signals === undefined ? json : { ...json, signals: r.signals };
}

/** A session in show's JSON; an id only the notes know has nulls where the index would speak. */
export function sessionSummaryJson(id: string, s: Session | undefined, tool: string | undefined) {
  return {
    id,
    tool: s?.tool ?? tool ?? null,
    title: s?.title ?? null,
    started_at: s?.startedAt === undefined ? null : isoSeconds(s.startedAt),
    ended_at: s === undefined || s.endedAt === null ? null : isoSeconds(s.endedAt),
    branch: s?.branch ?? null,
    cwd: s?.cwd ?? null,
    in_index: s !== undefined,
    files: s?.files ?? null,
  };
}

function recordsOf(text: string): LinkRecord[] {
  return [...parseNote(text).records.values()];
}

/** The links to session `id` in a repository, by commit. */
export async function linksTo(repo: Repo, id: string): Promise<Map<string, LinkRecord>> {
  // An id is searched as a note spells it: JSON escapes a control character in it.
  const asWritten = JSON.stringify(id).slice(1, -1);
  const notes = await repo.readNotesMentioning(asWritten);
  // Parsing every note costs more than reading it; a note that cannot name the id is skipped unparsed.
  const needle = asWritten.toLowerCase();
  const links = new Map<string, LinkRecord>();
  for (const [sha, text] of notes) {
    if (!text.toLowerCase().includes(needle)) continue;
    const r = recordsOf(text).find((x) => normaliseId(x.session) === id);
    if (r) links.set(sha, r);
  }
  return links;
}

export function linkedIds(noteTexts: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const text of noteTexts) for (const r of recordsOf(text)) ids.add(normaliseId(r.session));
  return ids;
}

/**
 * The session `prefix` names. The index decides; failing that, a full id the notes
 * carry (a session linked on another machine) is taken too, but not a prefix of one:
 * with no index entry to confirm it, a short prefix could name a session nobody meant.
 */
export async function resolveSessionId(
  sessions: Map<string, Session>,
  prefix: string,
  noteIds: () => Promise<Set<string>>,
): Promise<{ id: string; session?: Session }> {
  try {
    const session = findSession(sessions, prefix);
    return { id: session.id, session };
  } catch (e) {
    const wanted = normalisePrefix(prefix);
    if (!isLoreError(e) || e.code !== 'UNKNOWN_SESSION' || wanted === '') throw e;
    const matches = [...(await noteIds())].filter((id) => id.toLowerCase().startsWith(wanted));
    const exact = matches.find((id) => id.toLowerCase() === wanted);
    if (exact) return { id: exact };
    if (matches.length === 0) throw e;
    throw new LoreError('UNKNOWN_SESSION', `no session in the index matches '${prefix}'`, `Linked here but not in the index: ${matches.slice(0, 5).join(', ')}; give the full id.`);
  }
}

/** Commit facts for each link, newest first; a sha the repository lacks (notes fetched without it) still shows. */
export async function describeLinks(repo: Repo, links: Map<string, LinkRecord>): Promise<LinkedCommit[]> {
  const facts = await repo.describeCommits([...links.keys()]);
  // A commit git lacks has no abbreviation of its own: cut to the length git abbreviates others to.
  const abbrev = facts.size < links.size ? await repo.abbrevLength() : 0;
  const found: LinkedCommit[] = [];
  for (const [sha, link] of links) {
    const c = facts.get(sha);
    if (c) found.push({ sha, short: c.short, subject: c.subject, authorTime: c.authorTime, authorOffset: c.authorOffset, link });
    else found.push({ sha, short: sha.slice(0, abbrev), subject: null, authorTime: null, authorOffset: 0, link });
  }
  return found.sort((a, b) => (b.authorTime ?? 0) - (a.authorTime ?? 0));
}

async function repoAt(dir: string): Promise<Repo | null> {
  try {
    return await openRepo(dir);
  } catch (e) {
    if (isLoreError(e)) return null;
    throw e;
  }
}

/** The session's own repository first, then the current one; each opened once. */
async function reposFor(session: Session | undefined, here: Repo | null): Promise<Repo[]> {
  const repos: Repo[] = [];
  const dir = session?.cwd === undefined ? null : realDir(session.cwd);
  const own = dir === null ? null : here && findGitRoot(dir) === here.root ? here : await repoAt(dir);
  if (own) repos.push(own);
  if (here && !repos.some((r) => r.root === here.root)) repos.push(here);
  return repos;
}

/** The commits of one repository linked to the session: those a ref reaches, and those rewritten. */
export interface RepoCommits {
  root: string;
  commits: LinkedCommit[];
  rewritten: RewrittenCommit[];
}

export interface ShowSessionResult {
  id: string;
  /** The index's entry; none for a session only the notes or a shared record name. */
  session?: Session;
  /** A teammate's shared record, for a session the index lacks. */
  record?: SharedSession;
  /** The tool the first link that names one says, for a session the index lacks. */
  tool?: string;
  /** What the session's log (or the shared record) says of it. */
  context: ContextResult;
  /** Whether the whole conversation was asked for, in place of the prompts. */
  full: boolean;
  /** The repositories searched, in order; each with the commits found there first. */
  repositories: string[];
  found: RepoCommits[];
}

/** `lore show <SESSION>`: what the index knows of a session and every commit it is linked to. */
export async function showSession(opts: ShowOptions, deps: Pick<CommandDeps, 'warn'>): Promise<ShowSessionResult> {
  const index = await loadIndex(opts.cwd, deps.warn, undefined, matchesAnyPrefix([opts.session]));
  const within = opts.within;
  const sessions = within === undefined ? index.sessions : new Map([...index.sessions].filter(([, s]) => s.cwd !== undefined && isInside(realDir(s.cwd), within)));
  const here = await repoAt(opts.cwd);
  const notes = new Map<string, Promise<Map<string, string>>>();
  const notesOf = (repo: Repo) => {
    if (!notes.has(repo.root)) notes.set(repo.root, repo.readAllNotes());
    return notes.get(repo.root)!;
  };
  const { id, session, record } = await resolveWithShared(here?.gitDir, opts.session, () =>
    resolveSessionId(sessions, opts.session, async () => (here ? linkedIds((await notesOf(here)).values()) : new Set())),
  );

  const repos = within === undefined ? await reposFor(session, here) : here ? [here] : [];
  const seen = new Set<string>();
  const found: RepoCommits[] = [];
  for (const repo of repos) {
    // A commit in two clones is one commit: it shows once, under the first repository.
    const links = new Map([...(await linksTo(repo, id))].filter(([sha]) => !seen.has(sha)));
    for (const sha of links.keys()) seen.add(sha);
    const { live, rewritten } = await splitRewritten(repo, await describeLinks(repo, links));
    found.push({ root: repo.root, commits: live, rewritten });
  }
  const tool = found.flatMap((f) => f.commits).find((c) => c.link.tool !== undefined)?.link.tool;
  const context = record ? ({ kind: 'read', context: sharedAsContext(record) } as const) : session === undefined ? ({ kind: 'no-log' } as const) : readSessionContext(session);
  return { id, session, record, tool, context, full: opts.full === true, repositories: repos.map((r) => r.root), found };
}

/** `lore show <SESSION> --json`, and what lore_get_session answers: every repository's commits in one list, newest first. */
export function showSessionJson(r: ShowSessionResult) {
  const commits = r.found
    .flatMap((f) => f.commits.map((c) => ({ ...c, repo: f.root })))
    .sort((a, b) => (b.authorTime ?? 0) - (a.authorTime ?? 0))
    .map((c) => ({
      sha: c.sha,
      short: c.short,
      subject: c.subject,
      date: c.authorTime === null ? null : isoSeconds(c.authorTime),
      repo: c.repo,
      link: linkJson(c.link),
    }));
  const rewritten = r.found.flatMap((f) => f.rewritten.map((w) => ({ sha: w.commit.sha, short: w.commit.short, subject: w.commit.subject, repo: f.root, rewritten_as: w.as?.sha ?? null })));
  const about = r.record
    ? { session: sharedSummaryJson(r.record), ...sharedSessionContextJson(r.record) }
    : { session: sessionSummaryJson(r.id, r.session, r.tool), ...contextJson(r.context, r.full) };
  return { ...about, repositories: r.repositories, commits, rewritten };
}

import { readFileSync } from 'node:fs';
import { isoSeconds } from '../time.js';
import { parseNote } from '../links/record.js';
import { isInside } from '../linking/facts.js';
import { readSessionContext } from '../sessions/context/read-context.js';
import { abbreviations, lastActivity, normaliseId, type Session } from '../sessions/session.js';
import type { SharedSession } from '../sessions/shared-session.js';
import type { CommandDeps } from './deps.js';
import { realDir } from './place.js';
import { allSharedSessions, sharedJson } from './shared.js';
import { openWorkspace } from './workspace.js';

export interface SearchOptions {
  cwd: string;
  text: string;
  /** At most this many sessions; default DEFAULT_LIMIT. */
  limit?: number;
}

export const DEFAULT_LIMIT = 20;

export type SearchField = 'title' | 'prompts' | 'files';

export interface SearchHit {
  id: string;
  /** As short as it can be among every session lore knows here (CONTRACT §3). */
  short: string;
  tool: string | null;
  title: string | null;
  startedAt: number | null;
  branch: string | null;
  inIndex: boolean;
  shared: SharedSession | null;
  /** What matched, in the order title, prompts, files; `match` is the first of them, one line. */
  matched: SearchField[];
  match: { field: SearchField; text: string };
  commits: { sha: string; short: string; subject: string }[];
}

export interface SearchResult {
  text: string;
  total: number;
  sessions: SearchHit[];
}

/** The fields of a session, in the order a match is reported. */
interface Fields {
  title?: string;
  prompts: string[];
  files: string[];
}

function matchOf(f: Fields, needle: string): Pick<SearchHit, 'matched' | 'match'> | null {
  const has = (t: string) => t.toLowerCase().includes(needle);
  const found: [SearchField, string | undefined][] = [
    ['title', f.title !== undefined && has(f.title) ? f.title : undefined],
    ['prompts', f.prompts.find(has)],
    ['files', f.files.find(has)],
  ];
  const hits = found.filter((x): x is [SearchField, string] => x[1] !== undefined);
  if (hits.length === 0) return null;
  // The line of a long prompt that matched, not always its first.
  const line = hits[0][1].split('\n').find(has) ?? hits[0][1];
  return { matched: hits.map(([field]) => field), match: { field: hits[0][0], text: line.trim() } };
}

/**
 * Whether a log's raw text could hold a prompt or file that contains the text: parsing every
 * log of a repository costs seconds (1,000 sessions: 2.2 s), scanning its bytes a fraction
 * (0.5 s). Only for text the logs write as it is: ASCII, without the quote, backslash and
 * control characters JSON escapes or the `<>&` some writers escape too. Anything else, and a
 * log that cannot be read, is parsed (or found gone) as usual.
 */
function logMayMention(log: string | undefined, needle: string): boolean {
  if (log === undefined || !/^[\x20-\x7e]*$/.test(needle) || /["\\<>&]/.test(needle)) return true;
  try {
    return readFileSync(log, 'latin1').toLowerCase().includes(needle);
  } catch {
    return true;
  }
}

/**
 * `lore search <TEXT>`: the sessions of this repository, local and shared, whose title,
 * prompts or edited files contain TEXT (case-insensitive), newest first, each with the
 * commits it is linked to here. Local sessions are those whose directory is inside the
 * repository or that its notes link; their prompts come from their logs. A shared record
 * counts only for a session the index lacks, as everywhere.
 */
export async function searchSessions(opts: SearchOptions, deps: Pick<CommandDeps, 'warn'>): Promise<SearchResult> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn);
  const needle = opts.text.trim().toLowerCase();
  const notes = await repo.readAllNotes();
  const commitsOf = new Map<string, string[]>();
  for (const [sha, text] of notes) {
    for (const r of parseNote(text).records.values()) {
      const id = normaliseId(r.session);
      commitsOf.set(id, [...(commitsOf.get(id) ?? []), sha]);
    }
  }
  const hits: (Omit<SearchHit, 'commits' | 'short'> & { at: number })[] = [];
  const ours = (s: Session) => commitsOf.has(s.id) || (s.cwd !== undefined && isInside(realDir(s.cwd), repo.root));
  for (const s of index.sessions.values()) {
    if (needle === '' || !ours(s)) continue;
    const read = logMayMention(s.log, needle) ? readSessionContext(s) : undefined;
    const fromLog = read?.kind === 'read' ? read.context : undefined;
    const m = matchOf({ title: s.title, prompts: fromLog?.prompts ?? [], files: [...new Set([...(s.files ?? []), ...(fromLog?.files ?? [])])] }, needle);
    if (m) hits.push({ id: s.id, tool: s.tool ?? null, title: s.title ?? null, startedAt: s.startedAt ?? null, branch: s.branch ?? null, inIndex: true, shared: null, ...m, at: lastActivity(s) ?? 0 });
  }
  const records = await allSharedSessions(repo.gitDir);
  // Records are filed lowercased; the index keeps an id's own case.
  const local = new Set([...index.sessions.keys()].map((id) => id.toLowerCase()));
  for (const r of records) {
    if (needle === '' || local.has(r.id)) continue;
    const m = matchOf({ title: r.title, prompts: r.prompts ?? [], files: r.files }, needle);
    if (m) hits.push({ id: r.id, tool: r.tool ?? null, title: r.title ?? null, startedAt: r.startedAt ?? null, branch: r.branch ?? null, inIndex: false, shared: r, ...m, at: r.endedAt ?? r.startedAt ?? 0 });
  }
  hits.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  const shown = hits.slice(0, opts.limit ?? DEFAULT_LIMIT);
  const facts = await repo.describeCommits([...new Set(shown.flatMap((h) => commitsOf.get(h.id) ?? []))]);
  const short = abbreviations([...index.sessions.keys(), ...commitsOf.keys(), ...records.map((r) => r.id)]);
  const sessions = shown.map(({ at: _at, ...h }) => {
    const commits = (commitsOf.get(h.id) ?? []).flatMap((sha) => {
      const c = facts.get(sha);
      return c ? [{ sha, short: c.short, subject: c.subject, time: c.authorTime }] : [];
    });
    commits.sort((a, b) => b.time - a.time);
    return { ...h, short: short.get(h.id) ?? h.id, commits: commits.map(({ time: _t, ...c }) => c) };
  });
  return { text: opts.text, total: hits.length, sessions };
}

/** `lore search --json`, and what lore_search answers. */
export function searchJson(r: SearchResult) {
  return {
    text: r.text,
    total: r.total,
    sessions: r.sessions.map((h) => ({
      id: h.id,
      tool: h.tool,
      title: h.title,
      started_at: h.startedAt === null ? null : isoSeconds(h.startedAt),
      branch: h.branch,
      in_index: h.inIndex,
      shared: h.shared === null ? null : sharedJson(h.shared),
      matched: h.matched,
      match: h.match,
      commits: h.commits,
    })),
  };
}

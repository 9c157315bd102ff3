import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isLoreError, LoreError } from '../errors.js';
import type { Blame, BlameRange, CommitInfo, Repo } from '../git/repo.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import { normaliseId, type Session } from '../sessions/session.js';
import type { SharedSession } from '../sessions/shared-session.js';
import type { CommandDeps } from './deps.js';
import { realDir } from './place.js';
import { sharedJson, sharedSessionsOf } from './shared.js';
import { linkJson } from './show.js';
import { openWorkspace } from './workspace.js';

/** What `lore blame` says when the target is wrong: the command's, as the errors it throws. */
export const blameErrors = {
  badRange: (spec: string) => `bad line range '${spec}': lines count from 1, and a range's end is not before its start`,
  outside: (file: string, root: string) => `'${file}' is outside the repository ${root}`,
  noSuchFile: (file: string) => `no such file: '${file}'`,
  isDirectory: (file: string) => `'${file}' is a directory; blame works on one file`,
  pastEnd: (file: string, line: number, total: number) =>
    `line ${line} is past the end of ${file}, which has ${total === 1 ? '1 line' : `${total} lines`} at HEAD`,
  headHint: 'Line numbers are those of the file as committed at HEAD.',
};

export interface BlameOptions {
  cwd: string;
  /** `FILE`, `FILE:LINE` or `FILE:LINE-END`, FILE relative to cwd. */
  target: string;
}

/** A session linked to a range's commit; `shared` is a teammate's record of one the index lacks. */
export interface BlameSession {
  link: LinkRecord;
  title: string | null;
  shared?: SharedSession;
}

/** A run of lines last changed by one commit, its text, and the sessions linked to that commit. */
export interface BlameRun {
  start: number;
  end: number;
  commit: CommitInfo;
  sessions: BlameSession[];
  lines: string[];
}

export interface BlameResult {
  /** The file as the repository names it. */
  file: string;
  /** The last line asked for (the file's last without a range): line numbers are padded to it. */
  last: number;
  ranges: BlameRun[];
  /** The repository and the index, for the short ids the text shows. */
  repo: Repo;
  sessions: Map<string, Session>;
}

interface Target {
  file: string;
  first?: number;
  last?: number;
}

/** Consecutive lines last changed by one commit. */
interface Row {
  start: number;
  end: number;
  sha: string;
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Splits off a `:LINE` or `:LINE-END` suffix. A name that exists as given is a file
 * even when it ends like a line number, and `a:b` with no numeric suffix is a file.
 */
function parseTarget(arg: string, cwd: string): Target {
  const m = /^(.+):(\d+)(?:-(\d+))?$/.exec(arg);
  if (!m || statOf(resolve(cwd, arg))) return { file: arg };
  const first = Number(m[2]);
  const last = m[3] === undefined ? first : Number(m[3]);
  if (first < 1 || last < first) throw new LoreError('BAD_ARGUMENT', blameErrors.badRange(arg.slice(m[1].length + 1)));
  return { file: m[1], first, last };
}

/** The path as the repository names it; symlinked directories resolve as git sees them. */
function repoPath(repo: Repo, cwd: string, file: string): string {
  const abs = resolve(cwd, file);
  const real = join(realDir(dirname(abs)), basename(abs));
  const rel = relative(repo.root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new LoreError('BAD_ARGUMENT', blameErrors.outside(file, repo.root));
  }
  if (statOf(real)?.isDirectory()) throw new LoreError('BAD_ARGUMENT', blameErrors.isDirectory(file));
  return rel.split(sep).join('/');
}

async function blameFile(repo: Repo, path: string, file: string, cwd: string): Promise<Blame> {
  try {
    return await repo.blame(path);
  } catch (e) {
    // "not in HEAD" is right for a file git does not track; for a typo, say the file is missing.
    if (isLoreError(e) && e.code === 'UNKNOWN_REF' && !statOf(resolve(cwd, file))) {
      throw new LoreError('UNKNOWN_REF', blameErrors.noSuchFile(file));
    }
    throw e;
  }
}

function rowsOf(ranges: BlameRange[], first: number, last: number): Row[] {
  const rows: Row[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, first);
    const end = Math.min(r.start + r.lines - 1, last);
    if (start > end) continue;
    const prev = rows.at(-1);
    if (prev && prev.sha === r.sha && prev.end + 1 === start) prev.end = end;
    else rows.push({ start, end, sha: r.sha });
  }
  return rows;
}

/** `lore blame <FILE>[:LINE[-END]]`: for each run of lines, its commit and the sessions linked to it. */
export async function blame(opts: BlameOptions, deps: Pick<CommandDeps, 'warn'>): Promise<BlameResult> {
  const target = parseTarget(opts.target, opts.cwd);
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn);
  const path = repoPath(repo, opts.cwd, target.file);
  const { ranges, lines } = await blameFile(repo, path, target.file, opts.cwd);
  const total = ranges.reduce((n, r) => Math.max(n, r.start + r.lines - 1), 0);
  const first = target.first ?? 1;
  const last = target.last ?? total;
  if (target.last !== undefined && target.last > total) {
    throw new LoreError('BAD_ARGUMENT', blameErrors.pastEnd(path, target.last, total), blameErrors.headHint);
  }
  const rows = rowsOf(ranges, first, last);

  // Few distinct commits per file: one note read each beats reading every note.
  const commits = new Map<string, { info: CommitInfo; links: LinkRecord[] }>();
  for (const { sha } of rows) {
    if (commits.has(sha)) continue;
    const [info, note] = await Promise.all([repo.resolveCommit(sha), repo.readNote(sha)]);
    commits.set(sha, { info, links: [...parseNote(note).records.values()] });
  }

  // A linked session this index lacks may be one a teammate shared.
  const linked = [...commits.values()].flatMap((c) => c.links.map((l) => normaliseId(l.session)));
  const shared = await sharedSessionsOf(repo.gitDir, linked.filter((id) => !index.sessions.has(id)));
  const sessionOf = (link: LinkRecord): BlameSession => {
    const id = normaliseId(link.session);
    const record = shared.get(id);
    const title = index.sessions.get(id)?.title ?? record?.title ?? null;
    return record ? { link, title, shared: record } : { link, title };
  };
  const out = rows.map((r) => {
    const { info, links } = commits.get(r.sha)!;
    return { start: r.start, end: r.end, commit: info, sessions: links.map(sessionOf), lines: lines.slice(r.start - 1, r.end) };
  });
  return { file: path, last, ranges: out, repo, sessions: index.sessions };
}

/** `lore blame --json`, and what lore_blame answers. */
export function blameJson(r: BlameResult) {
  const ranges = r.ranges.map((run) => ({
    start: run.start,
    end: run.end,
    commit: { sha: run.commit.sha, short: run.commit.short, subject: run.commit.subject },
    sessions: run.sessions.map((s) => ({ id: s.link.session, title: s.title, link: linkJson(s.link), ...(s.shared ? { shared: sharedJson(s.shared) } : {}) })),
    lines: run.lines,
  }));
  return { file: r.file, root: r.repo.root, ranges };
}

import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { blameText } from '../cli/blame-text.js';
import { columns } from '../cli/format.js';
import type { Io } from '../io.js';
import { linkMethod } from '../cli/show-text.js';
import { isLoreError, LoreError } from '../errors.js';
import type { Blame, BlameRange, CommitInfo, Repo } from '../git/repo.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import { normaliseId } from '../sessions/session.js';
import { realDir } from './place.js';
import { sessionAbbreviator } from './session-abbrev.js';
import { sharedJson, sharedSessionsOf } from './shared.js';
import { linkJson } from './show.js';
import { openWorkspace } from './workspace.js';

export interface BlameOptions {
  cwd: string;
  /** `FILE`, `FILE:LINE` or `FILE:LINE-END`, FILE relative to cwd. */
  target: string;
  json: boolean;
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
  if (first < 1 || last < first) throw new LoreError('BAD_ARGUMENT', blameText.badRange(arg.slice(m[1].length + 1)));
  return { file: m[1], first, last };
}

/** The path as the repository names it; symlinked directories resolve as git sees them. */
function repoPath(repo: Repo, cwd: string, file: string): string {
  const abs = resolve(cwd, file);
  const real = join(realDir(dirname(abs)), basename(abs));
  const rel = relative(repo.root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new LoreError('BAD_ARGUMENT', blameText.outside(file, repo.root));
  }
  if (statOf(real)?.isDirectory()) throw new LoreError('BAD_ARGUMENT', blameText.isDirectory(file));
  return rel.split(sep).join('/');
}

async function blameFile(repo: Repo, path: string, file: string, cwd: string): Promise<Blame> {
  try {
    return await repo.blame(path);
  } catch (e) {
    // "not in HEAD" is right for a file git does not track; for a typo, say the file is missing.
    if (isLoreError(e) && e.code === 'UNKNOWN_REF' && !statOf(resolve(cwd, file))) {
      throw new LoreError('UNKNOWN_REF', blameText.noSuchFile(file));
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
export async function blame(opts: BlameOptions, io: Io): Promise<void> {
  const target = parseTarget(opts.target, opts.cwd);
  const { repo, index } = await openWorkspace(opts.cwd, (line) => io.err(line));
  const path = repoPath(repo, opts.cwd, target.file);
  const { ranges, lines } = await blameFile(repo, path, target.file, opts.cwd);
  const total = ranges.reduce((n, r) => Math.max(n, r.start + r.lines - 1), 0);
  const first = target.first ?? 1;
  const last = target.last ?? total;
  if (target.last !== undefined && target.last > total) {
    throw new LoreError('BAD_ARGUMENT', blameText.pastEnd(path, target.last, total), blameText.headHint);
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
  const titleOf = (l: LinkRecord) => index.sessions.get(normaliseId(l.session))?.title ?? shared.get(normaliseId(l.session))?.title ?? null;
  if (opts.json) {
    const out = rows.map((r) => {
      const { info, links } = commits.get(r.sha)!;
      return {
        start: r.start,
        end: r.end,
        commit: { sha: info.sha, short: info.short, subject: info.subject },
        sessions: links.map((l) => {
          const record = shared.get(normaliseId(l.session));
          return { id: l.session, title: titleOf(l), link: linkJson(l), ...(record ? { shared: sharedJson(record) } : {}) };
        }),
        lines: lines.slice(r.start - 1, r.end),
      };
    });
    io.out(JSON.stringify({ file: path, root: repo.root, ranges: out }, null, 2));
    return;
  }
  if (rows.length === 0) {
    io.out(blameText.empty(path));
    return;
  }
  const shortId = await sessionAbbreviator(repo, index.sessions);
  const sessionCell = (l: LinkRecord) => {
    const record = shared.get(normaliseId(l.session));
    const id = shortId(normaliseId(l.session));
    return record ? blameText.sharedSession(id, linkMethod(l), record.sharedBy) : blameText.session(id, linkMethod(l));
  };
  const heads = columns(
    rows.map((r) => {
      const { info, links } = commits.get(r.sha)!;
      return [blameText.lines(r.start, r.end), info.short, links.map(sessionCell).join(', ') || blameText.noLink];
    }),
  );
  const width = String(last).length;
  rows.forEach((r, i) => {
    const { info, links } = commits.get(r.sha)!;
    if (i > 0) io.out('');
    io.out(heads[i]);
    io.out(blameText.subject(info.subject));
    for (const l of links) {
      const title = titleOf(l);
      if (title) io.out(blameText.title(shortId(normaliseId(l.session)), title));
    }
    for (let n = r.start; n <= r.end; n++) io.out(blameText.code(n, width, lines[n - 1] ?? ''));
  });
}

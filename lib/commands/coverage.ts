import { readNotesBulk } from '../git/git-cli.js';
import { openRepo } from '../git/nodegit-repo.js';
import { resolveRemote, trackingRef } from '../git/notes-sync.js';
import { nonMergeCommits } from '../git/range.js';
import type { CommitInfo } from '../git/repo.js';
import { parseNote, type LinkMethod } from '../links/record.js';
import { chooseRange } from './default-range.js';

export interface CoverageOptions {
  cwd: string;
  /** A range as git reads it; default: the branch's commits not on the remote's default branch, else the last 100. */
  range?: string;
}

export interface CommitCoverage {
  commit: CommitInfo;
  /** How each of its sessions was linked; empty when it has no link. */
  methods: LinkMethod[];
  /** Linked here, and the remote's links (as last fetched) lack some of it. */
  unpushed: boolean;
}

export interface CoverageResult {
  range: string;
  /** Newest first; merges are left out, they are nobody's session's work. */
  commits: CommitCoverage[];
  linked: number;
  /** Percent of the commits with a link, rounded down; 100 when the range is empty. */
  percent: number;
  /** Commits linked by each method (a commit with two methods counts for both). */
  byMethod: Partial<Record<LinkMethod, number>>;
  remote: string | null;
}

/** The remote links are compared with: none when the clone has no remote. */
async function remoteOf(cwd: string): Promise<string | null> {
  try {
    return await resolveRemote(cwd);
  } catch {
    return null;
  }
}

/** `lore coverage [RANGE]`: how many of a range's commits are linked, how, and what is not pushed. */
export async function coverage(opts: CoverageOptions): Promise<CoverageResult> {
  const repo = await openRepo(opts.cwd);
  const [range, remote] = await Promise.all([chooseRange(repo, opts.range), remoteOf(opts.cwd)]);
  const shas = await nonMergeCommits(repo.gitDir, range.revs);
  const wanted = new Set(shas);
  const [described, local, theirs] = await Promise.all([
    repo.describeCommits(shas),
    repo.readNotes(shas),
    remote === null ? Promise.resolve(new Map<string, string>()) : readNotesBulk(repo.gitDir, trackingRef(remote), wanted),
  ]);
  const byMethod: Partial<Record<LinkMethod, number>> = {};
  const commits = shas.map((sha) => {
    const records = [...parseNote(local.get(sha) ?? null).records.values()];
    const remoteSessions = parseNote(theirs.get(sha) ?? null).records;
    const methods = [...new Set(records.map((r) => r.method))];
    for (const m of methods) byMethod[m] = (byMethod[m] ?? 0) + 1;
    return { commit: described.get(sha)!, methods, unpushed: remote !== null && records.some((r) => !remoteSessions.has(r.session)) };
  });
  const linked = commits.filter((c) => c.methods.length > 0).length;
  const percent = shas.length === 0 ? 100 : Math.floor((linked * 100) / shas.length);
  return { range: range.label, commits, linked, percent, byMethod, remote };
}

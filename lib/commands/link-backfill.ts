import { findGitRoot } from '../git/discover.js';
import { openRepo } from '../git/nodegit-repo.js';
import type { Repo } from '../git/repo.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import type { BackfillCounts } from '../links/link-report.js';
import { parseNote } from '../links/record.js';
import { filterByFiles, pairsInWindows, type BackfillPair } from '../linking/backfill.js';
import type { Placed } from '../linking/current.js';
import { isDirectory } from '../is-directory.js';
import type { CommandDeps } from './deps.js';
import { factsFor, placeSessions } from './place.js';
import { loadIndex } from './workspace.js';

export interface BackfillOptions {
  cwd: string;
  allAuthors: boolean;
  /** The links will be written: nodegit loads while git walks. */
  prepareWrite?: boolean;
}

interface RepoPlan {
  repo: Repo;
  pairs: BackfillPair[];
  /** git's abbreviation length in this repository. */
  abbrev: number;
}

/** One link backfill found, with what its line shows. */
export interface BackfillFound {
  link: PlannedLink;
  subject: string;
  /** git's abbreviation length in the commit's repository. */
  abbrev: number;
}

/**
 * What `lore link --auto --backfill` found: the links, in the order of their repositories
 * (the one with most sessions first), and its counts of what it did not look at or left out.
 */
export interface BackfillPlan {
  repos: RepoPlan[];
  found: BackfillFound[];
  counts: BackfillCounts;
}

/**
 * A commit is committed after it is authored, but clocks differ between machines: the walk
 * reaches this far before the earliest session, so a commit authored in a window is kept
 * even when its committer's clock was behind.
 */
const CLOCK_SKEW_MS = 24 * 3600_000;

/**
 * One walk of one repository serves all of its sessions, back to the earliest one only;
 * notes and diffs are read in bulk. With `willWrite`, nodegit loads while git walks.
 */
export async function planRepo(root: string, placed: Placed[], allAuthors: boolean, willWrite: boolean) {
  const repo = await openRepo(root);
  const since = placed.reduce((t, p) => Math.min(t, p.session.startedAt), Infinity) - CLOCK_SKEW_MS;
  const walking = Promise.all([repo.walkHistory(since), repo.userEmail(), repo.abbrevLength()]);
  // Loading nodegit (~0.2 s, blocking) overlaps git's walk instead of following the plan.
  if (willWrite) repo.prepareWrite();
  const [commits, email, abbrev] = await walking;
  const windows = pairsInWindows({ sessions: factsFor(placed, repo.root), commits, userEmail: email, allAuthors });
  const shas = [...new Set(windows.pairs.map((p) => p.commit.sha))];
  const notes = await repo.readNotes(shas);
  // Each note is parsed once, however many sessions' windows hold its commit.
  const linked = new Map([...notes].map(([sha, text]) => [sha, parseNote(text).records]));
  const isLinked = (p: BackfillPair) => linked.get(p.commit.sha)?.has(p.facts.session.id) === true;
  // The commits some unlinked pair is for, and some session with file data competes for.
  const open = new Set(windows.pairs.filter((p) => !isLinked(p)).map((p) => p.commit.sha));
  const needFiles = new Set(windows.pairs.filter((p) => p.facts.files !== null && open.has(p.commit.sha)).map((p) => p.commit.sha));
  // In the walk's order: git diffs neighbouring commits from its delta cache, three times
  // faster than in the sessions' order.
  const files = await repo.changedFilesMany(commits.map((c) => c.sha).filter((sha) => needFiles.has(sha)));
  const { kept, noOverlap, outclaimed } = filterByFiles(windows.pairs, (sha) => files.get(sha) ?? [], isLinked);
  return { plan: { repo, pairs: kept, abbrev } as RepoPlan, noOverlap, outclaimed, otherAuthors: windows.otherAuthors };
}

/** `lore link --auto --backfill`: every ended session against the commits made in its window, changing nothing. */
export async function planBackfill(opts: BackfillOptions, deps: CommandDeps): Promise<BackfillPlan> {
  const index = await loadIndex(opts.cwd, deps.warn);
  const ended = placeSessions(index, (s) => s.endedAt !== null);
  // Thousands of sessions share a few directories: each is looked up once.
  const rootOf = new Map<string, string | null | undefined>();
  for (const { realCwd } of ended) if (!rootOf.has(realCwd)) rootOf.set(realCwd, isDirectory(realCwd) ? findGitRoot(realCwd) : undefined);
  const existing = ended.filter((p) => rootOf.get(p.realCwd) !== undefined);
  const byRoot = new Map<string, Placed[]>();
  let nonGit = 0;
  for (const p of existing) {
    const root = rootOf.get(p.realCwd)!;
    if (root === null) nonGit++;
    else if (byRoot.has(root)) byRoot.get(root)!.push(p);
    else byRoot.set(root, [p]);
  }

  const spinner = await deps.progress(`Scanning ${byRoot.size} repositor${byRoot.size === 1 ? 'y' : 'ies'}`);
  const repos: RepoPlan[] = [];
  let noOverlap = 0;
  let outclaimed = 0;
  let otherAuthors = 0;
  try {
    // Repositories are independent and their time is mostly git's: plan them side by side,
    // the one with most sessions first (its git work is the longest).
    let done = 0;
    const results = await Promise.all(
      [...byRoot].sort((a, b) => b[1].length - a[1].length).map(([root, placed]) =>
        planRepo(root, placed, opts.allAuthors, opts.prepareWrite === true).then((r) => {
          spinner.update(`Scanned ${++done} of ${byRoot.size} repositories`);
          return r;
        }),
      ),
    );
    for (const r of results) {
      repos.push(r.plan);
      noOverlap += r.noOverlap;
      outclaimed += r.outclaimed;
      otherAuthors += r.otherAuthors;
    }
  } finally {
    spinner.stop();
  }
  const found = repos.flatMap((plan) => {
    const links = backfillLinks(plan.pairs, plan.abbrev);
    return plan.pairs.map((p, i) => ({ link: links[i], subject: p.commit.subject, abbrev: plan.abbrev }));
  });
  const counts = { ended: ended.length, existing: existing.length, in_git: existing.length - nonGit, no_overlap: noOverlap, outclaimed, other_authors: otherAuthors };
  return { repos, found, counts };
}

export function backfillLinks(pairs: BackfillPair[], abbrev: number): PlannedLink[] {
  return pairs.map((p) => ({
    session: p.facts.session.id,
    sha: p.commit.sha,
    short: p.commit.sha.slice(0, abbrev),
    method: 'backfill',
    tool: p.facts.session.tool,
    signals: p.signals,
  }));
}

/** Writes the plan's links, one notes commit per repository; how many were new. */
export async function applyBackfill(plan: BackfillPlan): Promise<number> {
  let n = 0;
  for (const { repo, pairs, abbrev } of plan.repos) n += (await writeLinks(repo, backfillLinks(pairs, abbrev))).length;
  return n;
}

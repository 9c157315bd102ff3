import { confirm, startProgress, type Io } from '../io.js';
import { linkText } from '../cli/link-text.js';
import { findGitRoot } from '../git/discover.js';
import { openRepo } from '../git/nodegit-repo.js';
import type { Repo } from '../git/repo.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import type { LinkReport, LinkStatus } from '../links/link-report.js';
import { parseNote } from '../links/record.js';
import { filterByFiles, pairsInWindows, type BackfillPair } from '../linking/backfill.js';
import type { Placed } from '../linking/current.js';
import { isDirectory } from '../is-directory.js';
import { shortId } from '../sessions/session.js';
import { factsFor, placeSessions } from './place.js';
import { loadIndex } from './workspace.js';

export interface BackfillOptions {
  cwd: string;
  dryRun: boolean;
  yes: boolean;
  allAuthors: boolean;
  report?: LinkReport;
}

interface RepoPlan {
  repo: Repo;
  pairs: BackfillPair[];
  /** git's abbreviation length in this repository. */
  abbrev: number;
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

/** `lore link --auto --backfill`: every ended session against the commits made in its window. */
export async function linkBackfill(opts: BackfillOptions, io: Io): Promise<void> {
  const index = await loadIndex(opts.cwd, (line) => io.err(line));
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

  const spinner = await startProgress(io, `Scanning ${byRoot.size} repositor${byRoot.size === 1 ? 'y' : 'ies'}`);
  const plans: RepoPlan[] = [];
  let noOverlap = 0;
  let outclaimed = 0;
  let otherAuthors = 0;
  try {
    // Repositories are independent and their time is mostly git's: plan them side by side,
    // the one with most sessions first (its git work is the longest).
    let done = 0;
    const results = await Promise.all(
      [...byRoot].sort((a, b) => b[1].length - a[1].length).map(([root, placed]) =>
        planRepo(root, placed, opts.allAuthors, opts.yes && !opts.dryRun).then((r) => {
          spinner.update(`Scanned ${++done} of ${byRoot.size} repositories`);
          return r;
        }),
      ),
    );
    for (const r of results) {
      plans.push(r.plan);
      noOverlap += r.noOverlap;
      outclaimed += r.outclaimed;
      otherAuthors += r.otherAuthors;
    }
  } finally {
    spinner.stop();
  }

  const pairs = plans.flatMap((plan) => plan.pairs.map((p) => ({ ...p, abbrev: plan.abbrev })));
  // git's abbreviation, but never under the 8 digits the seed's backfill lines show.
  const line = (p: BackfillPair & { abbrev: number }, text: typeof linkText.backfillWould) =>
    text(shortId(p.facts.session.id), p.commit.sha.slice(0, Math.max(8, p.abbrev)), p.commit.subject);
  const report = (status: LinkStatus) =>
    opts.report?.links.push(...plans.flatMap((plan) => backfillLinks(plan.pairs, plan.abbrev).map((link) => ({ link, status }))));
  if (opts.report) {
    opts.report.backfill = { ended: ended.length, existing: existing.length, in_git: existing.length - nonGit, no_overlap: noOverlap, outclaimed, other_authors: otherAuthors };
  }
  const summary = () => {
    io.out(linkText.scanned(ended.length, existing.length, existing.length - nonGit));
    io.out(linkText.skippedMissing(ended.length - existing.length));
    io.out(linkText.skippedNonGit(nonGit));
    if (noOverlap > 0) io.out(linkText.skippedNoOverlap(noOverlap));
    if (outclaimed > 0) io.out(linkText.skippedOutclaimed(outclaimed));
    if (otherAuthors > 0) io.out(linkText.skippedOtherAuthors(otherAuthors));
  };
  if (pairs.length === 0) {
    io.out(linkText.backfillNone());
    summary();
    return;
  }
  io.out(linkText.backfillFound(pairs.length));
  const applyNow = opts.yes && !opts.dryRun;
  // One write for thousands of lines: a write per line costs more than planning them.
  const lines = (text: typeof linkText.backfillWould) => io.out(pairs.map((p) => line(p, text)).join('\n'));
  if (!applyNow) lines(linkText.backfillWould);
  if (applyNow) {
    await apply(plans);
    lines(linkText.backfillLinked);
  }
  report(applyNow ? 'linked' : 'would-link');
  summary();
  if (opts.dryRun || applyNow) return;
  if (!(await confirm(io, linkText.prompt))) {
    io.out(linkText.notApplied());
    return;
  }
  io.out(linkText.applied(await apply(plans)));
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

async function apply(plans: RepoPlan[]): Promise<number> {
  let n = 0;
  for (const { repo, pairs, abbrev } of plans) n += (await writeLinks(repo, backfillLinks(pairs, abbrev))).length;
  return n;
}

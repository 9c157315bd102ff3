import { LoreError } from '../errors.js';
import { openRepo } from '../git/nodegit-repo.js';
import { commitPatchIds, patchIds, readCarryState, writeCarryState, type DiffSpec } from '../git/patch-ids.js';
import { branchTips, forkPoint, nonMergeCommits, resolveSha, upstreamRef } from '../git/range.js';
import type { CommitInfo, Repo } from '../git/repo.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import { parseNote, type LinkRecord } from '../links/record.js';
import { planCarry, type Segment } from '../linking/carry.js';

export interface CarryOptions {
  cwd: string;
  /** A range as git reads it (`A..B`, a branch); default: what the upstream gained since the last carry. */
  range?: string;
  dryRun: boolean;
}

export interface CarriedLink {
  session: string;
  target: CommitInfo;
  from: CommitInfo[];
  /** False when the target already had a link to the session. */
  added: boolean;
}

export interface CarryResult {
  /** The range that was looked at, as the user would write it. */
  range: string;
  /** Commits of the range that were checked. */
  checked: number;
  links: CarriedLink[];
  dryRun: boolean;
}

interface Range {
  label: string;
  revs: string[];
  /** The commit the range ends at: branches are squashed or rebased onto it. */
  onto: string;
  /** Set when the range is the default: where to record that the carry got to. */
  upstream?: { ref: string; tip: string };
  /** The first carry onto an upstream looks only as far back as the oldest linked commit. */
  sinceOldestLink?: boolean;
}

/** The end of a range as git reads it: `B` of `A..B` or `A...B` (HEAD when empty), or the rev itself. */
function rangeEnd(range: string): string {
  const at = range.lastIndexOf('..');
  if (at === -1) return range;
  return range.slice(at + 2).replace(/^\./, '') || 'HEAD';
}

async function carryRange(repo: Repo, range: string | undefined): Promise<Range> {
  if (range !== undefined) return { label: range, revs: [range], onto: rangeEnd(range) };
  const ref = await upstreamRef(repo.gitDir);
  if (ref === null) {
    throw new LoreError('BAD_ARGUMENT', 'the current branch has no upstream to carry links onto', 'Give a range, e.g. lore carry origin/main~20..origin/main');
  }
  const tip = (await resolveSha(repo.gitDir, ref))!;
  const last = readCarryState(repo.gitDir)[ref];
  const name = ref.replace(/^refs\/remotes\//, '');
  return last
    ? { label: `${name} since the last carry`, revs: [`${last}..${tip}`], onto: tip, upstream: { ref, tip } }
    : { label: name, revs: [tip], onto: tip, upstream: { ref, tip }, sinceOldestLink: true };
}

/** Every linked commit's records that lore understands. */
function linkedRecords(notes: Map<string, string>): Map<string, LinkRecord[]> {
  const linked = new Map<string, LinkRecord[]>();
  for (const [sha, text] of notes) {
    const records = [...parseNote(text).records.values()];
    if (records.length > 0) linked.set(sha, records);
  }
  return linked;
}

/**
 * The linked segments of every local and remote-tracking branch that forked from `onto`
 * and was not merged into it: for each, the whole change from the fork point to the tip,
 * and to each linked commit on it (the branch may have gone on after it was squashed).
 */
async function linkedSegments(gitDir: string, onto: string, linked: Map<string, unknown>): Promise<Segment[]> {
  const diffs: DiffSpec[] = [];
  const linkedUpTo = new Map<string, string[]>();
  // Each branch is asked about in parallel: a git process per question, so a sync with
  // several branches does not wait for them in turn.
  const branches = await Promise.all(
    [...(await branchTips(gitDir)).keys()].map(async (tip) => {
      const base = await forkPoint(gitDir, tip, onto);
      if (base === null || base === tip) return { tip, base, onBranch: [] as string[] };
      return { tip, base, onBranch: (await nonMergeCommits(gitDir, [`${base}..${tip}`])).filter((sha) => linked.has(sha)) };
    }),
  );
  for (const { tip, base, onBranch } of branches) {
    if (base === null || onBranch.length === 0) continue;
    for (const end of new Set([tip, ...onBranch])) {
      if (linkedUpTo.has(end)) continue;
      diffs.push({ tip: end, base });
      linkedUpTo.set(end, onBranch.slice(end === tip ? 0 : onBranch.indexOf(end)));
    }
  }
  const ids = await patchIds(gitDir, diffs);
  return diffs.flatMap((d) => (ids.has(d.tip) ? [{ tip: d.tip, linked: linkedUpTo.get(d.tip)!, patchId: ids.get(d.tip)! }] : []));
}

/**
 * `lore carry [RANGE]`: the links of commits that a rebase merge, a cherry-pick or a squash
 * merge replaced are written onto the commits that replaced them, with `method: carried` and
 * the commits they came from. Idempotent; one notes commit, by compare-and-swap.
 */
export async function carry(opts: CarryOptions): Promise<CarryResult> {
  const repo = await openRepo(opts.cwd);
  const range = await carryRange(repo, opts.range);
  const notes = await repo.readAllNotes();
  const linked = linkedRecords(notes);
  if (linked.size === 0) return { range: range.label, checked: 0, links: [], dryRun: opts.dryRun };

  const present = await repo.describeCommits([...linked.keys()]);
  if (present.size === 0) return { range: range.label, checked: 0, links: [], dryRun: opts.dryRun };
  // Nothing made before the oldest linked commit can have replaced it.
  const since = range.sinceOldestLink ? Math.min(...[...present.values()].map((c) => c.authorTime)) : undefined;
  const targets = await nonMergeCommits(repo.gitDir, range.revs, since);
  const [targetIds, linkedIds, segments] = await Promise.all([
    commitPatchIds(repo.gitDir, targets),
    commitPatchIds(repo.gitDir, [...present.keys()]),
    linkedSegments(repo.gitDir, range.onto, linked),
  ]);
  const plans = planCarry({ targets, targetIds, linked, linkedIds, segments });

  const described = await repo.describeCommits([...new Set(plans.map((p) => p.target))]);
  const planned: PlannedLink[] = plans.map((p) => ({
    session: p.session,
    sha: p.target,
    short: described.get(p.target)!.short,
    method: 'carried',
    tool: p.tool,
    from: p.from,
  }));
  let added: Set<string>;
  if (opts.dryRun) {
    added = new Set(planned.filter((l) => !parseNote(notes.get(l.sha) ?? null).records.has(l.session)).map(key));
  } else {
    added = new Set((await writeLinks(repo, planned)).map(key));
    if (range.upstream) writeCarryState(repo.gitDir, { ...readCarryState(repo.gitDir), [range.upstream.ref]: range.upstream.tip });
  }
  const links = plans.map((p) => ({
    session: p.session,
    target: described.get(p.target)!,
    from: p.from.map((sha) => present.get(sha)!),
    added: added.has(key({ session: p.session, sha: p.target })),
  }));
  return { range: range.label, checked: targets.length, links, dryRun: opts.dryRun };
}

function key(l: { session: string; sha: string }): string {
  return `${l.sha} ${l.session}`;
}

import { formatMinute } from '../cli/format.js';
import { confirm, type Io } from '../io.js';
import { linkText } from '../cli/link-text.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import { skipOf, type LinkReport } from '../links/link-report.js';
import { parseNote } from '../links/record.js';
import { isNear, planAuto, type AutoCandidate } from '../linking/auto.js';
import { isInside, type CommitFacts } from '../linking/facts.js';
import { linkSignals } from '../linking/signals.js';
import { shortId } from '../sessions/session.js';
import { factsFor, placeSessions } from './place.js';
import { openWorkspace } from './workspace.js';

export interface AutoLinkOptions {
  cwd: string;
  commit: string;
  threshold: number;
  dryRun: boolean;
  yes: boolean;
  report?: LinkReport;
}

/** `lore link --auto`: scores the sessions near one commit and proposes the likely ones. */
export async function linkAuto(opts: AutoLinkOptions, io: Io): Promise<void> {
  const { repo, index } = await openWorkspace(opts.cwd, (line) => io.err(line));
  const email = repo.userEmail(); // asked while git inspects the commit; never rejects
  const { commit, files: commitFiles, note } = await repo.inspectCommit(opts.commit);
  const facts: CommitFacts = { ...commit, committerTime: commit.time };
  const sessions = factsFor(placeSessions(index, (s) => isNear(s, facts)), repo.root).filter((f) => isInside(f.realCwd, repo.root));
  // Only the candidates' branches matter: asking git about every branch walks them all.
  const branches = [...new Set(sessions.flatMap((f) => f.session.branches))];
  const commitBranches = await repo.branchesContaining(commit, branches);
  const plan = planAuto({
    commit: facts,
    commitFiles,
    commitBranches,
    sessions,
    root: repo.root,
    threshold: opts.threshold,
    userEmail: await email,
  });

  io.out(linkText.autoHeader(commit.short));
  io.out(linkText.autoCommit(commit.subject, formatMinute(commit.authorTime, commit.authorOffset)));
  io.out(linkText.autoFiles(commitFiles.length));
  io.out(linkText.autoThreshold(opts.threshold));
  io.out('');
  io.out(linkText.candidates(plan.candidates.length));

  const linked = parseNote(note).records;
  const id8 = (c: AutoCandidate) => shortId(c.facts.session.id);
  const skipped = opts.report?.skipped ?? [];
  for (const c of plan.rejected) {
    io.out(linkText.skipped(id8(c), c.confidence, opts.threshold));
    skipped.push({ session: c.facts.session.id, commit: commit.sha, reason: 'below-threshold', confidence: c.confidence });
  }
  for (const { candidate, loss } of plan.lost) {
    io.out(linkText.lost(id8(candidate), loss));
    skipped.push(skipOf(candidate.facts.session.id, commit.sha, loss));
  }
  const proposals: AutoCandidate[] = [];
  for (const c of plan.accepted) {
    if (!linked.has(c.facts.session.id)) proposals.push(c);
    else {
      io.out(linkText.skippedLinked(id8(c)));
      skipped.push({ session: c.facts.session.id, commit: commit.sha, reason: 'already-linked', confidence: c.confidence });
    }
  }
  if (proposals.length === 0) {
    io.out(linkText.noneMeet());
    return;
  }
  io.out(linkText.meetThreshold(proposals.length));
  if (opts.dryRun || !opts.yes) {
    for (const c of proposals) io.out(linkText.autoWould(id8(c), commit.short, c.confidence));
  }
  const planned: PlannedLink[] = proposals.map((c) => ({
    session: c.facts.session.id,
    sha: commit.sha,
    short: commit.short,
    method: 'auto',
    confidence: c.confidence,
    tool: c.facts.session.tool,
    signals: linkSignals({ overlap: c.evidence.files, commitFiles: commitFiles.length, distanceMs: c.distance, branch: c.evidence.branch }),
  }));
  if (opts.dryRun) {
    opts.report?.links.push(...planned.map((link) => ({ link, status: 'would-link' as const })));
    return;
  }
  if (!opts.yes && !(await confirm(io, linkText.prompt))) {
    io.out(linkText.notApplied());
    return;
  }
  const added = await writeLinks(repo, planned);
  opts.report?.links.push(...planned.map((link) => ({ link, status: added.some((l) => l.session === link.session) ? ('linked' as const) : ('already-linked' as const) })));
  const conf = new Map(proposals.map((c) => [c.facts.session.id, c.confidence]));
  for (const l of added) io.out(linkText.autoLinked(shortId(l.session), commit.short, conf.get(l.session)!));
  io.out(linkText.applied(added.length));
}

import type { PlannedLink } from '../links/apply.js';
import { skipOf, type ReportedSkip } from '../links/link-report.js';
import { parseNote } from '../links/record.js';
import { autoCandidates, isNear, planAuto } from '../linking/auto.js';
import type { CommitFacts } from '../linking/facts.js';
import { linkSignals } from '../linking/signals.js';
import type { CommandDeps } from './deps.js';
import type { OneCommitPlan } from './link-one-commit.js';
import { factsFor, placeSessions } from './place.js';
import { openWorkspace } from './workspace.js';

export interface AutoLinkOptions {
  cwd: string;
  commit: string;
  threshold: number;
}

/**
 * What `lore link --auto` proposes for one commit: how many sessions were near it, the
 * ones it leaves out and why (below the threshold, then taken off by the evidence, then
 * linked already), and the links to write, each with its confidence (applyOneCommit
 * writes them).
 */
export interface AutoPlan {
  target: OneCommitPlan;
  filesChanged: number;
  candidates: number;
  skipped: ReportedSkip[];
}

/** `lore link --auto`: scores the sessions near one commit and proposes the likely ones, changing nothing. */
export async function planLinkAuto(opts: AutoLinkOptions, deps: Pick<CommandDeps, 'warn'>): Promise<AutoPlan> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn);
  const email = repo.userEmail(); // asked while git inspects the commit; never rejects
  const { commit, files: commitFiles, note } = await repo.inspectCommit(opts.commit);
  const facts: CommitFacts = { ...commit, committerTime: commit.time };
  // Only sessions near in time are placed (their directories resolved): the planner's own rule, asked early.
  const sessions = autoCandidates(factsFor(placeSessions(index, (s) => isNear(s, facts)), repo.root), facts, repo.root);
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
    linked: new Set(parseNote(note).records.keys()),
  });

  const skipped: ReportedSkip[] = [
    ...plan.rejected.map((c) => ({ session: c.facts.session.id, commit: commit.sha, reason: 'below-threshold' as const, confidence: c.confidence })),
    ...plan.lost.map(({ candidate, loss }) => skipOf(candidate.facts.session.id, commit.sha, loss)),
    ...plan.linked.map((c) => ({ session: c.facts.session.id, commit: commit.sha, reason: 'already-linked' as const, confidence: c.confidence })),
  ];
  const proposals: PlannedLink[] = plan.accepted.map((c) => ({
    session: c.facts.session.id,
    sha: commit.sha,
    short: commit.short,
    method: 'auto',
    confidence: c.confidence,
    tool: c.facts.session.tool,
    signals: linkSignals({ overlap: c.evidence.files, commitFiles: commitFiles.length, distanceMs: c.distance, branch: c.evidence.branch }),
  }));
  return { target: { repo, commit, links: proposals }, filesChanged: commitFiles.length, candidates: plan.candidates.length, skipped };
}

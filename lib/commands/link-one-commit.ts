import { writeLinks, type PlannedLink } from '../links/apply.js';
import type { ReportedLink } from '../links/link-report.js';
import type { LinkMethod, LinkSignals } from '../links/record.js';
import type { CommitInfo, Repo } from '../git/repo.js';
import type { Session } from '../sessions/session.js';

/** A session to link to the commit, how it was found and, for automatic links, why. */
export interface OneLink {
  session: Session;
  method: LinkMethod;
  signals?: LinkSignals;
}

/** Sessions to link to one commit (manual and --current): what the plan found, nothing written yet. */
export interface OneCommitPlan {
  repo: Repo;
  commit: CommitInfo;
  links: PlannedLink[];
}

export function oneCommitPlan(repo: Repo, commit: CommitInfo, links: OneLink[]): OneCommitPlan {
  return {
    repo,
    commit,
    links: links.map(({ session: s, method, signals }) => ({ session: s.id, sha: commit.sha, short: commit.short, method, tool: s.tool, signals })),
  };
}

/** Writes the plan's links in one notes commit; each link with what became of it, in the plan's order. */
export async function applyOneCommit(plan: OneCommitPlan): Promise<ReportedLink[]> {
  const added = new Set((await writeLinks(plan.repo, plan.links)).map((l) => l.session));
  return plan.links.map((link) => ({ link, status: added.has(link.session) ? 'linked' : 'already-linked' }));
}

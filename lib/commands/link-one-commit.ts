import type { Io } from '../io.js';
import { linkText } from '../cli/link-text.js';
import { writeLinks, type PlannedLink } from '../links/apply.js';
import type { LinkReport } from '../links/link-report.js';
import type { LinkMethod, LinkSignals } from '../links/record.js';
import type { CommitInfo, Repo } from '../git/repo.js';
import type { Session } from '../sessions/session.js';
import { shortId } from '../sessions/session.js';

/** A session to link to the commit, how it was found and, for automatic links, why. */
export interface OneLink {
  session: Session;
  method: LinkMethod;
  signals?: LinkSignals;
}

/** Links sessions to one commit and prints the seed's lines (manual and --current). */
export async function linkSessionsToCommit(repo: Repo, commit: CommitInfo, links: OneLink[], dryRun: boolean, io: Io, report?: LinkReport): Promise<void> {
  io.out(linkText.linkingTo(commit.short));
  const planned: PlannedLink[] = links.map(({ session: s, method, signals }) => ({ session: s.id, sha: commit.sha, short: commit.short, method, tool: s.tool, signals }));
  if (dryRun) {
    for (const l of planned) io.out(linkText.wouldLink(shortId(l.session), commit.short));
    report?.links.push(...planned.map((link) => ({ link, status: 'would-link' as const })));
    return;
  }
  const added = new Set((await writeLinks(repo, planned)).map((l) => l.session));
  report?.links.push(...planned.map((link) => ({ link, status: added.has(link.session) ? ('linked' as const) : ('already-linked' as const) })));
  for (const l of planned) io.out((added.has(l.session) ? linkText.linked : linkText.alreadyLinked)(shortId(l.session), commit.short));
}

import type { Identity, Repo } from '../git/repo.js';
import { shortId } from '../sessions/session.js';
import { addLink, formatNote, parseNote, roundConfidence, type LinkMethod, type LinkRecord, type LinkSignals } from './record.js';
import { isoSeconds } from '../time.js';

/** One link to write: a session onto a commit, and how it was found. */
export interface PlannedLink {
  session: string;
  sha: string;
  short: string;
  method: LinkMethod;
  confidence?: number;
  tool?: string;
  /** For `carried`: the commits the link comes from. */
  from?: string[];
  signals?: LinkSignals;
}

function nowIso(): string {
  return isoSeconds(Date.now());
}

export function toRecord(link: PlannedLink, who: Identity, linkedAt: string): LinkRecord {
  return {
    v: 1,
    session: link.session,
    method: link.method,
    confidence: link.confidence === undefined ? undefined : roundConfidence(link.confidence),
    linked_at: linkedAt,
    linked_by: who.email,
    tool: link.tool,
    from: link.from,
    signals: link.signals,
  };
}

function commitMessage(links: PlannedLink[]): string {
  const byCommit = new Map<string, string[]>();
  for (const l of links) byCommit.set(l.short, [...(byCommit.get(l.short) ?? []), shortId(l.session)]);
  const parts = [...byCommit].map(([short, ids]) => `${ids.join(', ')} -> ${short}`);
  const head = parts.length <= 3 ? parts.join('; ') : `${links.length} links on ${parts.length} commits`;
  return `lore: link ${head}\n`;
}

/**
 * Writes all links in one notes commit. A session already linked to a commit keeps
 * its line (linking is idempotent). Returns the links that were new.
 */
export async function writeLinks(repo: Repo, links: PlannedLink[]): Promise<PlannedLink[]> {
  if (links.length === 0) return [];
  const who = await repo.identity();
  const linkedAt = nowIso();
  const bySha = new Map<string, PlannedLink[]>();
  for (const l of links) bySha.set(l.sha, [...(bySha.get(l.sha) ?? []), l]);
  // Keyed by commit: a lost compare-and-swap re-runs the edit, which must not count twice.
  const added = new Map<string, PlannedLink[]>();
  await repo.editNotes(
    [...bySha.keys()],
    (sha, current) => {
      const note = parseNote(current);
      const fresh = bySha.get(sha)!.filter((l) => addLink(note, toRecord(l, who, linkedAt)));
      added.set(sha, fresh);
      return fresh.length > 0 ? formatNote(note) ?? undefined : undefined;
    },
    commitMessage(links),
  );
  return [...added.values()].flat();
}

import type { Repo } from '../git/repo.js';
import { parseNote } from '../links/record.js';
import { matchesAnyPrefix } from '../sessions/lookup.js';
import { normaliseId, shortId } from '../sessions/session.js';
import type { CommandDeps } from './deps.js';
import { describeLinks, linkedIds, linksTo, resolveSessionId, type LinkedCommit } from './show.js';
import { openWorkspace } from './workspace.js';

export interface UnlinkOptions {
  cwd: string;
  session: string;
  /** Only this commit; otherwise every commit of the repository linked to the session. */
  commit?: string;
}

/**
 * The note without the lines linking `id`, or null when nothing is left (the note
 * goes). Every other line stays exactly as written, so unlinking never rewrites a
 * teammate's or another tool's line. undefined: the note does not link `id`.
 */
function withoutSession(text: string | null, id: string): string | null | undefined {
  if (text === null) return undefined;
  const kept: string[] = [];
  let dropped = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const linksIt = [...parseNote(line).records.values()].some((r) => normaliseId(r.session) === id);
    if (linksIt) dropped = true;
    else kept.push(line);
  }
  if (!dropped) return undefined;
  return kept.length === 0 ? null : kept.join('\n') + '\n';
}

/** What `lore unlink` would remove: from one commit (--commit), or from every commit linked to the session. */
export type UnlinkPlan =
  | { kind: 'commit'; repo: Repo; id: string; id8: string; sha: string; short: string; linked: boolean }
  | { kind: 'all'; repo: Repo; id: string; id8: string; commits: LinkedCommit[] };

/** The notes commit's message. */
function message(id8: string, from: string | number): string {
  return `lore: unlink ${id8} from ${typeof from === 'number' ? (from === 1 ? '1 commit' : `${from} commits`) : from}\n`;
}

/** `lore unlink <SESSION>`: what it would remove, changing nothing. */
export async function planUnlink(opts: UnlinkOptions, deps: Pick<CommandDeps, 'warn'>): Promise<UnlinkPlan> {
  const { repo, index } = await openWorkspace(opts.cwd, deps.warn, matchesAnyPrefix([opts.session]));
  if (opts.commit !== undefined) {
    const commit = await repo.resolveCommit(opts.commit);
    const note = await repo.readNote(commit.sha);
    const { id } = await resolveSessionId(index.sessions, opts.session, async () => linkedIds(note === null ? [] : [note]));
    return { kind: 'commit', repo, id, id8: shortId(id), sha: commit.sha, short: commit.short, linked: withoutSession(note, id) !== undefined };
  }
  const { id } = await resolveSessionId(index.sessions, opts.session, async () => linkedIds((await repo.readAllNotes()).values()));
  return { kind: 'all', repo, id, id8: shortId(id), commits: await describeLinks(repo, await linksTo(repo, id)) };
}

/**
 * Removes the plan's links in one notes commit; how many commits lost one. Fewer than
 * planned only when a concurrent unlink got there first: the links are gone either way.
 */
export async function applyUnlink(plan: UnlinkPlan): Promise<number> {
  const shas = plan.kind === 'commit' ? [plan.sha] : plan.commits.map((c) => c.sha);
  const from = plan.kind === 'commit' ? plan.short : plan.commits.length === 1 ? plan.commits[0].short : plan.commits.length;
  const changed = await plan.repo.editNotes(shas, (_sha, current) => withoutSession(current, plan.id), message(plan.id8, from));
  return changed.length;
}

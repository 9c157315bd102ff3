import { confirm, type Io } from '../io.js';
import { unlinkText } from '../cli/unlink-text.js';
import type { Repo } from '../git/repo.js';
import { parseNote } from '../links/record.js';
import type { SessionIndex } from '../sessions/index-file.js';
import { matchesAnyPrefix } from '../sessions/lookup.js';
import { normaliseId, shortId } from '../sessions/session.js';
import { commitLines, describeLinks, linkedIds, linksTo, resolveSessionId } from './show.js';
import { openWorkspace } from './workspace.js';

export interface UnlinkOptions {
  cwd: string;
  session: string;
  /** Only this commit; otherwise every commit of the repository linked to the session. */
  commit?: string;
  yes: boolean;
  dryRun: boolean;
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

async function unlinkFromCommit(repo: Repo, index: SessionIndex, opts: UnlinkOptions & { commit: string }, io: Io): Promise<void> {
  const commit = await repo.resolveCommit(opts.commit);
  const note = await repo.readNote(commit.sha);
  const { id } = await resolveSessionId(index.sessions, opts.session, async () => linkedIds(note === null ? [] : [note]));
  const id8 = shortId(id);
  if (withoutSession(note, id) === undefined) {
    io.out(unlinkText.notLinked(id8, commit.short));
    return;
  }
  if (opts.dryRun) {
    io.out(unlinkText.wouldUnlink(id8, commit.short));
    return;
  }
  const changed = await repo.editNotes([commit.sha], (_sha, current) => withoutSession(current, id), unlinkText.message(id8, commit.short));
  // Empty only when a concurrent unlink got there first: the link is gone either way.
  io.out(changed.length > 0 ? unlinkText.unlinked(id8, commit.short) : unlinkText.notLinked(id8, commit.short));
}

/** `lore unlink <SESSION>`: removes a session's links from this repository's notes in one notes commit. */
export async function unlink(opts: UnlinkOptions, io: Io): Promise<void> {
  const { repo, index } = await openWorkspace(opts.cwd, io, matchesAnyPrefix([opts.session]));
  if (opts.commit !== undefined) return unlinkFromCommit(repo, index, { ...opts, commit: opts.commit }, io);

  const { id } = await resolveSessionId(index.sessions, opts.session, async () => linkedIds((await repo.readAllNotes()).values()));
  const id8 = shortId(id);
  const commits = await describeLinks(repo, await linksTo(repo, id));
  if (commits.length === 0) {
    io.out(unlinkText.notLinkedHere(id8, repo.root));
    return;
  }
  io.out(unlinkText.linkedTo(id8, commits.length, repo.root));
  for (const line of commitLines(commits)) io.out(line);
  if (opts.dryRun) {
    io.out(unlinkText.wouldRemove(commits.length));
    return;
  }
  if (!opts.yes && !(await confirm(io, unlinkText.prompt))) {
    io.out(unlinkText.notRemoved());
    return;
  }
  const from = commits.length === 1 ? commits[0].short : commits.length;
  const changed = await repo.editNotes(
    commits.map((c) => c.sha),
    (_sha, current) => withoutSession(current, id),
    unlinkText.message(id8, from),
  );
  io.out(unlinkText.removed(changed.length));
}

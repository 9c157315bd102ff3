/**
 * refs/lore/sessions, the shared session records (README, "Session records"): a commit
 * whose tree holds `<two characters>/<id>.json` per session. Read through git's command
 * line, written through libgit2 (blobs, two levels of trees, a commit), the ref moved by
 * compare-and-swap as the notes are; the network goes through git, as for the notes.
 */
import type * as NG from 'nodegit';
import { moveRefCas } from './cas-ref.js';
import { GitFailed, listTreeBlobs, readBlobs } from './git-cli.js';
import { loadLibgit2, type Libgit2 } from './libgit2.js';
import { fetchTracking, pushRef } from './notes-sync.js';
import type { Identity } from './repo.js';

export const SESSIONS_REF = 'refs/lore/sessions';

/** Where a remote's records are fetched to: never the live ref, which holds unpushed ones. */
export function recordsTrackingRef(remote: string): string {
  return `refs/lore/remotes/${remote}/sessions`;
}

export function recordsRefspec(remote: string): string {
  return `+${SESSIONS_REF}:${recordsTrackingRef(remote)}`;
}

/**
 * The refspec `lore remote setup` adds to remote.<name>.fetch: a pattern matching just this
 * ref, because git fails a whole `git fetch` over a plain refspec the remote lacks, and most
 * remotes have no session records (nobody there shares). A pattern that matches nothing is fine.
 */
export function recordsFetchPattern(remote: string): string {
  return `+${SESSIONS_REF}*:${recordsTrackingRef(remote)}*`;
}

/** Fetches a remote's records to their tracking ref; false when the remote has none yet. */
export function fetchRecords(cwd: string, remote: string): Promise<boolean> {
  return fetchTracking(cwd, remote, recordsRefspec(remote));
}

/** Every record of a records commit (none for null): path -> text, in one listing and one read. */
export async function readRecordFiles(gitDir: string, commit: string | null): Promise<Map<string, string>> {
  if (!commit) return new Map();
  const pairs = (await listTreeBlobs(gitDir, commit)).filter(([path]) => path.endsWith('.json'));
  const texts = await readBlobs(gitDir, pairs.map(([, blob]) => blob));
  return new Map(pairs.flatMap(([path], i) => (texts[i] === null ? [] : [[path, texts[i]!] as [string, string]])));
}

/** Every record of the local refs/lore/sessions, read without nodegit: path -> text; none when there is no such ref. */
export async function readAllRecords(gitDir: string): Promise<Map<string, string>> {
  try {
    return await readRecordFiles(gitDir, SESSIONS_REF);
  } catch (e) {
    if (e instanceof GitFailed) return new Map(); // no records fetched or shared yet
    throw e;
  }
}

/** The local records at these paths, in one `git cat-file --batch`, in order; null where there is none. */
export function readRecordsAt(gitDir: string, paths: string[]): Promise<(string | null)[]> {
  return readBlobs(gitDir, paths.map((path) => `${SESSIONS_REF}:${path}`));
}

/** Record path -> text, or null to remove it. */
export type RecordChanges = Map<string, string | null>;

export async function openRecordsStore(gitDir: string, cwd: string): Promise<RecordsStore> {
  const G = loadLibgit2();
  return new RecordsStore(G, await G.open(gitDir), gitDir, cwd);
}

export class RecordsStore {
  constructor(
    private readonly G: Libgit2,
    private readonly repo: NG.Repository,
    private readonly gitDir: string,
    private readonly cwd: string,
  ) {}

  /** The commit `ref` points at, or null when it does not exist. */
  async tip(ref = SESSIONS_REF): Promise<string | null> {
    return (await this.G.refTarget(this.repo, ref))?.tostrS() ?? null;
  }

  /** null for unrelated histories: two clones that shared before they first synced. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    return (await this.G.mergeBase(this.repo, a, b))?.tostrS() ?? null;
  }

  read(commit: string | null): Promise<Map<string, string>> {
    return readRecordFiles(this.gitDir, commit);
  }

  /** A commit of the first parent's tree (an empty one without parents) with `changes` applied. */
  async write(changes: RecordChanges, parents: string[], who: Identity, message: string): Promise<string> {
    const G = this.G;
    const commits = await Promise.all(parents.map((p) => G.commit(this.repo, p)));
    const root = await G.treeBuilder(this.repo, commits.length > 0 ? await G.treeOf(this.repo, commits[0]) : null);
    const byDir = new Map<string, [string, string | null][]>();
    for (const [path, text] of changes) {
      const [dir, name] = path.split('/');
      if (!byDir.has(dir)) byDir.set(dir, []);
      byDir.get(dir)!.push([name, text]);
    }
    for (const [dir, files] of byDir) {
      const existing = root.subtree(dir);
      const sub = await G.treeBuilder(this.repo, existing ? await G.tree(this.repo, existing) : null);
      for (const [name, text] of files) {
        if (sub.has(name)) sub.remove(name);
        if (text !== null) sub.putBlob(name, await G.writeBlob(this.repo, text));
      }
      if (root.has(dir)) root.remove(dir);
      if (sub.count() > 0) root.putTree(dir, await sub.write());
    }
    const tree = await G.tree(this.repo, await root.write());
    return (await G.writeCommit(this.repo, G.signature(who.name, who.email), message, tree, commits)).tostrS();
  }

  /** Moves refs/lore/sessions by compare-and-swap; false when another writer moved it first. */
  move(to: string, from: string | null, message: string): Promise<boolean> {
    return moveRefCas(this.G, this.repo, SESSIONS_REF, to, from, message);
  }

  /** Points the remote's tracking ref at `sha`, or removes it (null) when the remote has no records. */
  async setTracking(remote: string, sha: string | null, message: string): Promise<void> {
    if (sha) await this.G.createRef(this.repo, recordsTrackingRef(remote), this.G.oid(sha), true, message);
    else this.G.deleteRef(this.repo, recordsTrackingRef(remote));
  }

  /** Pushes refs/lore/sessions, never forced; false when the remote moved since the fetch. */
  async push(remote: string): Promise<boolean> {
    const pushing = await this.tip();
    if ((await pushRef(this.cwd, remote, SESSIONS_REF)) === 'moved') return false;
    await this.setTracking(remote, pushing, `lore: pushed to ${remote}`);
    return true;
  }
}

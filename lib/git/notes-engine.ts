/**
 * The one way lore reads and writes refs/notes/lore: link, unlink, backfill, the rewrite
 * hook and sync all go through it. A write is one notes commit for any batch of changes,
 * with the parents the caller gives (one for a link, two for sync's merge), and the ref
 * moves by compare-and-swap; a lost race is told by libgit2's error code, and the loser
 * reads again and retries. No scratch ref is made: notes trees are read by commit.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { listNotesTree, readBlobs, refObjectType } from './git-cli.js';
import { moveRefCas } from './cas-ref.js';
import { loadLibgit2, type Libgit2, type TreeEditor } from './libgit2.js';
import { NOTES_REF, type Identity, type NoteEdit } from './repo.js';
import { sweepScratchRefs } from './scratch-refs.js';

/** A batch of changes: the new text of each commit's note, or null to remove it. */
export type NoteChanges = Map<string, string | null>;

const EDIT_ATTEMPTS = 50;
/** Up to this many commits, their notes are looked up by path rather than by listing the tree. */
const LOOKUP_MAX = 64;

export async function openNotesEngine(gitDir: string): Promise<NotesEngine> {
  const G = loadLibgit2();
  return new NotesEngine(G, await G.open(gitDir), gitDir);
}

/** refs/notes/lore names something that is not a notes commit: say so, never "no links". */
function corrupt(type: string): LoreError {
  const what = type === 'missing' ? 'an object missing from the repository' : `a ${type}`;
  return new LoreError(
    'NOTES_CORRUPT',
    `${NOTES_REF} is corrupt: it points at ${what}, not a notes commit`,
    `Inspect it with git log -g ${NOTES_REF}; reset it to a good notes commit with git update-ref ${NOTES_REF} <commit>, or remove it with git update-ref -d ${NOTES_REF}`,
  );
}

/** Throws when refs/notes/lore exists but is not a commit; asked when a read found no notes. */
export async function checkNotesRef(gitDir: string): Promise<void> {
  const type = await refObjectType(gitDir, NOTES_REF);
  if (type !== null && type !== 'commit') throw corrupt(type);
}

export class NotesEngine {
  /** Every note blob read or written so far, both ways: merged notes mostly reuse a blob. */
  private textByBlob = new Map<string, string>();
  private blobByText = new Map<string, NG.Oid>();
  private swept = false;

  constructor(
    private readonly G: Libgit2,
    private readonly repo: NG.Repository,
    readonly gitDir: string,
  ) {}

  /** The commit `ref` points at, or null when it does not exist; a corrupt ref throws. */
  async tip(ref = NOTES_REF): Promise<string | null> {
    const oid = await this.G.refTarget(this.repo, ref);
    if (!oid) return null;
    const sha = oid.tostrS();
    if (ref === NOTES_REF && !(await this.G.isCommit(this.repo, oid))) throw corrupt((await refObjectType(this.gitDir, ref)) ?? 'missing');
    return sha;
  }

  /** null for unrelated notes histories: two clones that linked before they first synced. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    return (await this.G.mergeBase(this.repo, a, b))?.tostrS() ?? null;
  }

  /** Points a ref lore keeps beside the notes (a remote's tracking ref) at `sha`. */
  async setRef(name: string, sha: string, message: string): Promise<void> {
    await this.G.createRef(this.repo, name, this.G.oid(sha), true, message);
  }

  /** Deletes a ref lore keeps beside the notes (a remote's tracking ref); gone already is fine. */
  dropRef(name: string): void {
    this.G.deleteRef(this.repo, name);
  }

  /** The notes of a notes commit (none for null), of the commits in `only` when given. */
  async read(commit: string | null, only?: Set<string>): Promise<Map<string, string>> {
    if (!commit) return new Map();
    if (only && only.size <= LOOKUP_MAX) return this.lookUp(commit, [...only]);
    const pairs = (await listNotesTree(this.gitDir, commit)).filter(([sha]) => !only || only.has(sha));
    // One link on many commits gives many notes with one blob: each blob is read once.
    const unread = [...new Set(pairs.map(([, blob]) => blob).filter((blob) => !this.textByBlob.has(blob)))];
    (await readBlobs(this.gitDir, unread)).forEach((text, i) => {
      // The tree just listed names it: a missing blob is a damaged repository, not "no links".
      if (text === null) throw new Error(`note blob ${unread[i]} is missing from the repository`);
      this.remember(unread[i], text);
    });
    return new Map(pairs.map(([sha, blob]) => [sha, this.textByBlob.get(blob)!]));
  }

  /** A few notes by path, at every fan-out depth git uses, in one cat-file. */
  private async lookUp(commit: string, shas: string[]): Promise<Map<string, string>> {
    const paths = shas.flatMap((sha) => [sha, `${sha.slice(0, 2)}/${sha.slice(2)}`, `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha.slice(4)}`]);
    const texts = await readBlobs(this.gitDir, paths.map((p) => `${commit}:${p}`));
    const notes = new Map<string, string>();
    texts.forEach((text, i) => {
      if (text !== null) notes.set(shas[Math.floor(i / 3)], text);
    });
    return notes;
  }

  private remember(blob: string, text: string): void {
    this.textByBlob.set(blob, text);
    if (!this.blobByText.has(text)) this.blobByText.set(text, this.G.oid(blob));
  }

  /**
   * Writes one notes commit: the first parent's notes tree (an empty one without parents)
   * with `changes` applied. The tree is edited directly: Note.create writes a commit per
   * note (~5 ms each), too slow for a thousand links.
   */
  async write(changes: NoteChanges, parents: string[], who: Identity, message: string): Promise<string> {
    const G = this.G;
    const entries = await Promise.all(
      [...changes].map(async ([sha, text]): Promise<[string, NG.Oid | null]> => [sha, text === null ? null : await this.blobFor(text)]),
    );
    const commits = await Promise.all(parents.map((p) => G.commit(this.repo, p)));
    const base = commits.length > 0 ? await G.treeOf(this.repo, commits[0]) : null;
    const tree = await G.tree(this.repo, (await this.editTree(base, entries, true))!);
    return (await G.writeCommit(this.repo, G.signature(who.name, who.email), message, tree, commits)).tostrS();
  }

  private async blobFor(text: string): Promise<NG.Oid> {
    let blob = this.blobByText.get(text);
    if (!blob) {
      blob = await this.G.writeBlob(this.repo, text);
      this.blobByText.set(text, blob);
    }
    return blob;
  }

  /**
   * A note for commit `abcd…` sits at this level as `abcd…`, or in a fan-out subtree `ab/`
   * holding `cd…`. Changes follow the layout they find (as libgit2 and git do), so only
   * the touched subtrees are rewritten. Returns null for a subtree left empty.
   */
  private async editTree(tree: NG.Tree | null, changes: [string, NG.Oid | null][], root = false): Promise<NG.Oid | null> {
    const builder: TreeEditor = await this.G.treeBuilder(this.repo, tree);
    const deeper = new Map<string, [string, NG.Oid | null][]>();
    for (const [path, blob] of changes) {
      if (builder.has(path)) builder.remove(path);
      const fanout = path.slice(0, 2);
      if (path.length > 2 && builder.subtree(fanout)) {
        if (!deeper.has(fanout)) deeper.set(fanout, []);
        deeper.get(fanout)!.push([path.slice(2), blob]);
      } else if (blob) {
        builder.putBlob(path, blob);
      }
    }
    const subtrees = await Promise.all(
      [...deeper].map(async ([name, sub]) => [name, await this.editTree(await this.G.tree(this.repo, builder.subtree(name)!), sub)] as const),
    );
    for (const [name, oid] of subtrees) {
      if (oid) builder.putTree(name, oid);
      else builder.remove(name);
    }
    return root || builder.count() > 0 ? builder.write() : null;
  }

  /** Moves refs/notes/lore by compare-and-swap (see moveRefCas); false when another writer moved it first. */
  async move(to: string, from: string | null, message: string): Promise<boolean> {
    if (!this.swept) sweepScratchRefs(this.repo, this.G);
    this.swept = true;
    return moveRefCas(this.G, this.repo, NOTES_REF, to, from, message);
  }

  /**
   * Applies `edit` to the notes of `shas` in one notes commit on top of the current tip;
   * on a lost race everything is read and applied again. Returns the shas whose note changed.
   */
  async edit(shas: string[], edit: NoteEdit, who: Identity, message: string): Promise<string[]> {
    const wanted = new Set(shas);
    for (let attempt = 1; ; attempt++) {
      const tip = await this.tip();
      const current = await this.read(tip, wanted);
      const changes: NoteChanges = new Map();
      for (const sha of wanted) {
        const before = current.get(sha) ?? null;
        const next = edit(sha, before);
        if (next !== undefined && next !== before) changes.set(sha, next);
      }
      if (changes.size === 0) return [];
      if (await this.move(await this.write(changes, tip ? [tip] : [], who, message), tip, message)) return [...changes.keys()];
      if (attempt >= EDIT_ATTEMPTS) throw new LoreError('NOTES_BUSY', `${NOTES_REF} kept changing under lore; nothing was written`, 'Try again.');
      await sleep(5 + Math.random() * 20 * Math.min(attempt, 10));
    }
  }
}

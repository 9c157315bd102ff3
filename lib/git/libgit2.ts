/**
 * The libgit2 calls lore makes, through nodegit's native binding.
 *
 * nodegit's entry point (lib/nodegit.js) deep-clones its binding with lodash, promisifies
 * ~700 functions and loads ~150 helper files: ~200 ms before the first call, on every
 * write. lore makes a dozen calls, so it loads the binding itself (~55 ms) and
 * promisifies those the way nodegit.js does. The binding's shape is fixed by the exact
 * nodegit version package.json pins, and native-binding.ts checks it before the first call;
 * the link, unlink, sync and blame tests make every call here.
 */
import { promisify } from 'node:util';
import type * as NG from 'nodegit';
import { loadBinding, NODEGIT_VERSION, type Binding } from './native-binding.js';

const GIT_ENOTFOUND = -3;
const GIT_EEXISTS = -4;
const GIT_ELOCKED = -14;
const GIT_EMODIFIED = -15;

/** libgit2's error code on a failed call, when it has one. */
function errno(e: unknown): number | undefined {
  return (e as { errno?: number })?.errno;
}

/** The call's answer, or null when libgit2 says what it looked for does not exist. */
async function unlessMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    if (errno(e) === GIT_ENOTFOUND) return null;
    throw e;
  }
}

/**
 * How a compare-and-swap of a ref ended, by libgit2's error code: moved; lost (another
 * writer moved the ref first, or created it); or locked (another git holds its lock file).
 */
export async function moveOutcome(call: Promise<void>): Promise<'moved' | 'lost' | 'locked'> {
  try {
    await call;
    return 'moved';
  } catch (e) {
    const code = errno(e);
    if (code === GIT_EMODIFIED || code === GIT_EEXISTS) return 'lost';
    if (code === GIT_ELOCKED) return 'locked';
    throw e;
  }
}

const OBJECT_ANY = -2;
const OBJECT_COMMIT = 1;
const FILEMODE_TREE = 0o040000;
const FILEMODE_BLOB = 0o100644;

export interface Libgit2 {
  oid(sha: string): NG.Oid;
  signature(name: string, email: string): NG.Signature;
  open(gitDir: string): Promise<NG.Repository>;
  /** Where the refs shared by all worktrees live. */
  commonDir(repo: NG.Repository): string;
  /** False for a tree, a blob, a tag or a missing object. */
  isCommit(repo: NG.Repository, id: NG.Oid): Promise<boolean>;
  /** null when the ref does not exist. */
  refTarget(repo: NG.Repository, name: string): Promise<NG.Oid | null>;
  createRef(repo: NG.Repository, name: string, target: NG.Oid, force: boolean, message: string): Promise<void>;
  /** Moves `name` to `target` only while it still points at `current`. */
  moveRef(repo: NG.Repository, name: string, target: NG.Oid, current: NG.Oid, message: string): Promise<void>;
  /** Deleting a ref that is already gone is not an error. */
  deleteRef(repo: NG.Repository, name: string): void;
  commit(repo: NG.Repository, sha: NG.Oid | string): Promise<NG.Commit>;
  treeOf(repo: NG.Repository, commit: NG.Commit): Promise<NG.Tree>;
  tree(repo: NG.Repository, id: NG.Oid): Promise<NG.Tree>;
  writeBlob(repo: NG.Repository, text: string): Promise<NG.Oid>;
  writeCommit(repo: NG.Repository, sig: NG.Signature, message: string, tree: NG.Tree, parents: NG.Commit[]): Promise<NG.Oid>;
  /** null when the two histories share no commit. */
  mergeBase(repo: NG.Repository, a: string, b: string): Promise<NG.Oid | null>;
  /** An editor of `from`, or of an empty tree for null. */
  treeBuilder(repo: NG.Repository, from: NG.Tree | null): Promise<TreeEditor>;
  /** null when the file is not in HEAD. */
  blame(repo: NG.Repository, path: string): Promise<NG.Blame | null>;
}

/** A tree being edited: entries by name, written as a new tree. */
export interface TreeEditor {
  has(name: string): boolean;
  /** The subtree's id when `name` is a directory. */
  subtree(name: string): NG.Oid | null;
  putBlob(name: string, blob: NG.Oid): void;
  putTree(name: string, tree: NG.Oid): void;
  remove(name: string): void;
  count(): number;
  write(): Promise<NG.Oid>;
}

// The binding's functions take a node-style callback; its types are nodegit's, promisified.
type Async = (...a: unknown[]) => Promise<never>;

let loaded: Libgit2 | undefined;

export function loadLibgit2(): Libgit2 {
  loaded ??= bind(loadBinding());
  return loaded;
}

function bind(raw: Binding): Libgit2 {
  const p = (cls: string, fn: string): Async => promisify(raw[cls][fn]).bind(raw[cls]) as Async;
  const [open, nameToId, createRef, createMatching, objectLookup] = [
    p('Repository', 'open'), p('Reference', 'nameToId'), p('Reference', 'create'), p('Reference', 'createMatching'), p('Object', 'lookup'),
  ];
  const [commitLookup, treeLookup, blobCreate, commitCreate, mergeBase, builderCreate, blameFile] = [
    p('Commit', 'lookup'), p('Tree', 'lookup'), p('Blob', 'createFromBuffer'), p('Commit', 'create'),
    p('Merge', 'base'), p('Treebuilder', 'create'), p('Blame', 'file'),
  ];
  const builderWrite = promisify(raw.Treebuilder.prototype.write) as (this: NG.Treebuilder) => Promise<NG.Oid>;
  const Oid = raw.Oid as unknown as typeof NG.Oid;
  const Signature = raw.Signature as unknown as typeof NG.Signature;
  const Reference = raw.Reference as unknown as typeof NG.Reference;
  const oid = (sha: NG.Oid | string) => (typeof sha === 'string' ? Oid.fromString(sha) : sha);
  const tree = (repo: NG.Repository, id: NG.Oid): Promise<NG.Tree> => treeLookup(repo, id);

  return {
    oid: (sha) => Oid.fromString(sha),
    signature: (name, email) => Signature.now(name, email),
    open: (gitDir) => open(gitDir),
    commonDir: (repo) => repo.commondir().replace(/\/$/, ''),
    isCommit: async (repo, id) => ((await unlessMissing(objectLookup(repo, id, OBJECT_ANY))) as NG.Object | null)?.type() === OBJECT_COMMIT,
    refTarget: (repo, name) => unlessMissing(nameToId(repo, name)),
    createRef: async (repo, name, target, force, message) => void (await createRef(repo, name, target, force ? 1 : 0, message)),
    moveRef: async (repo, name, target, current, message) => void (await createMatching(repo, name, target, 1, current, message)),
    deleteRef: (repo, name) => void Reference.remove(repo, name),
    commit: (repo, sha) => commitLookup(repo, oid(sha)),
    treeOf: (repo, commit) => tree(repo, commit.treeId()),
    tree,
    writeBlob: (repo, text) => {
      const buffer = Buffer.from(text);
      return blobCreate(repo, buffer, buffer.length);
    },
    writeCommit: (repo, sig, message, t, parents) => commitCreate(repo, null, sig, sig, 'UTF-8', message, t, parents.length, parents),
    mergeBase: (repo, a, b) => unlessMissing(mergeBase(repo, Oid.fromString(a), Oid.fromString(b))),
    treeBuilder: async (repo, from) => editor((await builderCreate(repo, from)) as NG.Treebuilder, builderWrite),
    blame: (repo, path) => unlessMissing(blameFile(repo, path)),
  };
}

function editor(builder: NG.Treebuilder, write: (this: NG.Treebuilder) => Promise<NG.Oid>): TreeEditor {
  return {
    has: (name) => Boolean(builder.get(name)),
    subtree: (name) => {
      const entry = builder.get(name);
      return entry && entry.filemode() === FILEMODE_TREE ? entry.id() : null;
    },
    putBlob: (name, blob) => void builder.insert(name, blob, FILEMODE_BLOB),
    putTree: (name, t) => void builder.insert(name, t, FILEMODE_TREE),
    remove: (name) => void builder.remove(name),
    count: () => builder.entrycount(),
    write: () => write.call(builder),
  };
}

/** The nodegit release lore loads libgit2 from (loading it first: a binding that fails to load, or is another release's, throws). */
export function nodegitVersion(): string {
  loadLibgit2();
  return NODEGIT_VERSION;
}

/**
 * Bulk reads through the git command line. libgit2 through nodegit pays a thread
 * hop per object (a history walk of 20,000 commits: ~0.7 s, a diff per commit:
 * ~0.6 ms each), while one git process streams the same in tens of milliseconds.
 * Only reads live here; every write goes through nodegit with compare-and-swap.
 */
import { availableParallelism } from 'node:os';
import type { HistoryCommit } from './repo.js';
import { runGit } from './run-git.js';

/** A failed git command: its exit code and what it said, for callers that expect failures. */
export class GitFailed extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed: ${stderr.trim()}`);
  }
}

/** Runs git in `dir` (a working tree, or a git dir when `bare`); a failure rejects with GitFailed. */
export async function gitRun(dir: string, args: string[], input?: string, where: '-C' | '--git-dir' = '--git-dir'): Promise<Buffer> {
  // GIT_FLUSH=0: all input is given at once and all output read at exit, so git need not
  // flush a pipe per record (diff-tree --stdin over 20,000 commits: 20,000 writes).
  const r = await runGit([where, dir, ...args], { input, env: { GIT_FLUSH: '0' } });
  if (r.code !== 0) throw new GitFailed(args, r.code, r.stderr);
  return r.stdout;
}

const gitBuffer = (gitDir: string, args: string[], input?: string) => gitRun(gitDir, args, input);

export async function git(gitDir: string, args: string[], input?: string): Promise<string> {
  return (await gitBuffer(gitDir, args, input)).toString('utf8');
}

/**
 * Every commit reachable from a local branch or HEAD, committed at `since` (ms) or later
 * when given: one `git log`, NUL-separated fields; the addresses as .mailmap names them,
 * which git reads from the work tree's top `root`. git stops walking at the first commit
 * older than `since` (in commit-date order), so a recent window of a long history is cheap.
 */
export async function logHistory(gitDir: string, root: string, since?: number): Promise<HistoryCommit[]> {
  const cutoff = since === undefined ? [] : [`--since=${new Date(since).toISOString()}`];
  const out = await git(gitDir, ['-C', root, 'log', '--branches', 'HEAD', ...cutoff, '--format=%H%x00%at%x00%ct%x00%aE%x00%cE%x00%s%x00']);
  // Read field by field rather than split: 120,000 fields for 20,000 commits, half the time.
  const commits: HistoryCommit[] = [];
  let pos = 0;
  const field = () => {
    const end = out.indexOf('\0', pos);
    const text = out.slice(pos, end);
    pos = end + 1;
    return text;
  };
  while (pos < out.length) {
    if (out.charCodeAt(pos) === 10) pos++; // the newline git puts after each commit's format
    if (pos >= out.length) break;
    const sha = field();
    const authorTime = Number(field()) * 1000;
    const committerTime = Number(field()) * 1000;
    const authorEmail = field();
    const committerEmail = field();
    commits.push({ sha, authorTime, committerTime, authorEmail, committerEmail, subject: field() });
  }
  return commits;
}

/**
 * The files each commit changed against its first parent (all files for a root
 * commit), for many commits through `git diff-tree --stdin`. Only the first parent's
 * diff of a merge is asked for: against its other parents, a merge into a busy branch
 * lists everything the branch gained since the topic forked (60 times the output).
 */
export async function changedFilesMany(gitDir: string, shas: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const unique = [...new Set(shas)];
  // Tree diffs are CPU-bound in git: split a large batch over processes, one per core.
  const parts = unique.length < PARALLEL_DIFF_MIN ? 1 : Math.min(availableParallelism(), 4);
  const size = Math.ceil(unique.length / parts);
  const chunks = Array.from({ length: parts }, (_, k) => unique.slice(k * size, (k + 1) * size)).filter((c) => c.length > 0);
  for (const part of await Promise.all(chunks.map((c) => diffTree(gitDir, c)))) for (const [sha, files] of part) result.set(sha, files);
  return result;
}

const PARALLEL_DIFF_MIN = 400;

async function diffTree(gitDir: string, shas: string[]): Promise<Map<string, string[]>> {
  // --always: a commit that changed nothing still gets its header, so blocks come in input
  // order, one per commit, and ids are matched in turn, not looked up.
  const diff = ['--stdin', '--always', '-r', '--diff-merges=first-parent', '--root', '--no-renames', '--name-only', '-z'];
  const out = await git(gitDir, ['diff-tree', ...diff], shas.join('\n') + '\n');
  const result = new Map<string, string[]>(shas.map((sha) => [sha, []]));
  let next = 0;
  let current: string[] | null = null;
  for (const token of out.split('\0')) {
    // A commit id follows the previous block's NUL on a line of its own.
    const t = token.charCodeAt(0) === 10 ? token.slice(1) : token;
    if (t === '') continue;
    if (t === shas[next]) current = result.get(shas[next++])!;
    else if (current) current.push(t);
  }
  return result;
}

/** Notes of refs/notes/lore, for the given commits or all: one listing and one batch read. */
export async function readNotesBulk(gitDir: string, ref: string, only?: Set<string>): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  let listing: string;
  try {
    listing = await git(gitDir, ['notes', `--ref=${ref}`, 'list']);
  } catch {
    return notes; // no notes ref yet
  }
  const pairs: [string, string][] = [];
  for (const line of listing.split('\n')) {
    const [blob, commit] = line.split(' ');
    if (blob && commit && (!only || only.has(commit))) pairs.push([commit, blob]);
  }
  const texts = await readBlobs(gitDir, pairs.map(([, blob]) => blob));
  pairs.forEach(([commit], i) => notes.set(commit, texts[i] ?? ''));
  return notes;
}

/** A note's path in a notes tree (`ab/cdef…` under fan-out) names its commit without the slashes. */
const NOTE_PATH = /^(?:[0-9a-f]{2}\/)*[0-9a-f]+$/;

/** Every file of a commit's tree as [path, blob sha], subtrees included, from one `git ls-tree -r`. */
export async function listTreeBlobs(gitDir: string, commit: string): Promise<[string, string][]> {
  const out = await git(gitDir, ['ls-tree', '-r', '-z', commit]);
  const pairs: [string, string][] = [];
  // Each entry: "<mode> blob <oid>\t<path>\0".
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, blob] = entry.slice(0, tab).split(' ');
    if (type === 'blob') pairs.push([entry.slice(tab + 1), blob]);
  }
  return pairs;
}

/**
 * The notes of a notes commit as [annotated sha, blob sha], fan-out subtrees included;
 * entries that are not notes (git keeps such files) are left out.
 */
export async function listNotesTree(gitDir: string, commit: string): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (const [path, blob] of await listTreeBlobs(gitDir, commit)) {
    const sha = path.replace(/\//g, '');
    if (NOTE_PATH.test(path) && (sha.length === 40 || sha.length === 64)) pairs.push([sha, blob]);
  }
  return pairs;
}

/** What `ref` points at: null when it does not exist, else the object's type ('missing' when it is gone). */
export async function refObjectType(gitDir: string, ref: string): Promise<string | null> {
  let out: string;
  try {
    out = await git(gitDir, ['for-each-ref', '--format=%(refname) %(objecttype)', ref]);
  } catch (e) {
    if (e instanceof GitFailed && /missing object/.test(e.stderr)) return 'missing';
    throw e;
  }
  // The pattern also matches refs below `ref/`.
  const line = out.split('\n').find((l) => l.startsWith(ref + ' '));
  return line === undefined ? null : line.slice(ref.length + 1);
}

/**
 * The text of each blob, in order, through one `git cat-file --batch`; a blob may be named
 * as `<rev>:<path>`. Null for one that does not exist (any more).
 */
export async function readBlobs(gitDir: string, blobs: string[]): Promise<(string | null)[]> {
  if (blobs.length === 0) return [];
  const out = await gitBuffer(gitDir, ['cat-file', '--batch', '--buffer'], blobs.join('\n') + '\n');
  // --batch answers "<oid> blob <size>\n<content>\n" per object, in request order, or
  // "<name> missing\n".
  const texts: (string | null)[] = [];
  let pos = 0;
  for (let i = 0; i < blobs.length; i++) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    if (header[header.length - 1] === 'missing') {
      texts.push(null);
      pos = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    texts.push(out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return texts;
}

/**
 * The notes whose text contains `text` (case-insensitive): git grep finds them in the notes
 * tree without node reading every note, then only those are read.
 */
export async function notesMentioning(gitDir: string, ref: string, text: string): Promise<Map<string, string>> {
  let out: string;
  try {
    // One thread: grep's threads share one object-store lock for a tree's blobs, and
    // with 10,000 notes one thread takes 30 ms where two take 60.
    out = await git(gitDir, ['grep', '--threads=1', '-l', '-i', '-F', '-e', text, ref, '--']);
  } catch (e) {
    if (e instanceof GitFailed) return new Map(); // 1: nothing matched; 128: no notes ref yet
    throw e;
  }
  // Names come as <ref>:<fan-out path>, which cat-file reads as they are; the annotated
  // commit is the path without its slashes.
  const names = out.split('\n').filter((l) => l !== '');
  const texts = await readBlobs(gitDir, names);
  const notes = new Map<string, string>();
  names.forEach((name, i) => {
    const text = texts[i];
    if (text !== null) notes.set(name.slice(ref.length + 1).replace(/\//g, ''), text);
  });
  return notes;
}

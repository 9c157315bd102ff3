/**
 * The git side of `lore sync`: moving refs/notes/lore between a clone and a remote.
 * The network goes through the git command line; notes objects are read and written
 * through nodegit, and refs/notes/lore is only ever moved by compare-and-swap.
 */
import { spawn } from 'node:child_process';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { GitFailed, gitRun, readBlobs } from './git-cli.js';
import { loadLibgit2, lostRace, type Libgit2, type TreeEditor } from './libgit2.js';
import { NOTES_REF, type Identity, type Repo } from './repo.js';

const GIT_TIMEOUT_MS = 60_000;

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs `git fetch` or `git push`. The network goes through the user's git rather than
 * nodegit because nodegit ignores credential helpers, ~/.ssh/config and url.insteadOf:
 * this way lore reaches exactly the remotes `git push` reaches. No prompt may wait for an
 * answer (GIT_TERMINAL_PROMPT=0, stdin closed) and a stuck transport is killed after a
 * timeout; LC_ALL=C keeps git's messages in the wording this file recognises.
 */
function runTransport(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // An ssh child may still hold the pipes open: do not wait for them.
      child.stdout.destroy();
      child.stderr.destroy();
    }, GIT_TIMEOUT_MS);
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, timedOut });
    };
    child.on('error', (e) => {
      stderr += String(e);
      done(-1);
    });
    child.on('close', done);
  });
}

/** Output of a local git command, or null when git says no (an unset key, a detached HEAD). */
export async function gitOutput(cwd: string, args: string[]): Promise<string | null> {
  try {
    return (await gitRun(cwd, args, undefined, '-C')).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

/** Where a remote's links are fetched to: never the live ref, which holds unpushed links. */
export function trackingRef(remote: string): string {
  return `refs/notes/remotes/${remote}/lore`;
}

export function trackingRefspec(remote: string): string {
  return `+${NOTES_REF}:${trackingRef(remote)}`;
}

/** The named remote, else the current branch's upstream remote, else origin. */
export async function resolveRemote(cwd: string, name?: string): Promise<string> {
  const [list, upstream] = await Promise.all([gitOutput(cwd, ['remote']), name ? null : upstreamRemote(cwd)]);
  if (list === null) throw new LoreError('NOT_A_REPO', `not inside a git repository: ${cwd}`, 'Run lore from inside a git repository.');
  const remotes = list.split('\n').filter((r) => r !== '');
  const chosen = name ?? upstream ?? 'origin';
  if (!remotes.includes(chosen)) {
    const hint = remotes.length > 0 ? `Known remotes: ${remotes.join(', ')}` : 'Add one: git remote add origin <url>';
    throw new LoreError('UNKNOWN_REMOTE', `no git remote named '${chosen}'`, hint);
  }
  return chosen;
}

async function upstreamRemote(cwd: string): Promise<string | null> {
  const branch = await gitOutput(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const remote = branch === null ? null : await gitOutput(cwd, ['config', '--get', `branch.${branch}.remote`]);
  // '.' is the repository itself, not a place to share links with.
  return remote === '' || remote === '.' ? null : remote;
}

function transportError(what: string, run: GitRun): LoreError {
  if (run.timedOut) {
    return new LoreError('REMOTE_FAILED', `${what} timed out after ${GIT_TIMEOUT_MS / 1000} s`, 'Check the network and your access to the remote.');
  }
  const lines = run.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const reason = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit code ${run.code}`;
  return new LoreError('REMOTE_FAILED', `${what} failed: ${reason.replace(/^(fatal|error):\s*/, '')}`, `Try it by hand: ${what}`);
}

/**
 * Fetches a remote's links to their tracking ref; false when the remote has none yet.
 * Only the git command line: it can run while nodegit loads.
 */
export async function fetchNotes(cwd: string, remote: string): Promise<boolean> {
  // --no-write-fetch-head: a sync must not change what the user's FETCH_HEAD means.
  const run = await runTransport(cwd, ['fetch', '--no-tags', '--no-write-fetch-head', remote, trackingRefspec(remote)]);
  if (run.code === 0) return true;
  if (!run.timedOut && /couldn't find remote ref/.test(run.stderr)) return false;
  throw transportError(`git fetch ${remote}`, run);
}

export async function openNotesSync(repo: Repo, remote: string): Promise<NotesSync> {
  const G = loadLibgit2();
  return new NotesSync(G, await G.open(repo.gitDir), repo.gitDir, repo.root, remote);
}

export class NotesSync {
  private scratchCount = 0;
  /** Every note blob read so far, both ways: merged notes mostly reuse one side's blob. */
  private textByBlob = new Map<string, string>();
  private blobByText = new Map<string, NG.Oid>();

  constructor(
    private readonly G: Libgit2,
    private readonly repo: NG.Repository,
    private readonly gitDir: string,
    private readonly cwd: string,
    readonly remote: string,
  ) {}

  /** The tip of the remote's links as fetched last; `present` is what fetchNotes said. */
  async remoteTip(present: boolean): Promise<string | null> {
    if (present) return this.refTarget(trackingRef(this.remote));
    // A tracking ref left from before the remote lost its links is stale.
    this.deleteRef(trackingRef(this.remote));
    return null;
  }

  /**
   * Pushes refs/notes/lore without force. Returns false when the remote refused because
   * it moved since the fetch (then fetch, merge and push again).
   */
  async push(): Promise<boolean> {
    // --no-verify: pre-push hooks check code on its way out; a notes ref carries none,
    // and a hook that itself syncs links would otherwise run again for this push.
    const run = await runTransport(this.cwd, ['push', '--porcelain', '--no-verify', this.remote, `${NOTES_REF}:${NOTES_REF}`]);
    if (run.code === 0) return true;
    const status = run.stdout.split('\n').find((l) => l.startsWith('!\t'));
    // [rejected]: not a fast-forward any more. The others: another push held the ref's lock.
    if (status && /\[rejected\]|lock|failed to update|incorrect old value/.test(status)) return false;
    throw transportError(`git push ${this.remote} ${NOTES_REF}`, status ? { ...run, stderr: status.split('\t').pop()! } : run);
  }

  async localTip(): Promise<string | null> {
    return this.refTarget(NOTES_REF);
  }

  private async refTarget(name: string): Promise<string | null> {
    return (await this.G.refTarget(this.repo, name))?.tostrS() ?? null;
  }

  private deleteRef(name: string): void {
    this.G.deleteRef(this.repo, name);
  }

  /** null for unrelated notes histories: two clones that linked before they first synced. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    return (await this.G.mergeBase(this.repo, a, b))?.tostrS() ?? null;
  }

  /** Every note of a notes commit (none for null), read in one pass over its tree. */
  async readNotes(commit: string | null): Promise<Map<string, string>> {
    if (!commit) return new Map();
    const G = this.G;
    // Note.foreach walks the notes tree natively (fan-out included) but only from a ref.
    const scratch = `refs/lore-scratch/sync-${process.pid}-${this.scratchCount++}`;
    let pairs: [string, string][];
    await G.createRef(this.repo, scratch, G.oid(commit), true, 'lore: sync scratch');
    try {
      pairs = await G.listNotes(this.repo, scratch);
    } finally {
      this.deleteRef(scratch);
    }
    // One link on many commits gives many notes with one blob: each blob is read once.
    const unread = [...new Set(pairs.map(([, blob]) => blob).filter((blob) => !this.textByBlob.has(blob)))];
    (await readBlobs(this.gitDir, unread)).forEach((text, i) => {
      // The tree just listed names it: a missing blob is a damaged repository, not "no links".
      if (text === null) throw new Error(`note blob ${unread[i]} is missing from the repository`);
      this.textByBlob.set(unread[i], text);
      this.blobByText.set(text, this.G.oid(unread[i]));
    });
    return new Map(pairs.map(([sha, blob]) => [sha, this.textByBlob.get(blob)!]));
  }

  /**
   * Writes the notes commit that merges `theirs` into `ours`: ours' notes tree with
   * `changes` applied, both tips as parents, so pushing it is a fast-forward. The tree is
   * edited directly: Note.create writes a commit per note (~5 ms each), too slow for
   * thousands of notes.
   */
  async writeMerge(ours: string, theirs: string, changes: Map<string, string | null>, who: Identity, message: string): Promise<string> {
    const G = this.G;
    const entries = await Promise.all(
      [...changes].map(async ([sha, text]): Promise<[string, NG.Oid | null]> => [sha, text === null ? null : await this.blobFor(text)]),
    );
    const [oursCommit, theirsCommit] = await Promise.all([G.commit(this.repo, ours), G.commit(this.repo, theirs)]);
    const tree = await G.tree(this.repo, (await this.editTree(await G.treeOf(this.repo, oursCommit), entries, true))!);
    const commit = await G.writeCommit(this.repo, G.signature(who.name, who.email), message, tree, [oursCommit, theirsCommit]);
    return commit.tostrS();
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
  private async editTree(tree: NG.Tree, changes: [string, NG.Oid | null][], root = false): Promise<NG.Oid | null> {
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

  /**
   * Moves refs/notes/lore from `from` (null: it does not exist yet) to `to`, only if no
   * other writer moved it meanwhile. Returns false when one did: merge again.
   */
  async moveLocal(to: string, from: string | null, message: string): Promise<boolean> {
    const G = this.G;
    try {
      if (from) await G.moveRef(this.repo, NOTES_REF, G.oid(to), G.oid(from), message);
      else await G.createRef(this.repo, NOTES_REF, G.oid(to), false, message);
      return true;
    } catch (e) {
      if (lostRace(e)) return false;
      throw e;
    }
  }
}

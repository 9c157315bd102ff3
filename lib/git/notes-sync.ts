/**
 * The git side of `lore sync`: moving refs/notes/lore between a clone and a remote.
 * The network goes through the git command line; notes are read and written by the
 * notes engine, which moves refs/notes/lore only by compare-and-swap.
 */
import { LoreError } from '../errors.js';
import { currentBranchCli } from './cli-commit.js';
import { GitFailed, gitRun } from './git-cli.js';
import { openNotesEngine, type NoteChanges, type NotesEngine } from './notes-engine.js';
import { NOTES_REF, type Identity, type Repo } from './repo.js';
import { runGit } from './run-git.js';

const GIT_TIMEOUT_MS = 60_000;

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs `git fetch`, `git push` or `git ls-remote`. The network goes through the user's git rather than
 * nodegit because nodegit ignores credential helpers, ~/.ssh/config and url.insteadOf:
 * this way lore reaches exactly the remotes `git push` reaches. No prompt may wait for an
 * answer (GIT_TERMINAL_PROMPT=0, stdin closed) and a stuck transport is killed after a
 * timeout; LC_ALL=C keeps git's messages in the wording this file recognises.
 */
export async function runTransport(cwd: string, args: string[], timeoutMs = GIT_TIMEOUT_MS): Promise<GitRun> {
  const r = await runGit(args, { cwd, timeoutMs, env: { LC_ALL: 'C' } });
  return { code: r.code ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr, timedOut: r.timedOut };
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
  const branch = await currentBranchCli(cwd, '-C');
  const remote = branch === null ? null : await gitOutput(cwd, ['config', '--get', `branch.${branch}.remote`]);
  // '.' is the repository itself, not a place to share links with.
  return remote === '' || remote === '.' ? null : remote;
}

/** The current branch's upstream on `remote`: its name there and its remote-tracking ref here. */
export interface UpstreamBranch {
  merge: string;
  tracking: string;
}

export async function upstreamOn(cwd: string, remote: string): Promise<UpstreamBranch | null> {
  const branch = await currentBranchCli(cwd, '-C');
  if (branch === null) return null;
  const [on, merge, tracking] = await Promise.all([
    gitOutput(cwd, ['config', '--get', `branch.${branch}.remote`]),
    gitOutput(cwd, ['config', '--get', `branch.${branch}.merge`]),
    gitOutput(cwd, ['rev-parse', '--symbolic-full-name', '@{upstream}']),
  ]);
  if (on !== remote || !merge || !tracking?.startsWith(`refs/remotes/${remote}/`)) return null;
  return { merge, tracking };
}

/**
 * Fetches the upstream branch to its remote-tracking ref, as `git fetch` would, so that
 * carrying sees what the remote's merge buttons made. False when the remote has no such
 * branch any more (nothing to carry onto).
 */
export async function fetchUpstream(cwd: string, remote: string, upstream: UpstreamBranch): Promise<boolean> {
  const run = await runTransport(cwd, ['fetch', '--no-tags', '--no-write-fetch-head', remote, `+${upstream.merge}:${upstream.tracking}`]);
  if (run.code === 0) return true;
  if (!run.timedOut && /couldn't find remote ref/.test(run.stderr)) return false;
  throw transportError(`git fetch ${remote} ${upstream.merge}`, run);
}

export function transportError(what: string, run: GitRun): LoreError {
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
export function fetchNotes(cwd: string, remote: string): Promise<boolean> {
  return fetchTracking(cwd, remote, trackingRefspec(remote));
}

/** Fetches one ref of a remote with `refspec`; false when the remote does not have it. */
export async function fetchTracking(cwd: string, remote: string, refspec: string): Promise<boolean> {
  // --no-write-fetch-head: a sync must not change what the user's FETCH_HEAD means.
  const run = await runTransport(cwd, ['fetch', '--no-tags', '--no-write-fetch-head', remote, refspec]);
  if (run.code === 0) return true;
  if (!run.timedOut && /couldn't find remote ref/.test(run.stderr)) return false;
  throw transportError(`git fetch ${remote}`, run);
}

/**
 * Pushes `ref` to the same name on `remote`, never forced. 'moved' when the remote refused
 * because it moved since the fetch (then fetch, merge and push again).
 */
export async function pushRef(cwd: string, remote: string, ref: string): Promise<'pushed' | 'moved'> {
  // --no-verify: pre-push hooks check code on its way out; lore's refs carry none,
  // and a hook that itself syncs links would otherwise run again for this push.
  const run = await runTransport(cwd, ['push', '--porcelain', '--no-verify', remote, `${ref}:${ref}`]);
  if (run.code === 0) return 'pushed';
  const status = run.stdout.split('\n').find((l) => l.startsWith('!\t'));
  // [rejected]: not a fast-forward any more. The others: another push held the ref's lock.
  if (status && /\[rejected\]|lock|failed to update|incorrect old value/.test(status)) return 'moved';
  throw transportError(`git push ${remote} ${ref}`, status ? { ...run, stderr: status.split('\t').pop()! } : run);
}

export async function openNotesSync(repo: Repo, remote: string): Promise<NotesSync> {
  return new NotesSync(await openNotesEngine(repo.gitDir), repo.root, remote);
}

export class NotesSync {
  constructor(
    private readonly notes: NotesEngine,
    private readonly cwd: string,
    readonly remote: string,
  ) {}

  /** The tip of the remote's links as fetched last; `present` is what fetchNotes said. */
  async remoteTip(present: boolean): Promise<string | null> {
    if (present) return this.notes.tip(trackingRef(this.remote));
    // A tracking ref left from before the remote lost its links is stale.
    this.notes.dropRef(trackingRef(this.remote));
    return null;
  }

  /**
   * Pushes refs/notes/lore without force. Returns false when the remote refused because
   * it moved since the fetch (then fetch, merge and push again).
   */
  async push(): Promise<boolean> {
    const pushing = await this.notes.tip();
    if ((await pushRef(this.cwd, this.remote, NOTES_REF)) === 'moved') return false;
    // As git moves refs/remotes/<remote>/<branch> on a push: the tracking ref says what the
    // remote has, so `lore coverage` does not call pushed links unpushed.
    if (pushing) await this.notes.setRef(trackingRef(this.remote), pushing, `lore: pushed to ${this.remote}`);
    return true;
  }

  tip(): Promise<string | null> {
    return this.notes.tip();
  }

  /** null for unrelated notes histories: two clones that linked before they first synced. */
  mergeBase(a: string, b: string): Promise<string | null> {
    return this.notes.mergeBase(a, b);
  }

  /** Every note of a notes commit (none for null), read in one pass over its tree. */
  read(commit: string | null): Promise<Map<string, string>> {
    return this.notes.read(commit);
  }

  /** A notes commit of the first parent's notes with `changes` applied. */
  write(changes: NoteChanges, parents: string[], who: Identity, message: string): Promise<string> {
    return this.notes.write(changes, parents, who, message);
  }

  /** Moves refs/notes/lore by compare-and-swap; false when a local writer moved it first. */
  move(to: string, from: string | null, message: string): Promise<boolean> {
    return this.notes.move(to, from, message);
  }
}

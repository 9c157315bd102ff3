/**
 * Single-commit reads through git itself, so lore names commits exactly as git
 * does (`%h` is git's own abbreviation) and answers without loading nodegit.
 */
import { LoreError } from '../errors.js';
import { git, GitFailed } from './git-cli.js';
import type { CommitDetail, CommitInfo, Identity } from './repo.js';

const GIVE_A_COMMIT = 'Give a commit: HEAD, HEAD~1, a SHA, a branch or a tag.';

async function hasCommits(gitDir: string): Promise<boolean> {
  try {
    await git(gitDir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
    return true;
  } catch {
    // An unborn HEAD with no branch at all: no commits anywhere.
    return (await git(gitDir, ['for-each-ref', '--count=1', 'refs/heads'])).trim() !== '';
  }
}

async function objectType(gitDir: string, ref: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['cat-file', '-t', ref])).trim();
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

const COMMIT_FORMAT = '--format=%H%x00%h%x00%at%x00%ct%x00%ae%x00%ce%x00%ai%x00%s';
const COMMIT_FIELDS = 8;

function parseCommit(out: string): CommitInfo {
  const [sha, short, at, ct, ae, ce, ai, subject] = out.replace(/\n$/, '').split('\0');
  const offset = /([+-])(\d\d)(\d\d)$/.exec(ai);
  return {
    sha,
    short,
    subject,
    time: Number(ct) * 1000,
    authorTime: Number(at) * 1000,
    authorOffset: offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0,
    authorEmail: ae,
    committerEmail: ce,
  };
}

/**
 * Anything git resolves to a commit (tags peeled); a LoreError for anything else.
 * One git call when the ref is good; the failure path asks why.
 */
export async function resolveCommitCli(gitDir: string, ref: string): Promise<CommitInfo> {
  if (!ref.startsWith('-')) {
    try {
      return parseCommit(await git(gitDir, ['log', '-1', '--no-walk', COMMIT_FORMAT, `${ref}^{commit}`, '--']));
    } catch (e) {
      if (!(e instanceof GitFailed)) throw e;
    }
  }
  const type = ref.startsWith('-') ? null : await objectType(gitDir, ref);
  if (type === null) {
    if (!(await hasCommits(gitDir))) {
      throw new LoreError('NO_COMMITS', 'the repository has no commits yet', 'Make a first commit, then link sessions to it.');
    }
    throw new LoreError('UNKNOWN_REF', `unknown revision '${ref}'`, GIVE_A_COMMIT);
  }
  if (type === 'tag') throw new LoreError('NOT_A_COMMIT', `'${ref}' is a tag that does not point to a commit`, GIVE_A_COMMIT);
  throw new LoreError('NOT_A_COMMIT', `'${ref}' is a ${type}, not a commit`, GIVE_A_COMMIT);
}

/**
 * resolveCommitCli, the commit's changed files (against its first parent, as
 * changedFilesMany) and its note under `notesRef`, from one `git log` instead of three
 * processes. Renames are not followed, as diff-tree does not; root commits list all files.
 */
export async function inspectCommitCli(gitDir: string, ref: string, notesRef: string): Promise<CommitDetail> {
  let out: string | undefined;
  if (!ref.startsWith('-')) {
    try {
      const diff = ['--root', '--diff-merges=first-parent', '--no-renames', '--no-ext-diff', '--name-only', '-z'];
      out = await git(gitDir, ['log', '-1', '--no-walk', `--notes=${notesRef}`, `${COMMIT_FORMAT}%x00%N`, ...diff, `${ref}^{commit}`, '--']);
    } catch (e) {
      if (!(e instanceof GitFailed)) throw e;
    }
  }
  if (out === undefined) return { commit: await resolveCommitCli(gitDir, ref), files: [], note: null }; // throws why
  // -z: the fields, the note, a NUL ending the commit, then each file NUL-ended, the first
  // after a newline.
  const tokens = out.split('\0');
  const fields = tokens.slice(0, COMMIT_FIELDS);
  const note = tokens[COMMIT_FIELDS];
  const files = tokens.slice(COMMIT_FIELDS + 1).map((t) => (t.charCodeAt(0) === 10 ? t.slice(1) : t)).filter((t) => t !== '');
  return { commit: parseCommit(fields.join('\0')), files, note: note === '' ? null : note };
}

/** Facts of many commits in one git call; shas the repository lacks are left out. */
export async function commitsInfoCli(gitDir: string, shas: string[]): Promise<Map<string, CommitInfo>> {
  const found = new Map<string, CommitInfo>();
  if (shas.length === 0) return found;
  const out = await git(gitDir, ['log', '--no-walk=unsorted', '--ignore-missing', '--stdin', COMMIT_FORMAT], shas.join('\n') + '\n');
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const c = parseCommit(line);
    found.set(c.sha, c);
  }
  return found;
}

/** The identity notes commits are made with: git's environment variables, then config. */
export async function identityCli(gitDir: string): Promise<Identity> {
  let config = '';
  try {
    config = await git(gitDir, ['config', '--get-regexp', '^user\\.(name|email)$']);
  } catch {
    // Neither key set: exit 1.
  }
  const get = (key: string) => config.split('\n').find((l) => l.startsWith(key + ' '))?.slice(key.length + 1) || undefined;
  const name = process.env.GIT_COMMITTER_NAME || process.env.GIT_AUTHOR_NAME || get('user.name');
  const email = process.env.GIT_COMMITTER_EMAIL || process.env.GIT_AUTHOR_EMAIL || get('user.email');
  if (!name || !email) {
    throw new LoreError(
      'NO_IDENTITY',
      'no git identity to record links with: user.name and user.email are not set',
      'Run: git config user.name "Your Name" && git config user.email you@example.com',
    );
  }
  return { name, email };
}

export async function currentBranchCli(gitDir: string): Promise<string | null> {
  try {
    return (await git(gitDir, ['symbolic-ref', '-q', '--short', 'HEAD'])).trim() || null;
  } catch {
    return null;
  }
}

export async function readNoteCli(gitDir: string, ref: string, sha: string): Promise<string | null> {
  try {
    return await git(gitDir, ['notes', `--ref=${ref}`, 'show', sha]);
  } catch (e) {
    if (e instanceof GitFailed) return null;
    throw e;
  }
}

/**
 * Single-commit reads through git itself, so lore names commits exactly as git
 * does (`%h` is git's own abbreviation) and answers without loading nodegit.
 */
import { LoreError } from '../errors.js';
import { git, GitFailed, gitRun } from './git-cli.js';
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

// %aE, %cE: the addresses as .mailmap names them, which `git -C root` finds (see mailmapEmailCli).
const COMMIT_FORMAT = '--format=%H%x00%h%x00%at%x00%ct%x00%aE%x00%cE%x00%ai%x00%s';
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
 * `A..B`, `A...B`, `A^!`, `A^@`, `A^-`: git would read a range, and `^{commit}` on it
 * quietly picks one end. A ref name can hold none of these (git check-ref-format).
 */
function refuseRange(ref: string): void {
  if (ref.includes('..') || /\^[!@-]\d*$/.test(ref)) {
    throw new LoreError('BAD_ARGUMENT', `'${ref}' is a range of commits; --commit takes one commit`, 'Give one commit, e.g. the range\'s end, and repeat the command for others.');
  }
}

/**
 * Anything git resolves to a commit (tags peeled); a LoreError for anything else.
 * One git call when the ref is good; the failure path asks why.
 */
export async function resolveCommitCli(gitDir: string, root: string, ref: string): Promise<CommitInfo> {
  refuseRange(ref);
  if (!ref.startsWith('-')) {
    try {
      return parseCommit(await git(gitDir, ['-C', root, 'log', '-1', '--no-walk', COMMIT_FORMAT, `${ref}^{commit}`, '--']));
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
export async function inspectCommitCli(gitDir: string, root: string, ref: string, notesRef: string): Promise<CommitDetail> {
  refuseRange(ref);
  let out: string | undefined;
  if (!ref.startsWith('-')) {
    try {
      const diff = ['--root', '--diff-merges=first-parent', '--no-renames', '--no-ext-diff', '--name-only', '-z'];
      out = await git(gitDir, ['-C', root, 'log', '-1', '--no-walk', `--notes=${notesRef}`, `${COMMIT_FORMAT}%x00%N`, ...diff, `${ref}^{commit}`, '--']);
    } catch (e) {
      if (!(e instanceof GitFailed)) throw e;
    }
  }
  if (out === undefined) return { commit: await resolveCommitCli(gitDir, root, ref), files: [], note: null }; // throws why
  // -z: the fields, the note, a NUL ending the commit, then each file NUL-ended, the first
  // after a newline.
  const tokens = out.split('\0');
  const fields = tokens.slice(0, COMMIT_FIELDS);
  const note = tokens[COMMIT_FIELDS];
  const files = tokens.slice(COMMIT_FIELDS + 1).map((t) => (t.charCodeAt(0) === 10 ? t.slice(1) : t)).filter((t) => t !== '');
  return { commit: parseCommit(fields.join('\0')), files, note: note === '' ? null : note };
}

/** Facts of many commits in one git call; shas the repository lacks are left out. */
export async function commitsInfoCli(gitDir: string, root: string, shas: string[]): Promise<Map<string, CommitInfo>> {
  const found = new Map<string, CommitInfo>();
  if (shas.length === 0) return found;
  const out = await git(gitDir, ['-C', root, 'log', '--no-walk=unsorted', '--ignore-missing', '--stdin', COMMIT_FORMAT], shas.join('\n') + '\n');
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const c = parseCommit(line);
    found.set(c.sha, c);
  }
  return found;
}

const IDENT = /^(.*) <(.*)> \d+ [+-]\d{4}$/;

/**
 * The identity git itself commits with, by git's own rules (`git var GIT_COMMITTER_IDENT`):
 * GIT_COMMITTER_NAME/EMAIL, then the last, most specific user.name/user.email of the config
 * (the repository's over the global one, includeIf sections), then EMAIL.
 */
export async function identityCli(gitDir: string): Promise<Identity> {
  let ident: RegExpExecArray | null = null;
  try {
    ident = IDENT.exec((await git(gitDir, ['var', 'GIT_COMMITTER_IDENT'])).trim());
  } catch (e) {
    if (!(e instanceof GitFailed)) throw e; // git found no identity it may use
  }
  if (!ident || !ident[1] || !ident[2]) {
    throw new LoreError(
      'NO_IDENTITY',
      'no git identity to record links with: user.name and user.email are not set',
      'Run: git config user.name "Your Name" && git config user.email you@example.com',
    );
  }
  return { name: ident[1], email: ident[2] };
}

/**
 * The address .mailmap gives `who` (`git check-mailmap`), as %aE and %cE show commits'
 * addresses: an old address of the user that .mailmap maps to the current one is theirs.
 * Run from the work tree's top `root`, where git looks for `.mailmap`.
 */
export async function mailmapEmailCli(gitDir: string, root: string, who: Identity): Promise<string> {
  const out = await git(gitDir, ['-C', root, 'check-mailmap', `${who.name} <${who.email}>`]);
  return /<([^<>]*)>\s*$/.exec(out)?.[1] || who.email;
}

/**
 * Of these commits, those no branch, tag or remote-tracking ref reaches (an amend or a
 * rebase left them behind): one walk from them down to what the refs reach. lore's own
 * refs do not count; they point at notes commits, which reach no annotated commit anyway.
 */
export async function unreachableCli(gitDir: string, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  // Revisions from --stdin are not negated by the --not before it.
  const out = await git(gitDir, ['rev-list', '--not', '--exclude=refs/notes/*', '--exclude=refs/lore-scratch/*', '--all', '--stdin'], shas.join('\n') + '\n');
  const wanted = new Set(shas);
  return new Set(out.split('\n').filter((sha) => wanted.has(sha)));
}

/** The checked-out branch's short name; null when HEAD is detached or unborn, or `dir` is not a repository. */
export async function currentBranchCli(dir: string, where: '-C' | '--git-dir' = '--git-dir'): Promise<string | null> {
  try {
    return (await gitRun(dir, ['symbolic-ref', '-q', '--short', 'HEAD'], undefined, where)).toString('utf8').trim() || null;
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

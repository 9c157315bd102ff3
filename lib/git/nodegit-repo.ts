import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { branchesContainingCli } from './branches-containing.js';
import { commitsInfoCli, currentBranchCli, identityCli, inspectCommitCli, mailmapEmailCli, readNoteCli, resolveCommitCli, unreachableCli } from './cli-commit.js';
import { changedFilesMany, git, gitRun, logHistory, notesMentioning, readBlobs, readNotesBulk } from './git-cli.js';
import { loadLibgit2, type Libgit2 } from './libgit2.js';
import { checkNotesRef, NotesEngine } from './notes-engine.js';
import { NOTES_REF, type Blame, type BlameRange, type CommitDetail, type CommitInfo, type HistoryCommit, type Identity, type NoteEdit, type Repo } from './repo.js';

/**
 * Finds the repository around `cwd` with git itself (a few ms), so commands that only
 * read never load nodegit; it is opened on the first write or blame.
 */
export async function openRepo(cwd: string): Promise<Repo> {
  const revParse = async (flags: string[]) => (await gitRun(cwd, ['rev-parse', ...flags], undefined, '-C')).toString('utf8');
  // Two answers, a line each, in one call; a path with a newline in it makes those lines
  // ambiguous, and then each answer comes from a call of its own.
  const ask = async (flags: [string, string]) => {
    const lines = (await revParse(flags)).split('\n');
    return lines.length === 3 ? lines : Promise.all(flags.map(async (flag) => (await revParse([flag])).replace(/\n$/, '')));
  };
  let lines: string[];
  try {
    lines = await ask(['--absolute-git-dir', '--show-toplevel']);
  } catch {
    // A bare repository has no top level to show; anything else is not a repository.
    try {
      lines = await ask(['--absolute-git-dir', '--is-bare-repository']);
    } catch {
      throw new LoreError('NOT_A_REPO', `not inside a git repository: ${cwd}`, 'Run lore from inside a git repository.');
    }
    // Inside the .git directory of a working tree, the tree is its parent.
    lines[1] = lines[1] === 'true' ? lines[0] : dirname(lines[0]);
  }
  return new NodegitRepo(lines[0], realpathSync(lines[1]));
}

class NodegitRepo implements Repo {
  private opened?: Promise<NG.Repository>;
  private who?: Promise<Identity>;
  private notes?: Promise<NotesEngine>;
  private checked?: Promise<void>;

  constructor(
    readonly gitDir: string,
    readonly root: string,
  ) {}

  private get G(): Libgit2 {
    return loadLibgit2();
  }

  private repo(): Promise<NG.Repository> {
    this.opened ??= this.G.open(this.gitDir);
    return this.opened;
  }

  resolveCommit(ref: string): Promise<CommitInfo> {
    return resolveCommitCli(this.gitDir, this.root, ref);
  }

  describeCommits(shas: string[]): Promise<Map<string, CommitInfo>> {
    return commitsInfoCli(this.gitDir, this.root, shas);
  }

  unreachable(shas: string[]): Promise<Set<string>> {
    return unreachableCli(this.gitDir, shas);
  }

  /** Asked once per run: a link's `linked_by` and its notes commit name the same person. */
  identity(): Promise<Identity> {
    this.who ??= identityCli(this.gitDir);
    return this.who;
  }

  async userEmail(): Promise<string | null> {
    let who: Identity;
    try {
      who = await this.identity();
    } catch {
      return null; // no identity: nothing counts as the user's
    }
    return mailmapEmailCli(this.gitDir, this.root, who).catch(() => who.email);
  }

  async abbrevLength(): Promise<number> {
    try {
      return (await git(this.gitDir, ['rev-parse', '--short', 'HEAD'])).trim().length;
    } catch {
      return 7; // no HEAD yet: git's own minimum
    }
  }

  branchesContaining(commit: CommitInfo, among?: string[]): Promise<string[]> {
    return branchesContainingCli(this.gitDir, commit, among);
  }

  currentBranch(): Promise<string | null> {
    return currentBranchCli(this.gitDir);
  }

  inspectCommit(ref: string): Promise<CommitDetail> {
    return inspectCommitCli(this.gitDir, this.root, ref, NOTES_REF);
  }

  readNote(sha: string): Promise<string | null> {
    return this.sound(readNoteCli(this.gitDir, NOTES_REF, sha));
  }

  readNotesMentioning(text: string): Promise<Map<string, string>> {
    return this.sound(notesMentioning(this.gitDir, NOTES_REF, text));
  }

  readAllNotes(): Promise<Map<string, string>> {
    return this.sound(readNotesBulk(this.gitDir, NOTES_REF));
  }

  async blame(path: string): Promise<Blame> {
    const head = await this.resolveCommit('HEAD'); // a repository with no commits is an error, not an empty blame
    const blame = await this.G.blame(await this.repo(), path);
    if (!blame) throw new LoreError('UNKNOWN_REF', `'${path}' is not in HEAD`, 'Blame works on files committed at HEAD.');
    const ranges: BlameRange[] = [];
    for (let i = 0; i < blame.getHunkCount(); i++) {
      const h = blame.getHunkByIndex(i);
      ranges.push({ start: h.finalStartLineNumber(), lines: h.linesInHunk(), sha: h.finalCommitId().tostrS() });
    }
    const [text] = await readBlobs(this.gitDir, [`${head.sha}:${path}`]);
    const lines = (text ?? '').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return { ranges, lines };
  }

  prepareWrite(): void {
    // A failure here is reported by the write that awaits the same promise.
    this.identity().catch(() => undefined);
    this.repo().catch(() => undefined);
  }

  private engine(): Promise<NotesEngine> {
    this.notes ??= this.repo().then((repo) => new NotesEngine(this.G, repo, this.gitDir));
    return this.notes;
  }

  /** One notes commit for the whole batch, moved by compare-and-swap (see NotesEngine). */
  async editNotes(shas: string[], edit: NoteEdit, message: string): Promise<string[]> {
    const [who, notes] = await Promise.all([this.identity(), this.engine()]);
    return notes.edit(shas, edit, who, message);
  }

  /**
   * git reads a refs/notes/lore that points at a tree as a notes tree, and one that points
   * at a blob as no notes: each read also asks (once, beside it) whether the ref is a
   * commit, so corruption is reported, never "no links".
   */
  private async sound<T>(read: Promise<T>): Promise<T> {
    const [found] = await Promise.all([read, (this.checked ??= checkNotesRef(this.gitDir))]);
    return found;
  }

  walkHistory(since?: number): Promise<HistoryCommit[]> {
    return logHistory(this.gitDir, this.root, since);
  }

  changedFilesMany(shas: string[]): Promise<Map<string, string[]>> {
    return changedFilesMany(this.gitDir, shas);
  }

  readNotes(shas: string[]): Promise<Map<string, string>> {
    return this.sound(readNotesBulk(this.gitDir, NOTES_REF, new Set(shas)));
  }
}

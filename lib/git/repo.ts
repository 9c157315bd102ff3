/**
 * The narrow interface through which lore talks to git. Everything outside lib/git
 * depends on this, never on nodegit, so a faster backend can be swapped in.
 */
export interface CommitInfo {
  sha: string;
  /** Abbreviated as git does: at least 7 hex digits, longer when ambiguous. */
  short: string;
  subject: string;
  /** Committer time, milliseconds since the epoch. */
  time: number;
  authorTime: number;
  /** The author's UTC offset in minutes, for showing the date as git does. */
  authorOffset: number;
  /** The author's and committer's addresses as .mailmap names them (%aE, %cE). */
  authorEmail: string;
  committerEmail: string;
}

/** A commit with what `lore link --auto` asks of it. */
export interface CommitDetail {
  commit: CommitInfo;
  /** As changedFilesMany gives them. */
  files: string[];
  /** Its note under refs/notes/lore, or null. */
  note: string | null;
}

/** What a history walk gives for each commit: enough to place it in time and by author. */
export interface HistoryCommit {
  sha: string;
  subject: string;
  authorTime: number;
  committerTime: number;
  /** As .mailmap names them, like CommitInfo's. */
  authorEmail: string;
  committerEmail: string;
}

export interface BlameRange {
  /** 1-based first line of the range. */
  start: number;
  lines: number;
  sha: string;
}

/** git blame of a file at HEAD: who last changed each range, and the file's lines as committed there. */
export interface Blame {
  ranges: BlameRange[];
  /** Line k of the file is `lines[k - 1]`, without its newline. */
  lines: string[];
}

export interface Identity {
  name: string;
  email: string;
}

/** Returns the new note text, null to remove the note, or undefined to leave it. */
export type NoteEdit = (sha: string, current: string | null) => string | null | undefined;

export interface Repo {
  /** The working tree's top level (real path), or the git dir of a bare repository. */
  readonly root: string;
  readonly gitDir: string;
  /** Anything git can resolve to a commit; tags are peeled. Throws LoreError otherwise. */
  resolveCommit(ref: string): Promise<CommitInfo>;
  readNote(sha: string): Promise<string | null>;
  /** resolveCommit, changedFilesMany and readNote of one commit, in one pass. */
  inspectCommit(ref: string): Promise<CommitDetail>;
  /** resolveCommit for many full SHAs at once; those the repository lacks are left out. */
  describeCommits(shas: string[]): Promise<Map<string, CommitInfo>>;
  /** Of these commits (all in the repository), those no branch, tag or remote ref reaches. */
  unreachable(shas: string[]): Promise<Set<string>>;
  /** The notes of the given commits that have one, in one pass. */
  readNotes(shas: string[]): Promise<Map<string, string>>;
  /** The notes whose text contains `text`, case-insensitively, found without reading every note. */
  readNotesMentioning(text: string): Promise<Map<string, string>>;
  /** Every note of refs/notes/lore in one pass: annotated commit sha -> note text. */
  readAllNotes(): Promise<Map<string, string>>;
  /** Line ranges of a file at HEAD, the commit that last changed each, and the lines; `path` is repo-relative. */
  blame(path: string): Promise<Blame>;
  /**
   * Applies `edit` to the notes of `shas` in one notes commit on refs/notes/lore,
   * moved by compare-and-swap; on a lost race everything is re-read and re-applied.
   * Returns the shas whose note changed.
   */
  editNotes(shas: string[], edit: NoteEdit, message: string): Promise<string[]>;
  /**
   * Starts getting what editNotes needs (the identity, the native library, the open
   * repository) while git answers other questions. Optional: editNotes works without it.
   */
  prepareWrite(): void;
  /** Who git commits as here, by git's own rules (environment, config, includeIf). */
  identity(): Promise<Identity>;
  /**
   * The identity's address as .mailmap names it, to compare with commits' (mailmapped)
   * addresses; null when there is no identity, then no commit counts as the user's.
   * Never rejects.
   */
  userEmail(): Promise<string | null>;
  /** The length git abbreviates commits to here (`core.abbrev`, or git's auto length), as `rev-parse --short` gives it. */
  abbrevLength(): Promise<number>;
  /**
   * The files each commit changed against its first parent (all files for a root commit),
   * in one pass; fastest with the commits in history order.
   */
  changedFilesMany(shas: string[]): Promise<Map<string, string[]>>;
  /** Short names of the local branches (of `among`, when given) whose history contains the commit. */
  branchesContaining(commit: CommitInfo, among?: string[]): Promise<string[]>;
  /**
   * Every commit reachable from a local branch or HEAD, once each; with `since` (ms), only
   * those committed then or later (the walk stops there, so it is cheap on a long history).
   */
  walkHistory(since?: number): Promise<HistoryCommit[]>;
  /** The short name of the checked-out branch, or null when HEAD is detached or unborn. */
  currentBranch(): Promise<string | null>;
}

export const NOTES_REF = 'refs/notes/lore';

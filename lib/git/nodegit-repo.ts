import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { branchesContainingCli, commitsInfoCli, currentBranchCli, identityCli, inspectCommitCli, mailmapEmailCli, readNoteCli, resolveCommitCli, unreachableCli } from './cli-commit.js';
import { changedFilesMany, gitRun, logHistory, notesMentioning, readNotesBulk } from './git-cli.js';
import { loadLibgit2, lostRace, type Libgit2 } from './libgit2.js';
import { NOTES_REF, type BlameRange, type CommitDetail, type CommitInfo, type HistoryCommit, type Identity, type NoteEdit, type Repo } from './repo.js';

const CAS_ATTEMPTS = 50;

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

  branchesContaining(sha: string, among?: string[]): Promise<string[]> {
    return branchesContainingCli(this.gitDir, sha, among);
  }

  currentBranch(): Promise<string | null> {
    return currentBranchCli(this.gitDir);
  }

  inspectCommit(ref: string): Promise<CommitDetail> {
    return inspectCommitCli(this.gitDir, this.root, ref, NOTES_REF);
  }

  readNote(sha: string): Promise<string | null> {
    return readNoteCli(this.gitDir, NOTES_REF, sha);
  }

  readNotesMentioning(text: string): Promise<Map<string, string>> {
    return notesMentioning(this.gitDir, NOTES_REF, text);
  }

  readAllNotes(): Promise<Map<string, string>> {
    return readNotesBulk(this.gitDir, NOTES_REF);
  }

  async blame(path: string): Promise<BlameRange[]> {
    await this.resolveCommit('HEAD'); // a repository with no commits is an error, not an empty blame
    const blame = await this.G.blame(await this.repo(), path);
    if (!blame) throw new LoreError('UNKNOWN_REF', `'${path}' is not in HEAD`, 'Blame works on files committed at HEAD.');
    const ranges: BlameRange[] = [];
    for (let i = 0; i < blame.getHunkCount(); i++) {
      const h = blame.getHunkByIndex(i);
      ranges.push({ start: h.finalStartLineNumber(), lines: h.linesInHunk(), sha: h.finalCommitId().tostrS() });
    }
    return ranges;
  }

  prepareWrite(): void {
    // A failure here is reported by the write that awaits the same promise.
    this.identity().catch(() => undefined);
    this.repo().catch(() => undefined);
  }

  /**
   * libgit2's Note.create moves its ref unconditionally, so a concurrent writer's note
   * could be lost. Instead the notes are written on a private ref started at the
   * current tip, squashed into one commit, and refs/notes/lore is moved only if it
   * still points at that tip (compare-and-swap); a lost race starts over.
   */
  async editNotes(shas: string[], edit: NoteEdit, message: string): Promise<string[]> {
    const G = this.G;
    const who = await this.identity();
    const repo = await this.repo();
    for (let attempt = 0; ; attempt++) {
      const tip = await G.refTarget(repo, NOTES_REF);
      const scratch = `refs/lore-scratch/${process.pid}-${Date.now()}-${attempt}`;
      const sig = G.signature(who.name, who.email);
      const changed: string[] = [];
      try {
        if (tip) await G.createRef(repo, scratch, tip, true, 'lore: scratch');
        for (const sha of shas) {
          const current = tip ? await G.readNote(repo, scratch, G.oid(sha)) : null;
          const next = edit(sha, current);
          if (next === undefined || next === current) continue;
          const oid = G.oid(sha);
          if (next === null) {
            if (current !== null) await G.removeNote(repo, scratch, sig, oid);
          } else {
            await G.writeNote(repo, scratch, sig, oid, next);
          }
          changed.push(sha);
        }
        if (changed.length === 0) return [];
        const tree = await G.treeOf(repo, await G.commit(repo, (await G.refTarget(repo, scratch))!));
        const parents = tip ? [await G.commit(repo, tip)] : [];
        const commit = await G.writeCommit(repo, sig, message, tree, parents);
        try {
          if (tip) await G.moveRef(repo, NOTES_REF, commit, tip, message);
          else await G.createRef(repo, NOTES_REF, commit, false, message);
          return changed;
        } catch (e) {
          if (!lostRace(e)) throw e;
          if (attempt + 1 >= CAS_ATTEMPTS) {
            throw new LoreError('NOTES_BUSY', `${NOTES_REF} kept changing under lore; nothing was written`, 'Try again.');
          }
        }
      } finally {
        G.deleteRef(repo, scratch);
      }
      await sleep(5 + Math.random() * 20 * Math.min(attempt + 1, 10));
    }
  }

  walkHistory(since?: number): Promise<HistoryCommit[]> {
    return logHistory(this.gitDir, this.root, since);
  }

  changedFilesMany(shas: string[]): Promise<Map<string, string[]>> {
    return changedFilesMany(this.gitDir, shas);
  }

  readNotes(shas: string[]): Promise<Map<string, string>> {
    return readNotesBulk(this.gitDir, NOTES_REF, new Set(shas));
  }


}

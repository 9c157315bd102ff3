import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as NG from 'nodegit';
import { LoreError } from '../errors.js';
import { changedFilesMany, logHistory, readNotesBulk } from './git-cli.js';
import { NOTES_REF, type BlameRange, type CommitInfo, type HistoryCommit, type Identity, type NoteEdit, type Repo } from './repo.js';

type NodeGitModule = typeof NG;

let nodegit: NodeGitModule | undefined;
/** nodegit costs 100-150 ms to load: only the paths that touch git objects pay it. */
export function loadNodegit(): NodeGitModule {
  nodegit ??= createRequire(import.meta.url)('nodegit') as NodeGitModule;
  return nodegit;
}

const GIT_ENOTFOUND = -3;
const GIT_EEXISTS = -4;
const GIT_EUNBORNBRANCH = -9;
const GIT_ELOCKED = -14;
const GIT_EMODIFIED = -15;
const CAS_ATTEMPTS = 50;

function errno(e: unknown): number | undefined {
  return (e as { errno?: number })?.errno;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function openRepo(cwd: string): Promise<Repo> {
  const G = loadNodegit();
  let gitDir: string;
  try {
    gitDir = String(await G.Repository.discover(cwd, 0, ''));
  } catch {
    throw new LoreError('NOT_A_REPO', `not inside a git repository: ${cwd}`, 'Run lore from inside a git repository.');
  }
  const repo = await G.Repository.open(gitDir);
  return new NodegitRepo(G, repo, gitDir);
}

class NodegitRepo implements Repo {
  readonly root: string;
  private abbrevCache = new Map<string, string>();

  constructor(
    private readonly G: NodeGitModule,
    private readonly repo: NG.Repository,
    readonly gitDir: string,
  ) {
    const workdir = repo.workdir();
    this.root = realpathSync(workdir ? workdir : gitDir);
  }

  private async assertHasCommits(): Promise<void> {
    if (this.repo.headUnborn()) {
      throw new LoreError('NO_COMMITS', 'the repository has no commits yet', 'Make a first commit, then link sessions to it.');
    }
  }

  async resolveCommit(ref: string): Promise<CommitInfo> {
    await this.assertHasCommits();
    const G = this.G;
    let obj: NG.Object;
    try {
      obj = await G.Revparse.single(this.repo, ref);
    } catch (e) {
      if (errno(e) === GIT_EUNBORNBRANCH) await this.assertHasCommits();
      throw new LoreError('UNKNOWN_REF', `unknown revision '${ref}'`, 'Give a commit: HEAD, HEAD~1, a SHA, a branch or a tag.');
    }
    const type = obj.type();
    if (type === G.Object.TYPE.TAG) {
      try {
        obj = await obj.peel(G.Object.TYPE.COMMIT);
      } catch {
        throw new LoreError('NOT_A_COMMIT', `'${ref}' is a tag that does not point to a commit`);
      }
    } else if (type !== G.Object.TYPE.COMMIT) {
      const name = type === G.Object.TYPE.TREE ? 'tree' : type === G.Object.TYPE.BLOB ? 'blob' : 'object';
      throw new LoreError('NOT_A_COMMIT', `'${ref}' is a ${name}, not a commit`, 'Give a commit: HEAD, HEAD~1, a SHA, a branch or a tag.');
    }
    return this.commitInfo(await this.repo.getCommit(obj.id()));
  }

  private async commitInfo(c: NG.Commit): Promise<CommitInfo> {
    const sha = c.sha();
    return {
      sha,
      short: await this.abbreviate(sha),
      subject: c.summary() ?? '',
      time: c.committer().when().time() * 1000,
      authorTime: c.author().when().time() * 1000,
      authorOffset: c.author().when().offset(),
      authorEmail: c.author().email(),
      committerEmail: c.committer().email(),
    };
  }

  private async abbreviate(sha: string): Promise<string> {
    let short = this.abbrevCache.get(sha);
    if (!short) {
      const obj = await this.G.Object.lookup(this.repo, this.G.Oid.fromString(sha), this.G.Object.TYPE.ANY);
      short = String(await obj.shortId());
      this.abbrevCache.set(sha, short);
    }
    return short;
  }

  async readNote(sha: string): Promise<string | null> {
    return this.readNoteAt(NOTES_REF, sha);
  }

  private async readNoteAt(ref: string, sha: string): Promise<string | null> {
    try {
      const note = await this.G.Note.read(this.repo, ref, this.G.Oid.fromString(sha));
      return note.message();
    } catch (e) {
      if (errno(e) === GIT_ENOTFOUND) return null;
      throw e;
    }
  }

  readAllNotes(): Promise<Map<string, string>> {
    return readNotesBulk(this.gitDir, NOTES_REF);
  }

  async blame(path: string): Promise<BlameRange[]> {
    await this.assertHasCommits();
    let blame: NG.Blame;
    try {
      blame = await this.G.Blame.file(this.repo, path);
    } catch (e) {
      if (errno(e) === GIT_ENOTFOUND) throw new LoreError('UNKNOWN_REF', `'${path}' is not in HEAD`, 'Blame works on files committed at HEAD.');
      throw e;
    }
    const ranges: BlameRange[] = [];
    for (let i = 0; i < blame.getHunkCount(); i++) {
      const h = blame.getHunkByIndex(i);
      ranges.push({ start: h.finalStartLineNumber(), lines: h.linesInHunk(), sha: h.finalCommitId().tostrS() });
    }
    return ranges;
  }

  private async refTarget(name: string): Promise<NG.Oid | null> {
    try {
      return await this.G.Reference.nameToId(this.repo, name);
    } catch (e) {
      if (errno(e) === GIT_ENOTFOUND) return null;
      throw e;
    }
  }

  async identity(): Promise<Identity> {
    const cfg = await this.repo.config();
    const get = async (key: string): Promise<string | undefined> => {
      try {
        const v = String(await cfg.getStringBuf(key));
        return v === '' ? undefined : v;
      } catch {
        return undefined;
      }
    };
    const name = process.env.GIT_COMMITTER_NAME || process.env.GIT_AUTHOR_NAME || (await get('user.name'));
    const email = process.env.GIT_COMMITTER_EMAIL || process.env.GIT_AUTHOR_EMAIL || (await get('user.email'));
    if (!name || !email) {
      throw new LoreError(
        'NO_IDENTITY',
        'no git identity to record links with: user.name and user.email are not set',
        'Run: git config user.name "Your Name" && git config user.email you@example.com',
      );
    }
    return { name, email };
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
    for (let attempt = 0; ; attempt++) {
      const tip = await this.refTarget(NOTES_REF);
      const scratch = `refs/lore-scratch/${process.pid}-${Date.now()}-${attempt}`;
      const sig = G.Signature.now(who.name, who.email);
      const changed: string[] = [];
      try {
        if (tip) await G.Reference.create(this.repo, scratch, tip, 1, 'lore: scratch');
        for (const sha of shas) {
          const current = tip ? await this.readNoteAt(scratch, sha) : null;
          const next = edit(sha, current);
          if (next === undefined || next === current) continue;
          const oid = G.Oid.fromString(sha);
          if (next === null) {
            if (current !== null) await G.Note.remove(this.repo, scratch, sig, sig, oid);
          } else {
            await G.Note.create(this.repo, scratch, sig, sig, oid, next, 1);
          }
          changed.push(sha);
        }
        if (changed.length === 0) return [];
        const scratchTip = (await this.refTarget(scratch))!;
        const tree = await (await this.repo.getCommit(scratchTip)).getTree();
        const parents = tip ? [await this.repo.getCommit(tip)] : [];
        const commit = await G.Commit.create(this.repo, null as unknown as string, sig, sig, 'UTF-8', message, tree, parents.length, parents);
        try {
          if (tip) await G.Reference.createMatching(this.repo, NOTES_REF, commit, 1, tip, message);
          else await G.Reference.create(this.repo, NOTES_REF, commit, 0, message);
          return changed;
        } catch (e) {
          const code = errno(e);
          const lostRace = code === GIT_EMODIFIED || code === GIT_ELOCKED || code === GIT_EEXISTS || /lock|modified|changed|exists/i.test(String((e as Error).message));
          if (!lostRace) throw e;
          if (attempt + 1 >= CAS_ATTEMPTS) {
            throw new LoreError('NOTES_BUSY', `${NOTES_REF} kept changing under lore; nothing was written`, 'Try again.');
          }
        }
      } finally {
        await this.deleteRef(scratch);
      }
      await sleep(5 + Math.random() * 20 * Math.min(attempt + 1, 10));
    }
  }

  private async deleteRef(name: string): Promise<void> {
    try {
      await this.G.Reference.remove(this.repo, name);
    } catch {
      // Already gone: nothing to clean.
    }
  }

  async changedFiles(sha: string): Promise<string[]> {
    const commit = await this.repo.getCommit(sha);
    const diffs = await commit.getDiff();
    const files = new Set<string>();
    // A merge's first-parent diff is what the merge itself brought in.
    const diff = diffs[0];
    if (diff) {
      for (let i = 0; i < diff.numDeltas(); i++) {
        const d = diff.getDelta(i);
        files.add(d.newFile().path());
        files.add(d.oldFile().path());
      }
    }
    return [...files];
  }

  async branchesContaining(sha: string): Promise<string[]> {
    const G = this.G;
    const target = G.Oid.fromString(sha);
    const names: string[] = [];
    const refs = await this.repo.getReferences();
    for (const ref of refs) {
      if (!ref.isBranch()) continue;
      const tip = ref.target();
      if (tip.equal(target) || (await G.Graph.descendantOf(this.repo, tip, target))) names.push(ref.shorthand());
    }
    return names;
  }

  walkHistory(): Promise<HistoryCommit[]> {
    return this.repo.headUnborn() ? Promise.resolve([]) : logHistory(this.gitDir);
  }

  changedFilesMany(shas: string[]): Promise<Map<string, string[]>> {
    return changedFilesMany(this.gitDir, shas);
  }

  readNotes(shas: string[]): Promise<Map<string, string>> {
    return readNotesBulk(this.gitDir, NOTES_REF, new Set(shas));
  }

  async currentBranch(): Promise<string | null> {
    if (this.repo.headDetached() || this.repo.headUnborn()) return null;
    const ref = await this.repo.head();
    return ref.shorthand();
  }
}

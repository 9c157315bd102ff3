import { loadConfig } from '../config.js';
import { findGitRoot } from '../git/discover.js';
import { openRepo } from '../git/nodegit-repo.js';
import type { Repo } from '../git/repo.js';
import { readIndex, type SessionIndex } from '../sessions/index-file.js';
import type { Warn } from './deps.js';

export interface Workspace {
  repo: Repo;
  index: SessionIndex;
}

/**
 * The repository around `cwd` and the session index its configuration names, read while
 * git finds the repository. Not being in a repository is the error that wins.
 */
export async function openWorkspace(cwd: string, warn: Warn, keep?: (id: string) => boolean): Promise<Workspace> {
  const opening = openRepo(cwd);
  const index = loadIndex(cwd, warn, findGitRoot(cwd) ?? undefined, keep);
  index.catch(() => undefined);
  const repo = await opening;
  return { repo, index: await index };
}

/** The session index the configuration names for `cwd`, searched up to its repository's top. */
export async function sessionIndexPath(cwd: string, stopDir = findGitRoot(cwd) ?? undefined): Promise<string> {
  return (await loadConfig(cwd, stopDir)).sessionIndex;
}

/** The session index; with `keep`, only the sessions whose id it accepts (see readIndex). */
export async function loadIndex(cwd: string, warn: Warn, stopDir?: string, keep?: (id: string) => boolean): Promise<SessionIndex> {
  return readIndex(await sessionIndexPath(cwd, stopDir), warn, keep);
}

import { loadConfig } from '../config.js';
import { openRepo } from '../git/nodegit-repo.js';
import type { Repo } from '../git/repo.js';
import { readIndex, type SessionIndex } from '../sessions/index-file.js';
import type { Io } from '../cli/io.js';

export interface Workspace {
  repo: Repo;
  index: SessionIndex;
}

/** The repository around `cwd` and the session index its configuration names. */
export async function openWorkspace(cwd: string, io: Io): Promise<Workspace> {
  const repo = await openRepo(cwd);
  return { repo, index: await loadIndex(cwd, io, repo.root) };
}

export async function loadIndex(cwd: string, io: Io, stopDir?: string): Promise<SessionIndex> {
  const config = await loadConfig(cwd, stopDir);
  return readIndex(config.sessionIndex, (w) => io.err(w));
}

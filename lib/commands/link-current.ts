import type { Io } from '../cli/io.js';
import { linkText } from '../cli/link-text.js';
import { planCurrent } from '../linking/current.js';
import { linkSessionsToCommit } from './link-one-commit.js';
import { placeSessions } from './place.js';
import { openWorkspace } from './workspace.js';

export interface CurrentLinkOptions {
  cwd: string;
  commit: string;
  dryRun: boolean;
  now?: number;
}

/** `lore link --current`: what the post-commit hook runs on every commit. */
export async function linkCurrent(opts: CurrentLinkOptions, io: Io): Promise<void> {
  const { repo, index } = await openWorkspace(opts.cwd, io);
  const commit = await repo.resolveCommit(opts.commit);
  const sessions = planCurrent(placeSessions(index), repo.root, opts.now ?? Date.now());
  if (sessions.length === 0) {
    io.out(linkText.noActive(repo.root));
    return;
  }
  io.out(linkText.foundActive(sessions.length, repo.root));
  await linkSessionsToCommit(repo, commit, sessions, 'current', opts.dryRun, io);
}

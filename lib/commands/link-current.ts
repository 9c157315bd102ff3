import type { Io } from '../cli/io.js';
import { linkText } from '../cli/link-text.js';
import { findGitRoot } from '../git/discover.js';
import { isCurrent, planCurrent } from '../linking/current.js';
import { linkSessionsToCommit } from './link-one-commit.js';
import { placeSessions, realDir } from './place.js';
import { loadConfig } from '../config.js';
import { readIndex } from '../sessions/index-file.js';
import { clearQuietMarker, stampIndex, writeQuietMarker } from './quiet-marker.js';

export interface CurrentLinkOptions {
  cwd: string;
  commit: string;
  dryRun: boolean;
  now?: number;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * `lore link --current`: what the post-commit hook runs on every commit. The hook
 * passes the new commit's full SHA; then the common case, no active session, is
 * answered from the index alone, before git or nodegit (~55 ms to load) is touched.
 * Any other ref is resolved first, so a bad one is always an error.
 */
export async function linkCurrent(opts: CurrentLinkOptions, io: Io): Promise<void> {
  const root = findGitRoot(realDir(opts.cwd));
  const { sessionIndex } = await loadConfig(opts.cwd, root ?? undefined);
  const stamp = stampIndex(sessionIndex);
  const now = opts.now ?? Date.now();
  // Only the current sessions are parsed: a year of ended ones is judged by its summaries.
  const index = readIndex(sessionIndex, (w) => io.err(w), (_, s) => isCurrent(s, now));
  const placed = placeSessions(index, (s) => isCurrent(s, now));
  if (root !== null) {
    if (placed.length === 0) writeQuietMarker(root, stamp);
    else clearQuietMarker(root);
  }
  if (root !== null && FULL_SHA.test(opts.commit) && planCurrent(placed, root, now).length === 0) {
    io.out(linkText.noActive(root));
    return;
  }
  const { openRepo } = await import('../git/nodegit-repo.js');
  const repo = await openRepo(opts.cwd);
  const commit = await repo.resolveCommit(opts.commit);
  const sessions = planCurrent(placed, repo.root, now);
  if (sessions.length === 0) {
    io.out(linkText.noActive(repo.root));
    return;
  }
  io.out(linkText.foundActive(sessions.length, repo.root));
  await linkSessionsToCommit(repo, commit, sessions, 'current', opts.dryRun, io);
}

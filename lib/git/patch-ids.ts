/**
 * Patch identities, for `lore carry`. A patch-id (`git patch-id --stable`) names a change by its content,
 * whatever commit, parent or line numbers carry it, so a rebased, cherry-picked or squashed
 * change keeps the identity of what it replaced.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git-cli.js';
import { isRecord } from '../json-object.js';

/** One diff to identify: `tip` against `base`, or against its first parent when no base is given. */
export interface DiffSpec {
  tip: string;
  base?: string;
}

/**
 * Patch-ids of commits against their first parent never change: they are kept beside the
 * carry state, so the linked commits are identified once, not on every carry.
 */
function cachePath(gitDir: string): string {
  return join(gitDir, 'lore', 'patch-ids');
}

function readCache(gitDir: string): Map<string, string> {
  const cache = new Map<string, string>();
  const path = cachePath(gitDir);
  if (!existsSync(path)) return cache;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64})$/.exec(line);
    if (m) cache.set(m[1], m[2]);
  }
  return cache;
}

/** Patch-ids of commits against their first parent, from the cache where it has them. */
export async function commitPatchIds(gitDir: string, shas: string[]): Promise<Map<string, string>> {
  const cache = readCache(gitDir);
  const missing = shas.filter((sha) => !cache.has(sha));
  if (missing.length > 0) {
    const fresh = await patchIds(gitDir, missing.map((tip) => ({ tip })));
    // A commit with no patch (a merge, an empty commit) is cached as such: the empty id.
    const lines = missing.map((sha) => `${sha} ${fresh.get(sha) ?? '0'.repeat(40)}`);
    mkdirSync(join(gitDir, 'lore'), { recursive: true });
    appendFileSync(cachePath(gitDir), lines.join('\n') + '\n');
    for (const sha of missing) cache.set(sha, fresh.get(sha) ?? '0'.repeat(40));
  }
  const ids = new Map<string, string>();
  for (const sha of shas) {
    const id = cache.get(sha);
    if (id !== undefined && !/^0+$/.test(id)) ids.set(sha, id);
  }
  return ids;
}

/**
 * The patch-id of each diff, keyed by tip, from one `diff-tree --stdin` and one `patch-id`.
 * Merges and root commits without a base have no patch of their own and are left out; so is
 * a diff that changes nothing.
 */
export async function patchIds(gitDir: string, diffs: DiffSpec[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (diffs.length === 0) return ids;
  const lines = diffs.map((d) => (d.base ? `${d.tip} ${d.base}` : d.tip)).join('\n') + '\n';
  const patches = await git(gitDir, ['diff-tree', '--stdin', '-p', '--no-renames', '--no-ext-diff', '--full-index'], lines);
  if (patches.trim() === '') return ids;
  const out = await git(gitDir, ['patch-id', '--stable'], patches);
  for (const line of out.split('\n')) {
    const [id, sha] = line.split(' ');
    if (id && sha && !ids.has(sha)) ids.set(sha, id);
  }
  return ids;
}

/**
 * Where the last carry stopped on each upstream: a small file in the git dir, like git's
 * own ORIG_HEAD. It is this clone's bookkeeping and is never pushed.
 */
function carryStatePath(gitDir: string): string {
  return join(gitDir, 'lore', 'carried.json');
}

export function readCarryState(gitDir: string): Record<string, string> {
  const path = carryStatePath(gitDir);
  if (!existsSync(path)) return {};
  try {
    const o = JSON.parse(readFileSync(path, 'utf8'));
    return isRecord(o) ? (o as Record<string, string>) : {};
  } catch {
    // A state that cannot be read costs one longer carry, never a wrong one.
    return {};
  }
}

export function writeCarryState(gitDir: string, state: Record<string, string>): void {
  const path = carryStatePath(gitDir);
  mkdirSync(join(gitDir, 'lore'), { recursive: true });
  writeFileSync(path + '.tmp', JSON.stringify(state, null, 2) + '\n');
  renameSync(path + '.tmp', path);
}

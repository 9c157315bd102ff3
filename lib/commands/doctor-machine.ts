import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { doctorMessages as t } from './doctor-messages.js';
import { isLoreError } from '../errors.js';
import { identityCli, mailmapEmailCli } from '../git/cli-commit.js';
import type { RepoPlace } from '../git/doctor-probe.js';
import { nodegitVersion } from '../git/libgit2.js';
import { readIndex } from '../sessions/index-file.js';
import { isStale } from '../sessions/session.js';
import { ok, problem, shellArg, warn, type Check } from './doctor-check.js';
import { LORE_JS, PROJECT } from '../hooks/block.js';
import { importStatePath } from './import.js';

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `lore` as /bin/sh finds it for the hooks' `command -v lore`: the first executable file of
 * that name in PATH's directories, in order, an empty entry meaning the current directory
 * (hooks run at the work tree's top, `cwd` here).
 */
export function findOnPath(command: string, path: string | undefined, cwd: string): string | null {
  for (const dir of (path ?? '').split(delimiter)) {
    const candidate = resolve(cwd, join(dir === '' ? '.' : dir, command));
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

export function pathCheck(cwd: string, env: NodeJS.ProcessEnv): Check {
  const found = findOnPath('lore', env.PATH, cwd);
  if (found) return ok('lore on PATH', t.onPath(found));
  // What the hooks lore installs fall back to (lib/hooks/block.ts): this node and this lore.
  return problem('lore on PATH', t.notOnPath(`${process.execPath} ${LORE_JS}`), `cd ${shellArg(PROJECT)} && npm link`);
}

/** Who lore's notes commits and `linked_by` will name, as `git commit` would, and .mailmap's form of it. */
export async function identityCheck(place: RepoPlace): Promise<Check> {
  try {
    const who = await identityCli(place.gitDir);
    const mapped = await mailmapEmailCli(place.gitDir, place.top, who).catch(() => who.email);
    return ok('identity', t.identity(who.name, who.email, mapped === who.email ? null : mapped));
  } catch (e) {
    if (isLoreError(e) && e.code === 'NO_IDENTITY') return problem('identity', e.message, (e.hint ?? '').replace(/^Run: /, ''));
    throw e;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The session index as every command reads it (CONTRACT §1): its size, sessions and the
 * lines the reader skips, the import's last run (its state file's time), and active
 * sessions gone stale. `now` decides staleness.
 */
export function indexChecks(indexPath: string, now: number): Check[] {
  const size = statOrNull(indexPath)?.size;
  if (size === undefined) return [warn('session index', t.indexMissing(indexPath), 'lore import')];
  const bad: number[] = [];
  let sessions;
  try {
    // The reader's own warning names the line: `<path>:<line>: skipped ...`.
    sessions = readIndex(indexPath, (message) => bad.push(Number(/:(\d+): /.exec(message)?.[1] ?? 0))).sessions;
  } catch (e) {
    if (isLoreError(e)) return [problem('session index', e.message, e.hint ?? 'lore import')];
    throw e;
  }
  const checks = [ok('session index', t.index(indexPath, size, sessions.size, statOrNull(importStatePath(indexPath))?.mtimeMs ?? null))];
  if (bad.length > 0) checks.push(warn('index lines', t.badLines(indexPath, bad)));
  const stale = [...sessions.values()].filter((s) => isStale(s, now)).map((s) => s.id);
  checks.push(
    stale.length === 0
      ? ok('stale sessions', t.staleNone())
      : warn('stale sessions', t.stale(stale), stale.slice(0, 5).map((id) => `lore session end ${shellArg(id)}`).join(' && ')),
  );
  return checks;
}

export function nodegitCheck(): Check {
  try {
    return ok('nodegit', t.nodegit(nodegitVersion()));
  } catch (e) {
    return problem('nodegit', t.nodegitFailed((e as Error).message.split('\n')[0]), `cd ${shellArg(PROJECT)} && npm rebuild nodegit`);
  }
}

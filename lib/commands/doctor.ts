import { doctorMessages as t } from './doctor-messages.js';
import { repoPlace } from '../git/doctor-probe.js';
import { isLoreError } from '../errors.js';
import { ok, problem, warn, type Check } from './doctor-check.js';
import { agentHookChecks, gitHookChecks, notesRewriteCheck } from './doctor-hooks.js';
import { identityCheck, indexChecks, nodegitCheck, pathCheck } from './doctor-machine.js';
import { remoteChecks } from './doctor-remote.js';
import { sessionIndexPath } from './workspace.js';

export interface DoctorOptions {
  cwd: string;
  /** Default the process's: its PATH is the one the hooks see. */
  env?: NodeJS.ProcessEnv;
  /** Epoch ms, for which sessions are stale; default now. */
  now?: number;
}

export interface DoctorReport {
  checks: Check[];
  /** No check found a problem (warnings allowed). */
  ok: boolean;
}

/** The index checks, or the lore config that names no usable index. */
async function sessionChecks(cwd: string, now: number): Promise<Check[]> {
  let path: string;
  try {
    path = await sessionIndexPath(cwd);
  } catch (e) {
    if (isLoreError(e)) return [problem('session index', e.message, e.hint ?? t.fixConfig())];
    throw e;
  }
  return indexChecks(path, now);
}

/**
 * `lore doctor`: everything lore needs to link and share, checked without changing
 * anything, each problem with the command that fixes it. Outside a repository it still
 * checks what does not need one: PATH, the session index, nodegit.
 */
export async function doctor(opts: DoctorOptions): Promise<DoctorReport> {
  const env = opts.env ?? process.env;
  const place = await repoPlace(opts.cwd);
  const where = place?.top ?? opts.cwd;
  const checks: Check[] = [place ? ok('repository', t.repo(place.top)) : warn('repository', t.notInRepo(opts.cwd))];
  if (place) {
    checks.push(...gitHookChecks(place.top), ...agentHookChecks(place.top));
  }
  checks.push(pathCheck(where, env));
  if (place) {
    const [rewrite, remote, identity] = await Promise.all([notesRewriteCheck(place.top), remoteChecks(place.top), identityCheck(place)]);
    checks.push(rewrite, ...remote, identity);
  }
  checks.push(...(await sessionChecks(opts.cwd, opts.now ?? Date.now())), nodegitCheck());
  return { checks, ok: checks.every((c) => c.status !== 'problem') };
}

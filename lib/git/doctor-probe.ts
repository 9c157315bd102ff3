/**
 * What `lore doctor` asks git, read-only: where the repository is, a config key with the
 * scope it comes from, refs and their ancestry, and the remote's tip of the links. Every
 * answer is null (or false) when git says no, so a check can report instead of failing.
 */
import { gitOutput, runTransport } from './notes-sync.js';
import { NOTES_REF } from './repo.js';

export interface RepoPlace {
  top: string;
  gitDir: string;
}

/** The work tree's top and the git dir around `cwd`; null outside a working tree. */
export async function repoPlace(cwd: string): Promise<RepoPlace | null> {
  // One call each: a path may hold a newline, so two answers in one output could not be told apart.
  const [top, gitDir] = await Promise.all([gitOutput(cwd, ['rev-parse', '--show-toplevel']), gitOutput(cwd, ['rev-parse', '--absolute-git-dir'])]);
  return top && gitDir ? { top, gitDir } : null;
}

/** A boolean config key as git reads it, with its scope (local, global, ...); null when unset. */
export async function configBool(cwd: string, key: string): Promise<{ value: boolean; scope: string } | null> {
  const out = await gitOutput(cwd, ['config', '--show-scope', '--type=bool', '--get', key]);
  if (!out) return null;
  const [scope, value] = out.split('\t');
  return { value: value === 'true', scope };
}

export async function remoteNames(cwd: string): Promise<string[]> {
  return ((await gitOutput(cwd, ['remote'])) ?? '').split('\n').filter((r) => r !== '');
}

export async function fetchRefspecs(cwd: string, remote: string): Promise<string[]> {
  return ((await gitOutput(cwd, ['config', '--get-all', `remote.${remote}.fetch`])) ?? '').split('\n').filter((r) => r !== '');
}

/** The commit a ref points at; null when it does not exist. */
export async function refTip(cwd: string, ref: string): Promise<string | null> {
  return (await gitOutput(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) || null;
}

/** Whether `a` is `b` or one of its ancestors; false too when git does not have `a`. */
export async function isAncestor(cwd: string, a: string, b: string): Promise<boolean> {
  return (await gitOutput(cwd, ['merge-base', '--is-ancestor', a, b])) !== null;
}

export type RemoteTip = { reached: true; tip: string | null } | { reached: false; reason: string };

/**
 * The remote's refs/notes/lore as `git ls-remote` says it now (tip null: it has none),
 * or why it could not be asked: an unreachable remote costs at most `timeoutMs`.
 */
export async function remoteNotesTip(cwd: string, remote: string, timeoutMs: number): Promise<RemoteTip> {
  const run = await runTransport(cwd, ['ls-remote', '--refs', remote, NOTES_REF], timeoutMs);
  if (run.timedOut) return { reached: false, reason: `no answer within ${timeoutMs / 1000} s` };
  if (run.code !== 0) {
    const lines = run.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const reason = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit code ${run.code}`;
    return { reached: false, reason: reason.replace(/^(fatal|error):\s*/, '') };
  }
  const line = run.stdout.split('\n').find((l) => l.endsWith(`\t${NOTES_REF}`));
  return { reached: true, tip: line ? line.split('\t')[0] : null };
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LoreError } from '../errors.js';
import { isDirectory } from '../is-directory.js';
import { gitSync } from '../git/git-sync.js';
import { realDir } from '../commands/place.js';

export type HookName = 'post-commit' | 'post-rewrite' | 'post-merge' | 'pre-push';
/** The hooks every install writes. */
export const HOOK_NAMES: readonly HookName[] = ['post-commit', 'post-rewrite', 'post-merge'];
/** Runs lore sync on each push: only with `install --sync`, so status and uninstall name it only when there. */
export const SYNC_HOOK: HookName = 'pre-push';
/** Hooks git gives lines on standard input, which lore reads and hands on to the rest of the hook. */
export const STDIN_HOOKS: readonly HookName[] = ['post-rewrite', 'pre-push'];

/** Where lore's part of each hook belongs in one repository, and who runs it. */
export type Layout =
  /** A directory git runs hooks from itself: .git/hooks, or a core.hooksPath of this repository. */
  | { kind: 'git'; top: string; dir: string }
  /** Husky: git runs the generated .husky/_ (or .husky), which runs the user's files in .husky/. */
  | { kind: 'husky'; top: string; dir: string }
  /** lefthook writes the hook files itself and would overwrite lore's part: lore goes into its YAML. */
  | { kind: 'lefthook'; top: string; config: string }
  /** core.hooksPath from global or system config: every repository of the user runs these hooks. */
  | { kind: 'shared'; top: string; dir: string; scope: string };

const LEFTHOOK_CONFIGS = ['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', '.lefthook.yaml'];
const OWN_SCOPES = ['local', 'worktree'];

/**
 * Asks git where it runs hooks from (`--git-path hooks` honours core.hooksPath, relative
 * or absolute, and linked worktrees), then recognises the hook managers that own it.
 */
export function findLayout(cwd: string): Layout {
  // One call each: a path may hold a newline, so two answers in one output could not be told apart.
  const top = gitSync(cwd, ['rev-parse', '--show-toplevel']);
  const hooks = top === null ? null : gitSync(cwd, ['rev-parse', '--git-path', 'hooks']);
  if (top === null || hooks === null) {
    throw new LoreError('NOT_A_REPO', `not inside a git working tree: ${cwd}`, 'Run lore hooks inside the repository whose commits should be linked.');
  }
  const dir = realDir(resolve(cwd, hooks));
  const lefthook = LEFTHOOK_CONFIGS.map((name) => join(top, name)).find((p) => existsSync(p));
  if (lefthook) return { kind: 'lefthook', top, config: lefthook };
  const scoped = gitSync(cwd, ['config', '--show-scope', '--get', 'core.hooksPath']);
  const scope = scoped?.split('\t')[0];
  if (scope !== undefined && !OWN_SCOPES.includes(scope)) return { kind: 'shared', top, dir, scope };
  const husky = join(top, '.husky');
  if (isDirectory(husky) && (dir === husky || dir === join(husky, '_'))) return { kind: 'husky', top, dir: husky };
  return { kind: 'git', top, dir };
}

/** The file lore's part of `hook` lives in (the user-level file for Husky). */
export function hookPath(layout: Exclude<Layout, { kind: 'lefthook' }>, hook: HookName): string {
  return join(layout.dir, hook);
}

/**
 * Whether lefthook's config runs lore for `hook`: a line naming lore inside the hook's
 * top-level section. lore only prints YAML for lefthook, so a line check is enough.
 */
export function lefthookRunsLore(yaml: string, hook: HookName): boolean {
  let inside = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inside = line.startsWith(`${hook}:`);
    else if (inside && /\blore\b/.test(line)) return true;
  }
  return false;
}

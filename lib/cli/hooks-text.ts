/** Every line `lore hooks` prints, in one place. The hook scripts' own lines are in hooks/. */
import type { HookName } from '../commands/hooks-layout.js';

export const hooksText = {
  added: (hook: HookName, path: string) => `${hook}: installed, as a block in your existing hook, which still runs (${path})`,
  updated: (hook: HookName, path: string) => `${hook}: updated lore's block (${path})`,
  unchanged: (hook: HookName, path: string) => `${hook}: already installed (${path})`,
  notExecutable: (path: string) => `warning: git skips ${path} because it is not executable; to run it: chmod +x ${path}`,
  husky: (dir: string) => `Husky runs this repository's hooks: lore's part goes into ${dir}/, not into the generated ${dir}/_/`,
  configSet: (keys: string[]) => `Set in this repository's git config: ${keys.join(', ')}`,
  otherRewriteMode: (mode: string) =>
    `notes.rewriteMode is ${mode} in this repository (lore would use cat_sort_uniq); lore's post-rewrite hook still merges the links`,
  installedSummary: () => 'Each commit is now linked to the active sessions, and links follow amend and rebase. LORE_SKIP=1 skips the hooks for one command.',

  lefthookAdd: (config: string) => `lefthook manages this repository's hooks, so lore does not edit ${config}. Add these lines to it, then run: lefthook install`,
  lefthookMerge: () => '(If post-commit or post-rewrite sections are there already, add the lore: entries under their commands:.)',
  lefthookDone: (config: string) => `${config} already runs lore's post-commit and post-rewrite hooks`,
  lefthookYaml: (postCommit: string, postRewrite: string) => [
    'post-commit:',
    '  commands:',
    '    lore:',
    `      run: ${postCommit}`,
    'post-rewrite:',
    '  commands:',
    '    lore:',
    `      run: ${postRewrite}`,
    '      use_stdin: true',
  ],

  sharedHooks: (scope: string, dir: string) =>
    `core.hooksPath comes from your ${scope} git config (${dir}): hooks there run in every repository, so lore does not write them`,
  sharedHint: (ownHooks: string, postCommit: string, postRewrite: string) =>
    `Give this repository its own hooks and run lore hooks install again: git config --local core.hooksPath '${ownHooks}'. ` +
    `Or call lore's hooks from the shared ones yourself: ${postCommit} from post-commit, ${postRewrite} (with its standard input) from post-rewrite.`,

  deleted: (hook: HookName, path: string) => `${hook}: removed (deleted ${path}, which lore had created)`,
  removed: (hook: HookName, path: string) => `${hook}: removed lore's block; the rest of your hook stays (${path})`,
  configUnset: (keys: string[]) => `Removed from this repository's git config: ${keys.join(', ')}`,
  lefthookRemove: (config: string) => `lefthook manages this repository's hooks: remove the lore: entries under post-commit and post-rewrite from ${config} yourself`,
  sharedRemove: (hook: HookName, path: string) => `${hook}: lore does not edit shared hooks; remove lore's part from ${path} yourself`,

  installed: (hook: HookName, path: string) => `${hook}: installed (${path})`,
  installedVia: (hook: HookName, tool: 'husky' | 'lefthook', path: string) => `${hook}: installed via ${tool} (${path})`,
  installedShared: (hook: HookName, scope: string, path: string) => `${hook}: installed in the hooks of your ${scope} git config (${path})`,
  installedNotExecutable: (hook: HookName, path: string) => `${hook}: installed, but not executable, so git skips it (${path})`,
  notInstalled: (hook: HookName, path: string) => `${hook}: not installed (${path})`,
  rewriteOn: () => 'links follow amend and rebase: yes (notes.rewriteRef covers refs/notes/lore)',
  rewriteOff: () => 'links follow amend and rebase: no (notes.rewriteRef does not cover refs/notes/lore; run lore hooks install)',
  logOn: () => 'git log shows links: yes (notes.displayRef=refs/notes/lore)',
  logOff: () => 'git log shows links: no (lore hooks install --show-in-log turns it on)',

  carried: (n: number) => `Merged the links of rewritten commits into ${n} note(s)`,
};

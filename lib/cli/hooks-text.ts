/** Every line `lore hooks` prints, in one place. The hook scripts' own lines are in hooks/. */
import type { HookName } from '../hooks/layout.js';
import { AGENT_LABEL, type AgentName } from '../sessions/agent-names.js';

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
  syncSummary: () => 'Each push to a remote now shares the links with it too (lore sync; a failed sync never fails the push).',

  lefthookAdd: (config: string) => `lefthook manages this repository's hooks, so lore does not edit ${config}. Add these lines to it, then run: lefthook install`,
  lefthookMerge: (hooks: readonly HookName[]) => `(If ${or(hooks)} sections are there already, add the lore: entries under their commands:.)`,
  lefthookDone: (config: string, hooks: readonly HookName[]) => `${config} already runs lore's ${and(hooks)} hooks`,
  lefthookSection: (hook: HookName, run: string, stdin: boolean) => [`${hook}:`, '  commands:', '    lore:', `      run: ${run}`, ...(stdin ? ['      use_stdin: true'] : [])],

  deleted: (hook: HookName, path: string) => `${hook}: removed (deleted ${path}, which lore had created)`,
  removed: (hook: HookName, path: string) => `${hook}: removed lore's block; the rest of your hook stays (${path})`,
  configUnset: (keys: string[]) => `Removed from this repository's git config: ${keys.join(', ')}`,
  lefthookRemove: (config: string, hooks: readonly HookName[]) => `lefthook manages this repository's hooks: remove the lore: entries under ${and(hooks)} from ${config} yourself`,
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

  agentCreated: (agent: string, path: string) => `${agent}: installed (created ${path})`,
  agentAdded: (agent: string, path: string) => `${agent}: installed, next to the settings and hooks already there (${path})`,
  agentUpdated: (agent: string, path: string) => `${agent}: updated lore's hooks (${path})`,
  agentUnchanged: (agent: string, path: string) => `${agent}: already installed (${path})`,
  agentSummary: (agent: AgentName) => `${AGENT_LABEL[agent]} now tells lore about each session as it happens: its start, each file it edits, its commits, its end.`,
  agentFound: (agent: AgentName, dir: string) =>
    `${agent}: found on this machine (${dir}); lore hooks install --agent ${agent} reports its sessions live, with their files`,
  agentRemoved: (agent: string, path: string) => `${agent}: removed lore's hooks; the other settings stay (${path})`,
  agentLeft: (agent: string, path: string) => `${agent}: lore's hooks stay in ${path}; lore hooks uninstall --agent ${agent} removes them`,
  agentInstalled: (agent: string, path: string) => `${agent}: installed (${path})`,
  agentPartly: (agent: string, path: string, missing: string[]) =>
    `${agent}: partly installed, without ${and(missing)} (${path}); lore hooks install --agent ${agent} completes it`,
  agentNotInstalled: (agent: string, path: string) => `${agent}: not installed (${path})`,
  agentEventFailed: (agent: string, why: string) => `lore: could not record the ${AGENT_LABEL[agent as AgentName] ?? 'agent'} event (${why})`,
};

/** `a, b and c`, for the lines that name several hooks. */
function and(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function or(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

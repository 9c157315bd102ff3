import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LoreError } from '../errors.js';
import { writeFilesOrNone, type FileWrite } from '../write-files.js';
import { addBlock, type AddResult } from '../hooks/block.js';
import { enableNotesConfig, readNotesConfig, REWRITE_MODE } from '../hooks/notes-config.js';
import { gitSync } from '../git/git-sync.js';
import { agentsInstalled, planAgentInstall, type Agent, type AgentInstall } from '../hooks/agent-settings.js';
import { findLayout, HOOK_NAMES, hookPath, lefthookRunsLore, STDIN_HOOKS, SYNC_HOOK, type HookName, type Layout } from '../hooks/layout.js';
import { agentsOnThisMachine, type HooksOptions } from './hooks.js';
import { isExecutable, readText, scriptCall } from '../hooks/hook-files.js';

/** A hook lore wrote (or found written); `skipped`: git will not run it, as it is not executable. */
export interface HookWritten {
  hook: HookName;
  path: string;
  result: AddResult;
  skipped: boolean;
}

/** A section of lefthook's config that runs lore's script from a hook. */
export interface LefthookSection {
  hook: HookName;
  run: string;
  /** The hook reads its standard input (lefthook's use_stdin). */
  stdin: boolean;
}

/** What `lore hooks install` did: its hook files, or, under lefthook, what to add to its config. */
export type HooksWritten =
  | { kind: 'files'; husky: string | null; hooks: HookWritten[] }
  // lore never edits lefthook's config: `sections` are the ones to add, none when it runs lore already.
  | { kind: 'lefthook'; config: string; hooks: HookName[]; sections: LefthookSection[] };

export interface InstallReport {
  written: HooksWritten;
  agent: { agent: Agent; path: string; result: AgentInstall } | null;
  /** The git config keys set now. */
  configSet: string[];
  /** notes.rewriteMode when the repository had one of its own, not lore's. */
  otherRewriteMode: string | null;
  sync: boolean;
  /** Agents on this machine whose hooks are not installed here. */
  found: { agent: Agent; dir: string }[];
}

type OwnLayout = Extract<Layout, { kind: 'git' | 'husky' }>;

/** The hooks lore writes: pre-push only when asked for. */
function wanted(sync: boolean): readonly HookName[] {
  return sync ? [...HOOK_NAMES, SYNC_HOOK] : HOOK_NAMES;
}

/** Writes the hooks, and `also` (the agent's settings) with them: all of them, or none. */
function installFiles(layout: OwnLayout, hooks: readonly HookName[], also: FileWrite[]): HooksWritten {
  // Every file's new text is worked out first: a hook lore cannot edit leaves all files as they were.
  const plans = hooks.map((hook) => {
    const path = hookPath(layout, hook);
    return { hook, path, ...addBlock(readText(path), hook, path) };
  });
  const writes = plans.filter((p) => p.result !== 'unchanged').map((p) => ({ path: p.path, text: p.text, mode: 0o755 }));
  writeFilesOrNone([...writes, ...also]);
  return {
    kind: 'files',
    husky: layout.kind === 'husky' ? layout.dir : null,
    // Husky runs its user-level files with sh, executable or not; git needs the bit.
    hooks: plans.map(({ hook, path, result }) => ({ hook, path, result, skipped: layout.kind === 'git' && !isExecutable(path) })),
  };
}

function lefthookSections(config: string, hooks: readonly HookName[]): HooksWritten {
  const yaml = readFileSync(config, 'utf8');
  const done = hooks.every((hook) => lefthookRunsLore(yaml, hook));
  // lefthook's {1} is the hook's first argument: pre-push's remote.
  const sections = done ? [] : hooks.map((hook) => ({ hook, run: scriptCall(hook, '{1}'), stdin: STDIN_HOOKS.includes(hook) }));
  return { kind: 'lefthook', config, hooks: [...hooks], sections };
}

/** Hooks in a directory every repository shares: lore writes none, and says how to run it from them. */
function sharedHooksError(cwd: string, layout: Extract<Layout, { kind: 'shared' }>, hooks: readonly HookName[]): LoreError {
  const own = join(resolve(cwd, gitSync(cwd, ['rev-parse', '--git-common-dir']) ?? '.git'), 'hooks');
  const calls = hooks.map((hook) => `${scriptCall(hook, '"$@"')} from ${hook}${STDIN_HOOKS.includes(hook) ? ' (with its standard input)' : ''}`);
  return new LoreError(
    'BAD_CONFIG',
    `core.hooksPath comes from your ${layout.scope} git config (${layout.dir}): hooks there run in every repository, so lore does not write them`,
    `Give this repository its own hooks and run lore hooks install again: git config --local core.hooksPath '${own}'. ` +
      `Or call lore's hooks from the shared ones yourself: ${calls.join(', ')}.`,
  );
}

export function installHooks(opts: HooksOptions & { showInLog: boolean }): InstallReport {
  const layout = findLayout(opts.cwd);
  const hooks = wanted(opts.sync);
  if (layout.kind === 'shared') throw sharedHooksError(opts.cwd, layout, hooks);
  // Worked out before any hook is written: settings lore cannot edit leave everything as it was.
  const agentPlan = opts.agent ? planAgentInstall(layout.top, opts.agent) : null;
  const agentWrite = agentPlan && agentPlan.result !== 'unchanged' ? [{ path: agentPlan.path, text: agentPlan.text }] : [];
  let written: HooksWritten;
  if (layout.kind === 'lefthook') {
    writeFilesOrNone(agentWrite);
    written = lefthookSections(layout.config, hooks);
  } else written = installFiles(layout, hooks, agentWrite);
  const before = readNotesConfig(opts.cwd);
  const configSet = enableNotesConfig(opts.cwd, opts.showInLog);
  const live = new Set([...agentsInstalled(layout.top), ...(opts.agent ? [opts.agent] : [])]);
  return {
    written,
    agent: agentPlan && opts.agent ? { agent: opts.agent, path: agentPlan.path, result: agentPlan.result } : null,
    configSet,
    otherRewriteMode: before.rewriteMode !== null && before.rewriteMode !== REWRITE_MODE ? before.rewriteMode : null,
    sync: opts.sync,
    found: agentsOnThisMachine().filter(({ agent }) => !live.has(agent)),
  };
}

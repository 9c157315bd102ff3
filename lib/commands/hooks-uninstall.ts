import { readFileSync, unlinkSync } from 'node:fs';
import { writeFilesOrNone } from '../write-files.js';
import { hasBlock, removeBlock, type RemoveResult } from '../hooks/block.js';
import { disableNotesConfig } from '../hooks/notes-config.js';
import { agentsInstalled, removeAgentHooks, settingsPath, type Agent } from '../hooks/agent-settings.js';
import { findLayout, HOOK_NAMES, hookPath, lefthookRunsLore, SYNC_HOOK, type HookName, type Layout } from '../hooks/layout.js';
import { reported, type HooksOptions } from './hooks.js';
import { readText } from '../hooks/hook-files.js';

/** A hook uninstall looked at; `shared`: lore's part is in a shared hook, for the user to remove. */
export interface HookRemoved {
  hook: HookName;
  path: string;
  result: RemoveResult | 'shared';
}

/** An agent's settings: lore's entries removed, not there, or left (not asked about: they are usually the team's). */
export interface AgentRemoved {
  agent: Agent;
  path: string;
  result: 'removed' | 'absent' | 'left';
}

export interface UninstallReport {
  /** lefthook's config and the hooks it still runs lore from, for the user to edit; null when none. */
  lefthook: { config: string; running: HookName[] } | null;
  hooks: HookRemoved[];
  agents: AgentRemoved[];
  /** The git config keys removed. */
  unset: string[];
}

function uninstallFiles(layout: Exclude<Layout, { kind: 'lefthook' }>, sync: boolean): HookRemoved[] {
  const texts = new Map([...HOOK_NAMES, SYNC_HOOK].map((hook) => [hook, readText(hookPath(layout, hook))]));
  const hooks = reported(sync, (hook) => hasBlock(texts.get(hook) ?? ''));
  if (layout.kind === 'shared') {
    return hooks.map((hook) => ({ hook, path: hookPath(layout, hook), result: hasBlock(texts.get(hook) ?? '') ? 'shared' : 'absent' }));
  }
  const plans = hooks.map((hook) => {
    const path = hookPath(layout, hook);
    const text = texts.get(hook)!;
    return { hook, path, ...(text === null ? { text, result: 'absent' as const } : removeBlock(text, path)) };
  });
  for (const p of plans) {
    if (p.result === 'deleted') unlinkSync(p.path);
    else if (p.result === 'removed') writeFilesOrNone([{ path: p.path, text: p.text! }]);
  }
  return plans.map(({ hook, path, result }) => ({ hook, path, result }));
}

export function uninstallHooks(opts: HooksOptions): UninstallReport {
  const layout = findLayout(opts.cwd);
  // The agent's settings first: settings lore cannot read leave everything as it was.
  const agents: AgentRemoved[] = opts.agent
    ? [{ agent: opts.agent, path: settingsPath(layout.top, opts.agent), result: removeAgentHooks(layout.top, opts.agent) ? 'removed' : 'absent' }]
    : // The settings are usually the team's, checked in: lore takes its entries out only when told to.
      agentsInstalled(layout.top).map((agent) => ({ agent, path: settingsPath(layout.top, agent), result: 'left' }));
  let lefthook: UninstallReport['lefthook'] = null;
  let hooks: HookRemoved[];
  if (layout.kind === 'lefthook') {
    const yaml = readFileSync(layout.config, 'utf8');
    const running = [...HOOK_NAMES, SYNC_HOOK].filter((hook) => lefthookRunsLore(yaml, hook));
    if (running.length > 0) lefthook = { config: layout.config, running };
    hooks = running.length > 0 ? [] : reported(opts.sync, () => false).map((hook) => ({ hook, path: layout.config, result: 'absent' }));
  } else {
    hooks = uninstallFiles(layout, opts.sync);
  }
  return { lefthook, hooks, agents, unset: disableNotesConfig(opts.cwd) };
}

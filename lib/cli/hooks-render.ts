/** `lore hooks install | uninstall | status` as lines, from what each returns. */
import type { AddResult } from '../hooks/block.js';
import type { AgentInstall } from '../hooks/agent-settings.js';
import type { HookName } from '../hooks/layout.js';
import type { HooksStatus } from '../commands/hooks.js';
import type { HooksWritten, InstallReport } from '../commands/hooks-install.js';
import type { UninstallReport } from '../commands/hooks-uninstall.js';
import { hooksText as t } from './hooks-text.js';

const ADDED: Record<AddResult, (hook: HookName, path: string) => string> = {
  created: t.installed,
  added: t.added,
  updated: t.updated,
  unchanged: t.unchanged,
};

const AGENT_ADDED: Record<AgentInstall, (agent: string, path: string) => string> = {
  created: t.agentCreated,
  added: t.agentAdded,
  updated: t.agentUpdated,
  unchanged: t.agentUnchanged,
};

function writtenLines(w: HooksWritten): string[] {
  if (w.kind === 'lefthook') {
    if (w.sections.length === 0) return [t.lefthookDone(w.config, w.hooks)];
    const sections = w.sections.flatMap((s) => t.lefthookSection(s.hook, s.run, s.stdin));
    return [t.lefthookAdd(w.config), '', ...sections, '', t.lefthookMerge(w.hooks)];
  }
  const lines = w.husky === null ? [] : [t.husky(w.husky)];
  for (const h of w.hooks) lines.push(ADDED[h.result](h.hook, h.path), ...(h.skipped ? [t.notExecutable(h.path)] : []));
  return lines;
}

export function installLines(r: InstallReport): string[] {
  const files = r.written.kind === 'files';
  return [
    ...writtenLines(r.written),
    ...(r.agent ? [AGENT_ADDED[r.agent.result](r.agent.agent, r.agent.path)] : []),
    ...(r.configSet.length > 0 ? [t.configSet(r.configSet)] : []),
    ...(r.otherRewriteMode !== null ? [t.otherRewriteMode(r.otherRewriteMode)] : []),
    ...(files ? [t.installedSummary()] : []),
    ...(files && r.sync ? [t.syncSummary()] : []),
    ...(r.agent ? [t.agentSummary(r.agent.agent)] : []),
    ...r.found.map(({ agent, dir }) => t.agentFound(agent, dir)),
  ];
}

const REMOVED = { deleted: t.deleted, removed: t.removed, absent: t.notInstalled, shared: t.sharedRemove };
const AGENT_REMOVED = { removed: t.agentRemoved, absent: t.agentNotInstalled, left: t.agentLeft };

export function uninstallLines(r: UninstallReport): string[] {
  return [
    ...(r.lefthook ? [t.lefthookRemove(r.lefthook.config, r.lefthook.running)] : []),
    ...r.hooks.map((h) => REMOVED[h.result](h.hook, h.path)),
    ...r.agents.map((a) => AGENT_REMOVED[a.result](a.agent, a.path)),
    ...(r.unset.length > 0 ? [t.configUnset(r.unset)] : []),
  ];
}

function hookLine(s: HooksStatus, h: HooksStatus['hooks'][number]): string {
  if (!h.installed) return t.notInstalled(h.hook, h.path);
  if (h.manager === 'lefthook' || h.manager === 'husky') return t.installedVia(h.hook, h.manager, h.path);
  if (h.executable === false) return t.installedNotExecutable(h.hook, h.path);
  return s.scope !== null ? t.installedShared(h.hook, s.scope, h.path) : t.installed(h.hook, h.path);
}

function agentLine(a: HooksStatus['agents'][number]): string {
  if (!a.installed) return t.agentNotInstalled(a.agent, a.path);
  return a.missing.length === 0 ? t.agentInstalled(a.agent, a.path) : t.agentPartly(a.agent, a.path, a.missing);
}

export function statusLines(s: HooksStatus): string[] {
  return [
    ...s.hooks.map((h) => hookLine(s, h)),
    ...s.agents.map(agentLine),
    s.rewrite_ref ? t.rewriteOn() : t.rewriteOff(),
    s.display_ref ? t.logOn() : t.logOff(),
  ];
}

/** `hooks status --json`: the facts of the text, for scripts. */
export function statusJson(s: HooksStatus): Omit<HooksStatus, 'scope'> {
  return { hooks: s.hooks, agents: s.agents, rewrite_ref: s.rewrite_ref, display_ref: s.display_ref };
}

import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { hooksText as t } from '../cli/hooks-text.js';
import type { Io } from '../io.js';
import { LoreError } from '../errors.js';
import { isDirectory } from '../is-directory.js';
import { writeFilesOrNone, type FileWrite } from '../write-files.js';
import { addBlock, hasBlock, removeBlock, shellQuote, templatePath, type AddResult } from '../hooks/block.js';
import { disableNotesConfig, enableNotesConfig, readNotesConfig, REWRITE_MODE } from '../hooks/notes-config.js';
import { AGENTS } from '../sessions/agent-events.js';
import { gitSync } from '../git/git-sync.js';
import { defaultLogDirs } from './import.js';
import { agentEventsInstalled, agentsInstalled, planAgentInstall, removeAgentHooks, settingsPath, type Agent, type AgentInstall } from '../hooks/agent-settings.js';
import { findLayout, HOOK_NAMES, hookPath, lefthookRunsLore, STDIN_HOOKS, SYNC_HOOK, type HookName, type Layout } from '../hooks/layout.js';

/**
 * `lore hooks install | uninstall | status`: the post-commit hook links each new commit to
 * the active sessions, the post-rewrite hook and git's notes.rewriteRef carry links through
 * amend and rebase, the post-merge hook carries them onto the server's squash and rebase
 * merges after a pull (lore carry). With --sync a pre-push hook shares the links on each push; with --agent
 * the agent's own hooks tell lore about its sessions as they happen. lore only ever adds or
 * removes its own marked block in a hook file, and its own entries in an agent's settings.
 */
type OwnLayout = Extract<Layout, { kind: 'git' | 'husky' }>;

export interface HooksOptions {
  cwd: string;
  /** The pre-push hook: install it; uninstall and status name it even when it is not there. */
  sync: boolean;
  /** The agent's hooks: install, remove, or report them even when they are not there. */
  agent?: Agent;
}

function readText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function isExecutable(path: string): boolean {
  return (statSync(path).mode & 0o111) !== 0;
}

/** How a hook lore does not edit (lefthook's, a shared one) runs lore's script; `args` is how that hook says "the hook's arguments". */
function scriptCall(hook: HookName, args: string): string {
  return `sh ${shellQuote(templatePath(hook))}${hook === SYNC_HOOK ? ` ${args}` : ''}`;
}

/** The hooks lore writes: pre-push only when asked for. */
function wanted(sync: boolean): readonly HookName[] {
  return sync ? [...HOOK_NAMES, SYNC_HOOK] : HOOK_NAMES;
}

/** The hooks a report names: the optional one when it is there or asked about. */
function reported(sync: boolean, present: (hook: HookName) => boolean): HookName[] {
  return [...HOOK_NAMES, SYNC_HOOK].filter((hook) => HOOK_NAMES.includes(hook) || sync || present(hook));
}

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

/** Writes the hooks, and `also` (the agent's settings) with them: all of them, or none. */
function installFiles(layout: OwnLayout, hooks: readonly HookName[], also: FileWrite[], io: Io): void {
  // Every file's new text is worked out first: a hook lore cannot edit leaves all files as they were.
  const plans = hooks.map((hook) => {
    const path = hookPath(layout, hook);
    return { hook, path, ...addBlock(readText(path), hook, path) };
  });
  const writes = plans.filter((p) => p.result !== 'unchanged').map((p) => ({ path: p.path, text: p.text, mode: 0o755 }));
  writeFilesOrNone([...writes, ...also]);
  if (layout.kind === 'husky') io.out(t.husky(layout.dir));
  for (const p of plans) {
    io.out(ADDED[p.result](p.hook, p.path));
    // Husky runs its user-level files with sh, executable or not; git needs the bit.
    if (layout.kind === 'git' && !isExecutable(p.path)) io.out(t.notExecutable(p.path));
  }
}

function printLefthookYaml(config: string, hooks: readonly HookName[], io: Io): void {
  const yaml = readFileSync(config, 'utf8');
  if (hooks.every((hook) => lefthookRunsLore(yaml, hook))) {
    io.out(t.lefthookDone(config, hooks));
    return;
  }
  io.out(t.lefthookAdd(config));
  io.out('');
  // lefthook's {1} is the hook's first argument: pre-push's remote.
  for (const hook of hooks) for (const line of t.lefthookSection(hook, scriptCall(hook, '{1}'), STDIN_HOOKS.includes(hook))) io.out(line);
  io.out('');
  io.out(t.lefthookMerge(hooks));
}

export function installHooks(opts: HooksOptions & { showInLog: boolean }, io: Io): void {
  const layout = findLayout(opts.cwd);
  const hooks = wanted(opts.sync);
  if (layout.kind === 'shared') {
    const own = join(resolve(opts.cwd, gitSync(opts.cwd, ['rev-parse', '--git-common-dir']) ?? '.git'), 'hooks');
    const calls = hooks.map((hook) => t.sharedCall(hook, scriptCall(hook, '"$@"'), STDIN_HOOKS.includes(hook)));
    throw new LoreError('BAD_CONFIG', t.sharedHooks(layout.scope, layout.dir), t.sharedHint(own, calls));
  }
  // Worked out before any hook is written: settings lore cannot edit leave everything as it was.
  const agentPlan = opts.agent ? planAgentInstall(layout.top, opts.agent) : null;
  const agentWrite = agentPlan && agentPlan.result !== 'unchanged' ? [{ path: agentPlan.path, text: agentPlan.text }] : [];
  if (layout.kind === 'lefthook') {
    writeFilesOrNone(agentWrite);
    printLefthookYaml(layout.config, hooks, io);
  } else installFiles(layout, hooks, agentWrite, io);
  if (agentPlan) {
    io.out(AGENT_ADDED[agentPlan.result](opts.agent!, agentPlan.path));
  }
  const before = readNotesConfig(opts.cwd);
  const set = enableNotesConfig(opts.cwd, opts.showInLog);
  if (set.length > 0) io.out(t.configSet(set));
  if (before.rewriteMode !== null && before.rewriteMode !== REWRITE_MODE) io.out(t.otherRewriteMode(before.rewriteMode));
  if (layout.kind !== 'lefthook') io.out(t.installedSummary());
  if (layout.kind !== 'lefthook' && opts.sync) io.out(t.syncSummary());
  if (agentPlan) io.out(t.agentSummary(opts.agent!));
  const live = new Set([...agentsInstalled(layout.top), ...(opts.agent ? [opts.agent] : [])]);
  for (const { agent, dir } of agentsOnThisMachine()) if (!live.has(agent)) io.out(t.agentFound(agent, dir));
}

/** The agents whose own directories exist here (their logs, for the two lore imports). */
export function agentsOnThisMachine(): { agent: Agent; dir: string }[] {
  const { claudeDir, codexDir } = defaultLogDirs();
  const gemini = join(homedir(), '.gemini');
  const dirs: { agent: Agent; dir: string }[] = [
    { agent: 'claude-code', dir: claudeDir },
    { agent: 'codex', dir: codexDir },
    { agent: 'gemini-cli', dir: gemini },
  ];
  return dirs.filter(({ dir }) => isDirectory(dir));
}

function uninstallFiles(layout: Exclude<Layout, { kind: 'lefthook' }>, sync: boolean, io: Io): void {
  const texts = new Map([...HOOK_NAMES, SYNC_HOOK].map((hook) => [hook, readText(hookPath(layout, hook))]));
  const hooks = reported(sync, (hook) => hasBlock(texts.get(hook) ?? ''));
  if (layout.kind === 'shared') {
    for (const hook of hooks) {
      const path = hookPath(layout, hook);
      io.out(hasBlock(texts.get(hook) ?? '') ? t.sharedRemove(hook, path) : t.notInstalled(hook, path));
    }
    return;
  }
  const plans = hooks.map((hook) => {
    const path = hookPath(layout, hook);
    const text = texts.get(hook)!;
    return { hook, path, ...(text === null ? { text, result: 'absent' as const } : removeBlock(text, path)) };
  });
  for (const p of plans) {
    if (p.result === 'deleted') unlinkSync(p.path);
    else if (p.result === 'removed') writeFilesOrNone([{ path: p.path, text: p.text! }]);
    io.out((p.result === 'deleted' ? t.deleted : p.result === 'removed' ? t.removed : t.notInstalled)(p.hook, p.path));
  }
}

export function uninstallHooks(opts: HooksOptions, io: Io): void {
  const layout = findLayout(opts.cwd);
  // The agent's settings first: settings lore cannot read leave everything as it was.
  const agentLines = opts.agent
    ? [(removeAgentHooks(layout.top, opts.agent) ? t.agentRemoved : t.agentNotInstalled)(opts.agent, settingsPath(layout.top, opts.agent))]
    : // The settings are usually the team's, checked in: lore takes its entries out only when told to.
      agentsInstalled(layout.top).map((agent) => t.agentLeft(agent, settingsPath(layout.top, agent)));
  if (layout.kind === 'lefthook') {
    const yaml = readFileSync(layout.config, 'utf8');
    const running = [...HOOK_NAMES, SYNC_HOOK].filter((hook) => lefthookRunsLore(yaml, hook));
    if (running.length > 0) io.out(t.lefthookRemove(layout.config, running));
    else for (const hook of reported(opts.sync, () => false)) io.out(t.notInstalled(hook, layout.config));
  } else {
    uninstallFiles(layout, opts.sync, io);
  }
  for (const line of agentLines) io.out(line);
  const unset = disableNotesConfig(opts.cwd);
  if (unset.length > 0) io.out(t.configUnset(unset));
}

export function installed(layout: Layout, hook: HookName): boolean {
  if (layout.kind === 'lefthook') return lefthookRunsLore(readFileSync(layout.config, 'utf8'), hook);
  return hasBlock(readText(hookPath(layout, hook)) ?? '');
}

function statusLine(layout: Layout, hook: HookName): string {
  if (layout.kind === 'lefthook') {
    return installed(layout, hook) ? t.installedVia(hook, 'lefthook', layout.config) : t.notInstalled(hook, layout.config);
  }
  const path = hookPath(layout, hook);
  if (!installed(layout, hook)) return t.notInstalled(hook, path);
  if (layout.kind === 'husky') return t.installedVia(hook, 'husky', path);
  if (!isExecutable(path)) return t.installedNotExecutable(hook, path);
  return layout.kind === 'shared' ? t.installedShared(hook, layout.scope, path) : t.installed(hook, path);
}

/** An agent's line: only when lore's entries are there, or the agent was asked about. */
function agentStatusLine(top: string, agent: Agent, asked: boolean): string | null {
  const { path, present, missing } = agentEventsInstalled(top, agent);
  if (present.length === 0) return asked ? t.agentNotInstalled(agent, path) : null;
  return missing.length === 0 ? t.agentInstalled(agent, path) : t.agentPartly(agent, path, missing);
}

/** The facts of `hooks status` for scripts: the same hooks and agents the text reports. */
function statusJson(opts: HooksOptions, layout: Layout) {
  const hooks = reported(opts.sync, (hook) => installed(layout, hook)).map((hook) => {
    const path = layout.kind === 'lefthook' ? layout.config : hookPath(layout, hook);
    const on = installed(layout, hook);
    return { hook, installed: on, path, manager: layout.kind, executable: layout.kind === 'lefthook' || !on ? null : isExecutable(path) };
  });
  const agents = (opts.agent ? [opts.agent] : AGENTS).flatMap((agent) => {
    const { path, present, missing } = agentEventsInstalled(layout.top, agent);
    return present.length === 0 && agent !== opts.agent ? [] : [{ agent, path, installed: present.length > 0, missing }];
  });
  const config = readNotesConfig(opts.cwd);
  return { hooks, agents, rewrite_ref: Boolean(config.rewriteRef), display_ref: Boolean(config.displayRef) };
}

export function hooksStatus(opts: HooksOptions & { json?: boolean }, io: Io): void {
  const layout = findLayout(opts.cwd);
  if (opts.json) {
    io.out(JSON.stringify(statusJson(opts, layout), null, 2));
    return;
  }
  for (const hook of reported(opts.sync, (hook) => installed(layout, hook))) io.out(statusLine(layout, hook));
  for (const agent of opts.agent ? [opts.agent] : AGENTS) {
    const line = agentStatusLine(layout.top, agent, agent === opts.agent);
    if (line) io.out(line);
  }
  const config = readNotesConfig(opts.cwd);
  io.out(config.rewriteRef ? t.rewriteOn() : t.rewriteOff());
  io.out(config.displayRef ? t.logOn() : t.logOff());
}

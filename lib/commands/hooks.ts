import { homedir } from 'node:os';
import { join } from 'node:path';
import { installed, isExecutable } from '../hooks/hook-files.js';
import { readNotesConfig } from '../hooks/notes-config.js';
import { AGENTS } from '../sessions/agent-names.js';
import { isDirectory } from '../is-directory.js';
import { defaultLogDirs } from './import.js';
import { agentEventsInstalled, type Agent } from '../hooks/agent-settings.js';
import { findLayout, HOOK_NAMES, hookPath, SYNC_HOOK, type HookName, type Layout } from '../hooks/layout.js';

/**
 * `lore hooks install | uninstall | status`: the post-commit hook links each new commit to
 * the active sessions, the post-rewrite hook and git's notes.rewriteRef carry links through
 * amend and rebase, the post-merge hook carries them onto the server's squash and rebase
 * merges after a pull (lore carry). With --sync a pre-push hook shares the links on each push; with --agent
 * the agent's own hooks tell lore about its sessions as they happen. lore only ever adds or
 * removes its own marked block in a hook file, and its own entries in an agent's settings.
 * Each returns what it found or did, hook by hook; lib/cli/hooks-render.ts prints it.
 * This file: status, and what install, uninstall and doctor share (the hook files: lib/hooks/hook-files.ts).
 */
export interface HooksOptions {
  cwd: string;
  /** The pre-push hook: install it; uninstall and status name it even when it is not there. */
  sync: boolean;
  /** The agent's hooks: install, remove, or report them even when they are not there. */
  agent?: Agent;
}

/** The hooks a report names: the optional one when it is there or asked about. */
export function reported(sync: boolean, present: (hook: HookName) => boolean): HookName[] {
  return [...HOOK_NAMES, SYNC_HOOK].filter((hook) => HOOK_NAMES.includes(hook) || sync || present(hook));
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

/** A git hook as status finds it; `executable` is null where it does not apply (lefthook, not installed). */
export interface HookState {
  hook: HookName;
  installed: boolean;
  path: string;
  manager: Layout['kind'];
  executable: boolean | null;
}

/** An agent's hooks: `missing` names the events lore's entries do not cover. */
export interface AgentState {
  agent: Agent;
  path: string;
  installed: boolean;
  missing: string[];
}

/** `lore hooks status`, as `--json` gives it; `scope` (not in the JSON) is where shared hooks come from. */
export interface HooksStatus {
  hooks: HookState[];
  /** The agents with lore's entries, and the one asked about. */
  agents: AgentState[];
  rewrite_ref: boolean;
  display_ref: boolean;
  scope: string | null;
}

export function hooksStatus(opts: HooksOptions): HooksStatus {
  const layout = findLayout(opts.cwd);
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
  return { hooks, agents, rewrite_ref: Boolean(config.rewriteRef), display_ref: Boolean(config.displayRef), scope: layout.kind === 'shared' ? layout.scope : null };
}

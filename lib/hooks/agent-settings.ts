import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesOrNone } from '../write-files.js';
import { LoreError } from '../errors.js';
import { AGENT_LABEL, AGENTS, type AgentName } from '../sessions/agent-names.js';
import { loreFallback } from './block.js';
import { planPluginInstall, pluginInstalled, PLUGIN_FILE, removePlugin } from './agent-plugin.js';
import { isRecord } from '../json-object.js';

/**
 * `lore hooks install --agent A`: entries in the agent's project settings that run `lore
 * hooks agent-event` when a session starts, edits a file, runs `git commit` and ends, so
 * the index knows a live session, its files and its commits when the post-commit hook
 * links. The file is the user's (and usually the team's): lore adds and removes only its
 * own handlers, which it recognises by the command they run, and keeps everything else.
 * Each agent's file and events are documented in lib/sessions/agent-events.ts.
 */
export type Agent = AgentName;

const ACTION = 'hooks agent-event';

interface AgentHooks {
  /** The settings file, from the repository's top. */
  file: string;
  events: { event: string; matcher?: string }[];
  /**
   * Cursor's shape: each event lists its handlers (`{command}`) directly, in a file that says
   * `"version": 1`; the others list groups of `{matcher, hooks: [{type, command}]}`.
   */
  flat?: { version: number };
}

/** The agents with a hooks file lore adds entries to (OpenCode gets a plugin of lore's own instead). */
type FileAgent = Exclude<Agent, 'opencode'>;

const AGENT_HOOKS: Record<FileAgent, AgentHooks> = {
  'claude-code': {
    file: '.claude/settings.json',
    // After: the tools that change files (tool_input.file_path, or notebook_path), and Bash for the end of a commit.
    events: [{ event: 'SessionStart' }, { event: 'PreToolUse', matcher: 'Bash' }, { event: 'PostToolUse', matcher: 'Edit|MultiEdit|Write|NotebookEdit|Bash' }, { event: 'SessionEnd' }],
  },
  codex: {
    file: '.codex/hooks.json',
    events: [{ event: 'SessionStart' }, { event: 'PreToolUse', matcher: 'Bash|apply_patch' }, { event: 'PostToolUse', matcher: 'Bash|apply_patch' }, { event: 'Stop' }],
  },
  'gemini-cli': {
    file: '.gemini/settings.json',
    events: [{ event: 'SessionStart' }, { event: 'AfterTool', matcher: 'write_file|replace' }, { event: 'SessionEnd' }],
  },
  cursor: {
    file: '.cursor/hooks.json',
    events: [
      { event: 'sessionStart' },
      { event: 'afterFileEdit' },
      { event: 'beforeShellExecution' },
      { event: 'afterShellExecution' },
      { event: 'stop' },
      { event: 'sessionEnd' },
    ],
    flat: { version: 1 },
  },
};

type Json = Record<string, unknown>;

export type AgentInstall = 'created' | 'added' | 'updated' | 'unchanged';

export interface AgentPlan {
  path: string;
  text: string;
  result: AgentInstall;
}

export function settingsPath(top: string, agent: Agent): string {
  return join(top, agent === 'opencode' ? PLUGIN_FILE : AGENT_HOOKS[agent].file);
}

/**
 * `lore` on PATH first, as the git hooks do; else the node and lore that installed it. The
 * file is often checked in: for a teammate with neither, the hook does nothing, silently.
 * The agent waits for its tool hooks, and most shell commands are not commits: a Bash event
 * whose payload does not even contain "commit" is answered by the shell, without node.
 */
function command(agent: Agent): string {
  const action = agent === 'claude-code' ? ACTION : `${ACTION} --agent ${agent}`;
  const run = (lore: string) => `printf '%s\\n' "$input" | ${lore} ${action}`;
  const shell = agent === 'cursor' ? `*'ShellExecution"'*` : agent === 'opencode' ? `*'"bash"'*` : `*'"Bash"'*`;
  return (
    `${loreFallback()}; input=$(cat); case $input in ${shell}) case $input in *commit*) ;; *) exit 0 ;; esac ;; esac; ` +
    `if command -v lore >/dev/null 2>&1; then ${run('lore')}; ` +
    `elif [ -f "$lore_js" ] && command -v "$lore_node" >/dev/null 2>&1; then ${run('"$lore_node" "$lore_js"')}; fi`
  );
}

function isLoreHandler(h: unknown): boolean {
  return isRecord(h) && typeof h.command === 'string' && h.command.includes(ACTION);
}

/** An entry of an event's list that runs lore: a group holding lore's handler, or (Cursor) the handler itself. */
function hasLore(group: unknown): boolean {
  return isLoreHandler(group) || (isRecord(group) && Array.isArray(group.hooks) && group.hooks.some(isLoreHandler));
}

/** The hooks object's lists of groups; other keys (Gemini CLI's `enabled`, say) are not lore's to touch. */
function eventLists(hooks: Json): [string, unknown[]][] {
  return Object.entries(hooks).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
}

function anyLore(hooks: Json): boolean {
  return eventLists(hooks).some(([, groups]) => groups.some(hasLore));
}

/** The groups without lore's handlers; a group left with none was lore's alone and goes. */
function withoutLore(groups: unknown[]): unknown[] {
  return groups.flatMap((g) => {
    if (!hasLore(g)) return [g];
    if (isLoreHandler(g)) return [];
    const rest = ((g as Json).hooks as unknown[]).filter((h) => !isLoreHandler(h));
    return rest.length === 0 ? [] : [{ ...(g as Json), hooks: rest }];
  });
}

function loreGroup(agent: FileAgent, matcher: string | undefined): Json {
  if (AGENT_HOOKS[agent].flat) return { command: command(agent) };
  return { ...(matcher === undefined ? {} : { matcher }), hooks: [{ type: 'command', command: command(agent) }] };
}

/** Settings lore will not edit: the agent reads them too, so the user fixes them first. */
function badSettings(path: string, agent: FileAgent, why: string): LoreError {
  return new LoreError('BAD_CONFIG', `cannot edit ${path}: ${why}`, `Fix ${path} (${AGENT_LABEL[agent]} reads it as JSON), then run the command again.`);
}

/** The settings and their hooks object, checked enough that editing cannot lose anything. */
function readSettings(path: string, agent: FileAgent): { text: string | null; settings: Json; hooks: Json } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
  let settings: unknown = {};
  if (text !== null) {
    try {
      settings = JSON.parse(text);
    } catch (e) {
      throw badSettings(path, agent, `not valid JSON (${(e as Error).message})`);
    }
  }
  if (!isRecord(settings)) throw badSettings(path, agent, 'it is not a JSON object');
  const hooks = settings.hooks ?? {};
  if (!isRecord(hooks)) throw badSettings(path, agent, '"hooks" is not an object');
  for (const { event } of AGENT_HOOKS[agent].events) {
    if (hooks[event] !== undefined && !Array.isArray(hooks[event])) {
      throw badSettings(path, agent, `"hooks.${event}" is not a list`);
    }
  }
  return { text, settings, hooks };
}

/** Written back with the file's own indentation, so only lore's lines show in a diff. */
function format(settings: Json, text: string | null): string {
  const indent = /^([ \t]+)\S/m.exec(text ?? '')?.[1] ?? 2;
  return JSON.stringify(settings, null, indent) + '\n';
}

/** The settings file's new text with lore's hooks in it; throws, writing nothing, when it cannot be edited. */
export function planAgentInstall(top: string, agent: Agent): AgentPlan {
  if (agent === 'opencode') return planPluginInstall(top, command(agent));
  const path = settingsPath(top, agent);
  const { text, settings, hooks } = readSettings(path, agent);
  const had = anyLore(hooks);
  let changed = false;
  const next: Json = { ...hooks };
  for (const { event, matcher } of AGENT_HOOKS[agent].events) {
    const groups = (hooks[event] ?? []) as unknown[];
    const mine = groups.filter(hasLore);
    const want = loreGroup(agent, matcher);
    if (mine.length === 1 && JSON.stringify(mine[0]) === JSON.stringify(want)) continue;
    next[event] = [...withoutLore(groups), want];
    changed = true;
  }
  if (!changed) return { path, text: text!, result: 'unchanged' };
  const header = settings.version === undefined ? (AGENT_HOOKS[agent].flat ?? {}) : {};
  return { path, text: format({ ...header, ...settings, hooks: next }, text), result: text === null ? 'created' : had ? 'updated' : 'added' };
}

/** Takes lore's handlers out, from any event; false when there were none. */
export function removeAgentHooks(top: string, agent: Agent): boolean {
  if (agent === 'opencode') return removePlugin(top);
  const path = settingsPath(top, agent);
  if (!existsSync(path)) return false;
  const { text, settings, hooks } = readSettings(path, agent);
  if (!anyLore(hooks)) return false;
  const next: Json = {};
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) {
      next[event] = groups;
      continue;
    }
    const rest = withoutLore(groups);
    // An event lore's handlers alone filled goes with them; one the user left empty stays.
    if (rest.length > 0 || !groups.some(hasLore)) next[event] = rest;
  }
  const { hooks: _lore, ...others } = settings;
  writeFilesOrNone([{ path, text: format(Object.keys(next).length > 0 ? { ...settings, hooks: next } : others, text) }]);
  return true;
}

/**
 * Which of lore's handlers the settings have, by event and matcher (a handler for fewer
 * tools than lore now asks for, from an older install, counts as missing).
 */
export function agentEventsInstalled(top: string, agent: Agent): { path: string; present: string[]; missing: string[] } {
  if (agent === 'opencode') return pluginInstalled(top);
  const path = settingsPath(top, agent);
  const { hooks } = readSettings(path, agent);
  const events = AGENT_HOOKS[agent].events;
  const has = ({ event, matcher }: { event: string; matcher?: string }) =>
    ((hooks[event] ?? []) as unknown[]).some((g) => hasLore(g) && (g as Json).matcher === matcher);
  const present = events.filter(has).map((e) => describeEvent(e));
  const missing = events.filter((e) => !has(e)).map((e) => describeEvent(e));
  return { path, present, missing };
}

function describeEvent(e: { event: string; matcher?: string }): string {
  return e.matcher === undefined ? e.event : `${e.event} (${e.matcher})`;
}

/** The agents whose settings in this repository run lore. */
export function agentsInstalled(top: string): Agent[] {
  return AGENTS.filter((agent) => agentEventsInstalled(top, agent).present.length > 0);
}

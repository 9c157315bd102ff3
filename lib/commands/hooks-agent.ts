import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesOrNone } from '../write-files.js';
import { hooksText as t } from '../cli/hooks-text.js';
import { LoreError } from '../errors.js';
import { loreFallback } from './hooks-block.js';

/**
 * `lore hooks install --agent claude-code`: entries in the project's .claude/settings.json
 * that run `lore hooks agent-event` when a session starts, edits a file and ends, so the
 * index knows a live session and its files when the post-commit hook links. The file is
 * the user's (and usually the team's): lore adds and removes only its own handlers, which
 * it recognises by the command they run, and keeps everything else as it was.
 */
export type Agent = 'claude-code';

const ACTION = 'hooks agent-event';
/** Claude Code's tools that change files (tool_input.file_path, or notebook_path). */
const EDIT_TOOLS = 'Edit|MultiEdit|Write|NotebookEdit';
const EVENTS: { event: string; matcher?: string }[] = [{ event: 'SessionStart' }, { event: 'PostToolUse', matcher: EDIT_TOOLS }, { event: 'SessionEnd' }];

type Json = Record<string, unknown>;

export type AgentInstall = 'created' | 'added' | 'updated' | 'unchanged';

export interface AgentPlan {
  path: string;
  text: string;
  result: AgentInstall;
}

export function settingsPath(top: string): string {
  return join(top, '.claude', 'settings.json');
}

/**
 * `lore` on PATH first, as the git hooks do; else the node and lore that installed it. The
 * file is often checked in: for a teammate with neither, the hook does nothing, silently.
 */
function command(): string {
  return (
    `${loreFallback()}; if command -v lore >/dev/null 2>&1; then exec lore ${ACTION}; ` +
    `elif [ -f "$lore_js" ] && command -v "$lore_node" >/dev/null 2>&1; then exec "$lore_node" "$lore_js" ${ACTION}; fi`
  );
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLoreHandler(h: unknown): boolean {
  return isObject(h) && typeof h.command === 'string' && h.command.includes(ACTION);
}

function hasLore(group: unknown): boolean {
  return isObject(group) && Array.isArray(group.hooks) && group.hooks.some(isLoreHandler);
}

function anyLore(hooks: Json): boolean {
  return Object.values(hooks).some((groups) => (groups as unknown[]).some(hasLore));
}

/** The groups without lore's handlers; a group left with none was lore's alone and goes. */
function withoutLore(groups: unknown[]): unknown[] {
  return groups.flatMap((g) => {
    if (!hasLore(g)) return [g];
    const rest = ((g as Json).hooks as unknown[]).filter((h) => !isLoreHandler(h));
    return rest.length === 0 ? [] : [{ ...(g as Json), hooks: rest }];
  });
}

function loreGroup(matcher: string | undefined): Json {
  return { ...(matcher === undefined ? {} : { matcher }), hooks: [{ type: 'command', command: command() }] };
}

/** The settings and their hooks object, checked enough that editing cannot lose anything. */
function readSettings(path: string): { text: string | null; settings: Json; hooks: Json } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
  let settings: unknown = {};
  if (text !== null) {
    try {
      settings = JSON.parse(text);
    } catch (e) {
      throw new LoreError('BAD_CONFIG', t.agentBadSettings(path, `not valid JSON (${(e as Error).message})`), t.agentBadSettingsHint(path));
    }
  }
  if (!isObject(settings)) throw new LoreError('BAD_CONFIG', t.agentBadSettings(path, 'it is not a JSON object'), t.agentBadSettingsHint(path));
  const hooks = settings.hooks ?? {};
  if (!isObject(hooks)) throw new LoreError('BAD_CONFIG', t.agentBadSettings(path, '"hooks" is not an object'), t.agentBadSettingsHint(path));
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) throw new LoreError('BAD_CONFIG', t.agentBadSettings(path, `"hooks.${event}" is not a list`), t.agentBadSettingsHint(path));
  }
  return { text, settings, hooks };
}

/** Written back with the file's own indentation, so only lore's lines show in a diff. */
function format(settings: Json, text: string | null): string {
  const indent = /^([ \t]+)\S/m.exec(text ?? '')?.[1] ?? 2;
  return JSON.stringify(settings, null, indent) + '\n';
}

/** The settings file's new text with lore's hooks in it; throws, writing nothing, when it cannot be edited. */
export function planAgentInstall(top: string): AgentPlan {
  const path = settingsPath(top);
  const { text, settings, hooks } = readSettings(path);
  const had = anyLore(hooks);
  let changed = false;
  const next: Json = { ...hooks };
  for (const { event, matcher } of EVENTS) {
    const groups = (hooks[event] ?? []) as unknown[];
    const mine = groups.filter(hasLore);
    const want = loreGroup(matcher);
    if (mine.length === 1 && JSON.stringify(mine[0]) === JSON.stringify(want)) continue;
    next[event] = [...withoutLore(groups), want];
    changed = true;
  }
  if (!changed) return { path, text: text!, result: 'unchanged' };
  return { path, text: format({ ...settings, hooks: next }, text), result: text === null ? 'created' : had ? 'updated' : 'added' };
}

/** Takes lore's handlers out, from any event; false when there were none. */
export function removeAgentHooks(top: string): boolean {
  const path = settingsPath(top);
  if (!existsSync(path)) return false;
  const { text, settings, hooks } = readSettings(path);
  if (!anyLore(hooks)) return false;
  const next: Json = {};
  for (const [event, groups] of Object.entries(hooks) as [string, unknown[]][]) {
    const rest = withoutLore(groups);
    // An event lore's handlers alone filled goes with them; one the user left empty stays.
    if (rest.length > 0 || !groups.some(hasLore)) next[event] = rest;
  }
  const { hooks: _lore, ...others } = settings;
  writeFilesOrNone([{ path, text: format(Object.keys(next).length > 0 ? { ...settings, hooks: next } : others, text) }]);
  return true;
}

/** Which of lore's events the settings run it for. */
export function agentEventsInstalled(top: string): { path: string; present: string[]; missing: string[] } {
  const path = settingsPath(top);
  const { hooks } = readSettings(path);
  const present = EVENTS.map((e) => e.event).filter((event) => ((hooks[event] ?? []) as unknown[]).some(hasLore));
  return { path, present, missing: EVENTS.map((e) => e.event).filter((e) => !present.includes(e)) };
}

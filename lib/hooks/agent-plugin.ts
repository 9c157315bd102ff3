import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LoreError } from '../errors.js';
import { PROJECT } from './block.js';

/**
 * OpenCode has no hooks file: it loads the plugins in `.opencode/plugin/`. lore's plugin is a
 * file of its own, from the template hooks/opencode/lore.js with the command that runs lore
 * written in, so install writes it whole and uninstall deletes it, and neither touches a
 * plugin of the user's. Its events are read in lib/sessions/agent-events.ts.
 */
export const PLUGIN_FILE = '.opencode/plugin/lore.js';

/** What the plugin reports, for `hooks status` and doctor. */
export const PLUGIN_EVENTS = ['session.created', 'tool.execute.before (bash)', 'tool.execute.after (bash, edit, write)', 'session.idle', 'session.deleted'];

const TEMPLATE = join(PROJECT, 'hooks', 'opencode', 'lore.js');
/** The template's first line, which marks the file as lore's. */
const MARKER = "// lore: this plugin is lore's own.";

function isLores(text: string): boolean {
  return text.startsWith(MARKER);
}

/** The plugin's text, running `command` (the same shell line the other agents' hooks run). */
export function pluginText(command: string): string {
  return readFileSync(TEMPLATE, 'utf8').replace(/^const COMMAND = '';$/m, `const COMMAND = ${JSON.stringify(command)};`);
}

export function planPluginInstall(top: string, command: string): { path: string; text: string; result: 'created' | 'updated' | 'unchanged' } {
  const path = join(top, PLUGIN_FILE);
  const text = pluginText(command);
  if (!existsSync(path)) return { path, text, result: 'created' };
  const current = readFileSync(path, 'utf8');
  if (!isLores(current)) throw new LoreError('BAD_CONFIG', `${path} is a plugin of your own, not lore's; lore will not overwrite it`, `Rename or move ${path}, then run the command again.`);
  return { path, text, result: current === text ? 'unchanged' : 'updated' };
}

/** Deletes lore's plugin; false when there is none (a plugin of the user's by that name stays). */
export function removePlugin(top: string): boolean {
  const path = join(top, PLUGIN_FILE);
  if (!existsSync(path) || !isLores(readFileSync(path, 'utf8'))) return false;
  unlinkSync(path);
  return true;
}

/** All the plugin's events when lore's plugin is there (an older one counts: it still reports them). */
export function pluginInstalled(top: string): { path: string; present: string[]; missing: string[] } {
  const path = join(top, PLUGIN_FILE);
  const there = existsSync(path) && isLores(readFileSync(path, 'utf8'));
  return { path, present: there ? PLUGIN_EVENTS : [], missing: there ? [] : PLUGIN_EVENTS };
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { hasBlock, shellQuote, templatePath } from './block.js';
import { hookPath, lefthookRunsLore, SYNC_HOOK, type HookName, type Layout } from './layout.js';

/** A hook file's text, or null when there is none. */
export function readText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function isExecutable(path: string): boolean {
  return (statSync(path).mode & 0o111) !== 0;
}

/** How a hook lore does not edit (lefthook's, a shared one) runs lore's script; `args` is how that hook says "the hook's arguments". */
export function scriptCall(hook: HookName, args: string): string {
  return `sh ${shellQuote(templatePath(hook))}${hook === SYNC_HOOK ? ` ${args}` : ''}`;
}

/** Whether lore's part runs from `hook`: its block in the hook file, or lefthook's config calling lore's script. */
export function installed(layout: Layout, hook: HookName): boolean {
  if (layout.kind === 'lefthook') return lefthookRunsLore(readFileSync(layout.config, 'utf8'), hook);
  return hasBlock(readText(hookPath(layout, hook)) ?? '');
}

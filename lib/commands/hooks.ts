import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hooksText as t } from '../cli/hooks-text.js';
import type { Io } from '../cli/io.js';
import { LoreError } from '../errors.js';
import { addBlock, hasBlock, removeBlock, shellQuote, templatePath, type AddResult } from './hooks-block.js';
import { disableNotesConfig, enableNotesConfig, readNotesConfig, REWRITE_MODE } from './hooks-config.js';
import { git } from './hooks-git.js';
import { findLayout, HOOK_NAMES, hookPath, lefthookRunsLore, type HookName, type Layout } from './hooks-layout.js';

/**
 * `lore hooks install | uninstall | status`: the post-commit hook links each new commit to
 * the active sessions, the post-rewrite hook and git's notes.rewriteRef carry links through
 * amend and rebase. lore only ever adds or removes its own marked block in a hook file.
 */
type OwnLayout = Extract<Layout, { kind: 'git' | 'husky' }>;

function readText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function isExecutable(path: string): boolean {
  return (statSync(path).mode & 0o111) !== 0;
}

/** How a hook lore does not edit (lefthook's, a shared one) runs lore's script instead. */
function scriptCall(hook: HookName): string {
  return `sh ${shellQuote(templatePath(hook))}`;
}

const ADDED: Record<AddResult, (hook: HookName, path: string) => string> = {
  created: t.installed,
  added: t.added,
  updated: t.updated,
  unchanged: t.unchanged,
};

function installFiles(layout: OwnLayout, io: Io): void {
  // Every file's new text is worked out first: a hook lore cannot edit leaves all files as they were.
  const plans = HOOK_NAMES.map((hook) => {
    const path = hookPath(layout, hook);
    return { hook, path, ...addBlock(readText(path), hook, path) };
  });
  if (layout.kind === 'husky') io.out(t.husky(layout.dir));
  for (const p of plans) {
    if (p.result !== 'unchanged') {
      mkdirSync(dirname(p.path), { recursive: true });
      writeFileSync(p.path, p.text, { mode: 0o755 });
    }
    io.out(ADDED[p.result](p.hook, p.path));
    // Husky runs its user-level files with sh, executable or not; git needs the bit.
    if (layout.kind === 'git' && !isExecutable(p.path)) io.out(t.notExecutable(p.path));
  }
}

function printLefthookYaml(config: string, io: Io): void {
  const yaml = readFileSync(config, 'utf8');
  if (HOOK_NAMES.every((hook) => lefthookRunsLore(yaml, hook))) {
    io.out(t.lefthookDone(config));
    return;
  }
  io.out(t.lefthookAdd(config));
  io.out('');
  for (const line of t.lefthookYaml(scriptCall('post-commit'), scriptCall('post-rewrite'))) io.out(line);
  io.out('');
  io.out(t.lefthookMerge());
}

export function installHooks(opts: { cwd: string; showInLog: boolean }, io: Io): void {
  const layout = findLayout(opts.cwd);
  if (layout.kind === 'shared') {
    const own = join(resolve(opts.cwd, git(opts.cwd, ['rev-parse', '--git-common-dir']) ?? '.git'), 'hooks');
    throw new LoreError('BAD_CONFIG', t.sharedHooks(layout.scope, layout.dir), t.sharedHint(own, scriptCall('post-commit'), scriptCall('post-rewrite')));
  }
  if (layout.kind === 'lefthook') printLefthookYaml(layout.config, io);
  else installFiles(layout, io);
  const before = readNotesConfig(opts.cwd);
  const set = enableNotesConfig(opts.cwd, opts.showInLog);
  if (set.length > 0) io.out(t.configSet(set));
  if (before.rewriteMode !== null && before.rewriteMode !== REWRITE_MODE) io.out(t.otherRewriteMode(before.rewriteMode));
  if (layout.kind !== 'lefthook') io.out(t.installedSummary());
}

export function uninstallHooks(opts: { cwd: string }, io: Io): void {
  const layout = findLayout(opts.cwd);
  if (layout.kind === 'lefthook') {
    const yaml = readFileSync(layout.config, 'utf8');
    if (HOOK_NAMES.some((hook) => lefthookRunsLore(yaml, hook))) io.out(t.lefthookRemove(layout.config));
    else for (const hook of HOOK_NAMES) io.out(t.notInstalled(hook, layout.config));
  } else if (layout.kind === 'shared') {
    for (const hook of HOOK_NAMES) {
      const path = hookPath(layout, hook);
      io.out(hasBlock(readText(path) ?? '') ? t.sharedRemove(hook, path) : t.notInstalled(hook, path));
    }
  } else {
    const plans = HOOK_NAMES.map((hook) => {
      const path = hookPath(layout, hook);
      const text = readText(path);
      return { hook, path, ...(text === null ? { text, result: 'absent' as const } : removeBlock(text, path)) };
    });
    for (const p of plans) {
      if (p.result === 'deleted') unlinkSync(p.path);
      else if (p.result === 'removed') writeFileSync(p.path, p.text!);
      io.out((p.result === 'deleted' ? t.deleted : p.result === 'removed' ? t.removed : t.notInstalled)(p.hook, p.path));
    }
  }
  const unset = disableNotesConfig(opts.cwd);
  if (unset.length > 0) io.out(t.configUnset(unset));
}

function statusLine(layout: Layout, hook: HookName): string {
  if (layout.kind === 'lefthook') {
    const runs = lefthookRunsLore(readFileSync(layout.config, 'utf8'), hook);
    return runs ? t.installedVia(hook, 'lefthook', layout.config) : t.notInstalled(hook, layout.config);
  }
  const path = hookPath(layout, hook);
  if (!hasBlock(readText(path) ?? '')) return t.notInstalled(hook, path);
  if (layout.kind === 'husky') return t.installedVia(hook, 'husky', path);
  if (!isExecutable(path)) return t.installedNotExecutable(hook, path);
  return layout.kind === 'shared' ? t.installedShared(hook, layout.scope, path) : t.installed(hook, path);
}

export function hooksStatus(opts: { cwd: string }, io: Io): void {
  const layout = findLayout(opts.cwd);
  for (const hook of HOOK_NAMES) io.out(statusLine(layout, hook));
  const config = readNotesConfig(opts.cwd);
  io.out(config.rewriteRef ? t.rewriteOn() : t.rewriteOff());
  io.out(config.displayRef ? t.logOn() : t.logOff());
}

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoreError } from '../errors.js';
import { STDIN_HOOKS, type HookName } from './layout.js';

/**
 * lore's part of a hook file is one block between two marker lines, so it can sit in a
 * user's own hook, be replaced in place, and be taken out again leaving every other byte.
 */
const BEGIN = '# >>> lore >>>';
const END = '# <<< lore <<<';
/** On the begin line when lore made the file: uninstall may then delete it. */
const CREATED = ' (lore created this file)';
const SHEBANG = '#!/bin/sh';
const SHELLS = ['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash'];

/** The lore installation this code runs from: the hook templates and bin/lore.js. */
function findProject(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'hooks', 'post-commit')) || !existsSync(join(dir, 'bin', 'lore.js'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find lore\'s hooks/ templates above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const PROJECT = findProject();
export const LORE_JS = join(PROJECT, 'bin', 'lore.js');

export function templatePath(hook: HookName): string {
  return join(PROJECT, 'hooks', hook);
}

export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/**
 * The absolute paths of this node and this lore, as shell assignments: the fallback every
 * installed hook (git's and the agents') runs when `lore` is not on PATH.
 */
export function loreFallback(): string {
  return `lore_node=${shellQuote(process.execPath)} lore_js=${shellQuote(LORE_JS)}`;
}

/** The template line that sources hooks/find-lore.sh; an installed hook holds that file's lines instead. */
const FIND_LORE = /^(\s*)\. "\$\{0%\/\*\}\/find-lore\.sh"$/;

/** hooks/find-lore.sh without its opening comment, indented, with the fallback written in. */
function findLoreLines(indent: string): string[] {
  const lines = readFileSync(join(PROJECT, 'hooks', 'find-lore.sh'), 'utf8').trimEnd().split('\n');
  return lines.slice(lines.findIndex((l) => !l.startsWith('#'))).map((l) => indent + (l.startsWith('lore_node=') ? loreFallback() : l));
}

/** lore's block for `hook`, from the template in hooks/, with the finding of lore written in. */
function renderBlock(hook: HookName, created: boolean): string[] {
  const lines = readFileSync(templatePath(hook), 'utf8').split('\n');
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END);
  const at = lines.findIndex((l) => FIND_LORE.test(l));
  if (begin < 0 || end < begin || at < begin || at > end) throw new Error(`the template ${templatePath(hook)} lacks lore's markers or its find-lore.sh line`);
  const body = lines.slice(begin + 1, end).flatMap((l) => {
    const m = FIND_LORE.exec(l);
    return m ? findLoreLines(m[1]) : [l];
  });
  return [BEGIN + (created ? CREATED : ''), ...body, END];
}

interface Found {
  start: number;
  /** Index of the end marker line. */
  end: number;
  created: boolean;
}

function findBlock(lines: string[], path: string): Found | null {
  const start = lines.findIndex((l) => l.startsWith(BEGIN));
  const end = lines.indexOf(END);
  if (start < 0 && end < 0) return null;
  if (start < 0 || end < start) {
    throw new LoreError('BAD_CONFIG', `lore's block in ${path} is damaged: one of its marker lines is missing`, `Edit ${path}: remove the lines of lore's block, then run lore hooks install again.`);
  }
  return { start, end, created: lines[start].includes(CREATED) };
}

/** Whether a hook file can take lore's sh block: no shebang (run by sh), or a shell's. */
function isShellScript(firstLine: string): boolean {
  if (!firstLine.startsWith('#!')) return true;
  const words = firstLine.slice(2).trim().split(/\s+/);
  let program = basename(words[0] ?? '');
  if (program === 'env') program = basename(words.slice(1).find((w) => !w.startsWith('-')) ?? '');
  return SHELLS.includes(program);
}

/** After the shebang, and after Husky 4-8's `. …/husky.sh`, which re-runs the whole file. */
function insertionPoint(lines: string[]): number {
  let at = lines[0]?.startsWith('#!') ? 1 : 0;
  if (/husky\.sh/.test(lines[at] ?? '')) at++;
  return at;
}

export type AddResult = 'created' | 'added' | 'updated' | 'unchanged';

/** The file's new text with lore's block in it, or `unchanged` when it is there already. */
export function addBlock(text: string | null, hook: HookName, path: string): { text: string; result: AddResult } {
  if (text === null) return { text: [SHEBANG, ...renderBlock(hook, true), ''].join('\n'), result: 'created' };
  const lines = text.split('\n');
  const found = findBlock(lines, path);
  if (found) {
    const block = renderBlock(hook, found.created);
    const same = block.length === found.end - found.start + 1 && block.every((l, i) => l === lines[found.start + i]);
    if (same) return { text, result: 'unchanged' };
    lines.splice(found.start, found.end - found.start + 1, ...block);
    return { text: lines.join('\n'), result: 'updated' };
  }
  if (!isShellScript(lines[0])) {
    throw new LoreError(
      'BAD_CONFIG',
      `${path} is not a shell script (${lines[0]}), so lore cannot add its part to it`,
      `Call lore's hook from it yourself: sh ${shellQuote(templatePath(hook))}${hook === 'pre-push' ? ' "$@"' : ''}${STDIN_HOOKS.includes(hook) ? ' (give it the hook\'s standard input)' : ''}`,
    );
  }
  lines.splice(insertionPoint(lines), 0, ...renderBlock(hook, false));
  return { text: lines.join('\n'), result: 'added' };
}

export type RemoveResult = 'deleted' | 'removed' | 'absent';

/** The file's text without lore's block; null when lore made the file and nothing else is left. */
export function removeBlock(text: string, path: string): { text: string | null; result: RemoveResult } {
  const lines = text.split('\n');
  const found = findBlock(lines, path);
  if (!found) return { text, result: 'absent' };
  lines.splice(found.start, found.end - found.start + 1);
  const rest = lines.filter((l) => l.trim() !== '');
  if (found.created && (rest.length === 0 || (rest.length === 1 && rest[0].startsWith('#!')))) return { text: null, result: 'deleted' };
  return { text: lines.join('\n'), result: 'removed' };
}

export function hasBlock(text: string): boolean {
  return text.split('\n').some((l) => l.startsWith(BEGIN));
}

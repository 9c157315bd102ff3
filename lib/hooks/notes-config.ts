import { NOTES_REF } from '../git/repo.js';
import { gitSync, localValues } from '../git/git-sync.js';

/**
 * The repository's own git config that lets links follow rewritten commits: with
 * notes.rewriteRef git copies lore's notes on amend and rebase itself (even when lore cannot
 * run), and cat_sort_uniq merges the copied lines, which lore keeps canonical and sorted.
 * notes.displayRef (--show-in-log) makes plain `git log` show the links.
 */
export const REWRITE_MODE = 'cat_sort_uniq';
/**
 * git warns "notes ref refs/notes/lore is invalid" on every amend and rebase while the ref
 * does not exist yet (no link made so far); a glob is not checked, and this one matches
 * exactly refs/notes/lore. A plain refs/notes/lore set by hand counts as well.
 */
export const REWRITE_REF = 'refs/notes/lor[e]';
const REWRITE_REFS = [REWRITE_REF, NOTES_REF];

export interface NotesConfig {
  rewriteRef: boolean;
  /** The local notes.rewriteMode, or null when this repository does not set one. */
  rewriteMode: string | null;
  displayRef: boolean;
}

export function readNotesConfig(cwd: string): NotesConfig {
  return {
    rewriteRef: localValues(cwd, 'notes.rewriteRef').some((v) => REWRITE_REFS.includes(v)),
    rewriteMode: gitSync(cwd, ['config', '--local', '--get', 'notes.rewriteMode']),
    displayRef: localValues(cwd, 'notes.displayRef').includes(NOTES_REF),
  };
}

/** What changed, as `key=value` strings for the report. */
export function enableNotesConfig(cwd: string, showInLog: boolean): string[] {
  const now = readNotesConfig(cwd);
  const set: string[] = [];
  // Both keys are multi-valued (other notes refs may be there): lore adds its own value only.
  if (!now.rewriteRef) {
    gitSync(cwd, ['config', '--local', '--add', 'notes.rewriteRef', REWRITE_REF]);
    set.push(`notes.rewriteRef=${REWRITE_REF}`);
  }
  if (now.rewriteMode === null) {
    gitSync(cwd, ['config', '--local', 'notes.rewriteMode', REWRITE_MODE]);
    set.push(`notes.rewriteMode=${REWRITE_MODE}`);
  }
  if (showInLog && !now.displayRef) {
    gitSync(cwd, ['config', '--local', '--add', 'notes.displayRef', NOTES_REF]);
    set.push(`notes.displayRef=${NOTES_REF}`);
  }
  return set;
}

export function disableNotesConfig(cwd: string): string[] {
  const now = readNotesConfig(cwd);
  const unset: string[] = [];
  for (const ref of REWRITE_REFS) {
    if (gitSync(cwd, ['config', '--local', '--fixed-value', '--unset-all', 'notes.rewriteRef', ref]) !== null) unset.push(`notes.rewriteRef=${ref}`);
  }
  // The mode applies to every rewritten notes ref: it goes only when no other ref is left.
  if (now.rewriteMode === REWRITE_MODE && localValues(cwd, 'notes.rewriteRef').length === 0) {
    gitSync(cwd, ['config', '--local', '--unset', 'notes.rewriteMode']);
    unset.push(`notes.rewriteMode=${REWRITE_MODE}`);
  }
  if (now.displayRef) {
    gitSync(cwd, ['config', '--local', '--fixed-value', '--unset-all', 'notes.displayRef', NOTES_REF]);
    unset.push(`notes.displayRef=${NOTES_REF}`);
  }
  return unset;
}

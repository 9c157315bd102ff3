/** Helpers for the show, unlink and blame suites: notes written by plain git, as a teammate's lore or another tool would. */
import { git, type World } from './env.js';

export function short(w: World, repo: string, rev = 'HEAD'): string {
  return git(w, repo, ['rev-parse', '--short', rev]);
}

/** A note line as lore writes it (CONTRACT §2 key order). */
export function noteLine(session: string, method: string, extra: { confidence?: number; linked_by?: string; tool?: string } = {}): string {
  const o: Record<string, unknown> = { v: 1, session, method };
  if (extra.confidence !== undefined) o.confidence = extra.confidence;
  o.linked_at = '2026-01-13T10:45:00Z';
  if (extra.linked_by !== undefined) o.linked_by = extra.linked_by;
  if (extra.tool !== undefined) o.tool = extra.tool;
  return JSON.stringify(o);
}

/** Replaces the commit's note with these lines, through git itself. */
export function setNote(w: World, repo: string, rev: string, lines: string[]): void {
  git(w, repo, ['notes', '--ref=lore', 'add', '-f', '-m', lines.join('\n'), rev]);
}

export function notesCommits(w: World, repo: string): number {
  return Number(git(w, repo, ['rev-list', '--count', 'refs/notes/lore']));
}

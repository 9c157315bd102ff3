import type { LinkedCommit } from '../commands/show.js';
import { columns, formatMinute } from './format.js';
import { linkMethod, showText } from './show-text.js';

/** Indented, aligned rows: short sha, date as git shows it, how linked, subject. */
export function commitLines(commits: LinkedCommit[]): string[] {
  const rows = commits.map((c) => [
    c.short,
    c.authorTime === null ? '?' : formatMinute(c.authorTime, c.authorOffset),
    linkMethod(c.link),
    c.subject ?? showText.missingCommit,
  ]);
  return columns([showText.commitColumns, ...rows]).map((line) => `  ${line}`);
}

import { formatNote, parseNote } from '../links/record.js';

/** One line of post-rewrite's standard input: `<old sha> <new sha>[ <extra>]`. */
const PAIR = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64})(?:\s|$)/i;

/** The old commits each new commit replaces; a squash lists several olds for one new. */
export function parsePairs(text: string): Map<string, string[]> {
  const oldsByNew = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = PAIR.exec(line.trim());
    if (!m) continue;
    const [oldSha, newSha] = [m[1].toLowerCase(), m[2].toLowerCase()];
    oldsByNew.set(newSha, [...(oldsByNew.get(newSha) ?? []), oldSha]);
  }
  return oldsByNew;
}

/**
 * `lore hooks rewritten`, run by the post-rewrite hook: each new commit's note becomes the
 * union of its own and its old commits' records, one line per session. git has usually
 * copied the lines already (notes.rewriteRef), but cat_sort_uniq keeps two lines that name
 * one session differently (a squash of two commits linked at different times, an amend
 * after the post-commit hook linked the new commit): parseNote folds those into one.
 * Returns how many notes changed.
 */
export async function carryLinks(cwd: string, pairs: string): Promise<number> {
  const oldsByNew = parsePairs(pairs);
  if (oldsByNew.size === 0) return 0;
  const { openRepo } = await import('../git/nodegit-repo.js');
  const repo = await openRepo(cwd);
  const oldNotes = new Map<string, string>();
  for (const olds of oldsByNew.values()) {
    for (const sha of olds) {
      const note = oldNotes.has(sha) ? null : await repo.readNote(sha);
      if (note !== null) oldNotes.set(sha, note);
    }
  }
  if (oldNotes.size === 0) return 0;
  const changed = await repo.editNotes(
    [...oldsByNew.keys()],
    (sha, current) => {
      const texts = [current, ...oldsByNew.get(sha)!.map((o) => oldNotes.get(o) ?? null)].filter((t): t is string => t !== null);
      if (texts.length === 0) return undefined;
      return formatNote(parseNote(texts.join('\n'))) ?? undefined;
    },
    'lore: carry links to rewritten commits\n',
  );
  return changed.length;
}

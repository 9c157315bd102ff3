/** The lines each commit added, for exports that attribute line ranges (Agent Trace). */
import { git } from './git-cli.js';

export interface AddedFile {
  /** Repository-relative, as the commit names it. */
  path: string;
  /** 1-based inclusive line ranges of the file at the commit that the commit added. */
  ranges: [number, number][];
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** git quotes a path with a `"` or a control character in it (core.quotePath is off, so not UTF-8). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v' };
  return path.slice(1, -1).replace(/\\([ntabfrv"\\]|[0-7]{3})/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(parseInt(e, 8)) : escapes[e]));
}

/**
 * The added lines of each commit against its first parent (everything, for a root commit),
 * from one `git diff-tree --stdin -U0`. Merges add nothing of their own and are left out;
 * so are deleted and binary files.
 */
export async function addedLines(gitDir: string, shas: string[]): Promise<Map<string, AddedFile[]>> {
  const result = new Map<string, AddedFile[]>();
  if (shas.length === 0) return result;
  const out = await git(
    gitDir,
    ['-c', 'core.quotePath=off', 'diff-tree', '--stdin', '--root', '-p', '-U0', '--no-renames', '--no-ext-diff', '--no-color'],
    shas.join('\n') + '\n',
  );
  let files: AddedFile[] | undefined;
  let file: AddedFile | undefined;
  for (const line of out.split('\n')) {
    if (/^[0-9a-f]{40,64}$/.test(line)) {
      files = [];
      result.set(line, files);
      file = undefined;
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      file = target === '/dev/null' ? undefined : { path: unquote(target).replace(/^b\//, ''), ranges: [] };
      if (file) files?.push(file);
    } else if (file && line.startsWith('@@')) {
      const m = HUNK.exec(line);
      const count = m ? (m[2] === undefined ? 1 : Number(m[2])) : 0;
      if (m && count > 0) file.ranges.push([Number(m[1]), Number(m[1]) + count - 1]);
    }
  }
  for (const [sha, list] of result) result.set(sha, list.filter((f) => f.ranges.length > 0));
  return result;
}

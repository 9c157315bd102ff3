import { git, GitFailed, readBlobs } from './git-cli.js';

/**
 * Reading refs/lore/sessions, the session records teammates shared (README, "Session
 * records"; `lore share` writes them): a commit whose tree holds `<first two characters of
 * the id>/<id>.json` per session. Reads only, through git's command line.
 */
export const SESSIONS_REF = 'refs/lore/sessions';

/** An id git can take in `<ref>:<path>` on cat-file's input: nothing that would split or bend the name. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@+-]*$/;

/** The records of these ids that exist, id -> text, in one `git cat-file --batch`. */
export async function readRecordsOf(gitDir: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => PLAIN_ID.test(id) && id.length >= 2);
  const texts = await readBlobs(gitDir, wanted.map((id) => `${SESSIONS_REF}:${id.slice(0, 2)}/${id}.json`));
  const out = new Map<string, string>();
  wanted.forEach((id, i) => texts[i] !== null && out.set(id, texts[i]!));
  return out;
}

/** Every record, id (from the file name) -> text; none when the ref does not exist. */
export async function readAllRecords(gitDir: string): Promise<Map<string, string>> {
  let listing: string;
  try {
    listing = await git(gitDir, ['ls-tree', '-r', '-z', SESSIONS_REF]);
  } catch (e) {
    if (e instanceof GitFailed) return new Map(); // no records fetched or shared yet
    throw e;
  }
  // Each entry: "<mode> blob <oid>\t<dir>/<id>.json\0".
  const pairs: [string, string][] = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    const [, type, blob] = entry.slice(0, tab).split(' ');
    const m = /^[^/]{2}\/(.+)\.json$/.exec(entry.slice(tab + 1));
    if (tab >= 0 && type === 'blob' && m) pairs.push([m[1], blob]);
  }
  const texts = await readBlobs(gitDir, pairs.map(([, blob]) => blob));
  const out = new Map<string, string>();
  pairs.forEach(([id], i) => texts[i] !== null && out.set(id, texts[i]!));
  return out;
}

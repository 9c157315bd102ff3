import { GitFailed, readBlobs } from './git-cli.js';
import { readRecordFiles, SESSIONS_REF } from './session-records.js';

/**
 * The shared session records (./session-records.ts) as the commands that show sessions read
 * them: by session id, straight from the local refs/lore/sessions, which `lore sync` keeps
 * merged with the team's.
 */

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

/** Every record, id (from its file's name) -> text; none when the ref does not exist. */
export async function readAllRecords(gitDir: string): Promise<Map<string, string>> {
  let files: Map<string, string>;
  try {
    files = await readRecordFiles(gitDir, SESSIONS_REF);
  } catch (e) {
    if (e instanceof GitFailed) return new Map(); // no records fetched or shared yet
    throw e;
  }
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    const m = /^[^/]{2}\/(.+)\.json$/.exec(path);
    if (m) out.set(m[1], text);
  }
  return out;
}

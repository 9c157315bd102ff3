import { addedLines } from '../git/added-lines.js';
import { openRepo } from '../git/nodegit-repo.js';
import { nonMergeCommits } from '../git/range.js';
import { traceRecord } from '../links/agent-trace.js';
import { parseNote } from '../links/record.js';
import { isoSeconds } from '../time.js';
import { LORE_VERSION } from '../version.js';
import { chooseRange } from './default-range.js';

/** `lore export --agent-trace [RANGE]`: one Agent Trace record per linked commit of the range, oldest first. */
export async function exportAgentTrace(opts: { cwd: string; range?: string }): Promise<ReturnType<typeof traceRecord>[]> {
  const repo = await openRepo(opts.cwd);
  const range = await chooseRange(repo, opts.range);
  const shas = await nonMergeCommits(repo.gitDir, range.revs);
  const notes = await repo.readNotes(shas);
  const linked = shas.filter((sha) => parseNote(notes.get(sha) ?? null).records.size > 0).reverse();
  const [described, added] = await Promise.all([repo.describeCommits(linked), addedLines(repo.gitDir, linked)]);
  return linked.map((sha) =>
    traceRecord({
      sha,
      committedAt: isoSeconds(described.get(sha)!.time),
      files: added.get(sha) ?? [],
      links: [...parseNote(notes.get(sha)!).records.values()],
      loreVersion: LORE_VERSION,
    }),
  );
}

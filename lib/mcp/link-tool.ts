import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { quietDeps } from '../commands/deps.js';
import { applyOneCommit } from '../commands/link-one-commit.js';
import { planManual } from '../commands/link-manual.js';
import { parseNote } from '../links/record.js';
import { answer } from './answer.js';
import type { Log, ToolContext } from './tool-context.js';
import { commitRef, linkResultSchema, sessionRef } from './schemas.js';

/**
 * `lore link SESSION --commit REF` for one session, answering data instead of the
 * seed's lines, from the same resolution `lore link` uses.
 */
async function linkOne(dir: string, log: Log, prefix: string, ref: string) {
  const plan = await planManual({ cwd: dir, sessions: [prefix], commit: ref }, quietDeps(log));
  const [{ link, status }] = await applyOneCommit(plan);
  const { repo, commit } = plan;
  const created = status === 'linked';
  // A link that was there already keeps its own method (an `auto` link stays auto): say what is there.
  const existing = created ? undefined : parseNote(await repo.readNote(commit.sha)).records.get(link.session);
  return {
    session: link.session,
    commit: { sha: commit.sha, short: commit.short, subject: commit.subject },
    method: existing?.method ?? 'manual',
    confidence: existing?.confidence ?? null,
    created,
  };
}

/** The one tool that writes; the server offers it only when started with --allow-write. */
export function registerLinkTool(server: McpServer, { dir, log }: ToolContext): void {
  server.registerTool(
    'lore_link',
    {
      title: 'Link a session to a commit',
      description:
        'Records that a session produced a commit: a manual link in the git note refs/notes/lore on that commit, as `lore link SESSION --commit REF` writes it. Linking a session to a commit it is already linked to changes nothing and answers the link that is there (its method and confidence), with created: false.',
      inputSchema: {
        session: sessionRef,
        commit: commitRef,
      },
      outputSchema: linkResultSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ session, commit }) => answer(log, () => linkOne(dir, log, session, commit)),
  );
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { resolveManualLink } from '../commands/link-manual.js';
import { writeLinks } from '../links/apply.js';
import { parseNote } from '../links/record.js';
import { answer } from './answer.js';
import { serverIo, type Log, type ToolContext } from './command-io.js';
import { commitRef, linkResultSchema, sessionRef } from './schemas.js';

/**
 * `lore link SESSION --commit REF` for one session, answering data instead of the
 * seed's lines, from the same resolution `lore link` uses.
 */
async function linkOne(dir: string, log: Log, prefix: string, ref: string) {
  const { repo, commit, sessions } = await resolveManualLink(dir, [prefix], ref, serverIo(log));
  const session = sessions[0];
  const added = await writeLinks(repo, [{ session: session.id, sha: commit.sha, short: commit.short, method: 'manual', tool: session.tool }]);
  // A link that was there already keeps its own method (an `auto` link stays auto): say what is there.
  const existing = added.length > 0 ? undefined : parseNote(await repo.readNote(commit.sha)).records.get(session.id);
  return {
    session: session.id,
    commit: { sha: commit.sha, short: commit.short, subject: commit.subject },
    method: existing?.method ?? 'manual',
    confidence: existing?.confidence ?? null,
    created: added.length > 0,
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

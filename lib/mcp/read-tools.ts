import { resolve } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { blame, blameJson } from '../commands/blame.js';
import { quietDeps } from '../commands/deps.js';
import { realDir } from '../commands/place.js';
import { listSessions, sessionsJson } from '../commands/sessions.js';
import { showCommit, showCommitJson } from '../commands/show-commit.js';
import { showSession, showSessionJson } from '../commands/show.js';
import { DEFAULT_LIMIT as SEARCH_LIMIT, searchJson, searchSessions } from '../commands/search.js';
import { LoreError } from '../errors.js';
import { isInside } from '../linking/facts.js';
import { answer } from './answer.js';
import type { ToolContext } from './tool-context.js';
import { blameSchema, commitRef, linkedSessionsSchema, searchSchema, sessionDetailSchema, sessionListSchema, sessionRef, sessionSchema } from './schemas.js';

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;
/** An agent's context is small; lore_list_sessions answers this many unless asked for more. */
const DEFAULT_LIMIT = 20;

function parseSince(since: string): number {
  const t = Date.parse(since);
  if (Number.isNaN(t)) throw new LoreError('BAD_ARGUMENT', `since must be an ISO 8601 date or time, not '${since}'`);
  return t;
}

/** `FILE`, `FILE:LINE` or `FILE:LINE-END`, as `lore blame` takes it. */
function blameTarget(file: string, line?: number, endLine?: number): string {
  if (line === undefined) {
    if (endLine !== undefined) throw new LoreError('BAD_ARGUMENT', 'end_line needs line: give the first line of the range too');
    return file;
  }
  return `${file}:${line}-${endLine ?? line}`;
}

/** A directory the caller asked about, if the server's boundary holds it. */
function inScope(scope: string | null, dir: string): string {
  if (scope === null || isInside(dir, scope)) return dir;
  throw new LoreError('BAD_ARGUMENT', `${dir} is outside the repository this server answers for (${scope})`, 'Start the server with --all-repos to answer about every repository.');
}

/** The read tools: each answers what the matching `lore … --json` command prints. */
export function registerReadTools(server: McpServer, { dir, log, scope }: ToolContext): void {
  server.registerTool(
    'lore_get_linked_sessions',
    {
      title: 'Sessions linked to a commit',
      description:
        'The AI coding sessions linked to a commit, i.e. the sessions that produced it: id, tool, title, start and end, branch, working directory, and how each was linked (method, confidence). Same data as `lore show --commit REF --json`.',
      inputSchema: { commit: commitRef },
      outputSchema: linkedSessionsSchema,
      annotations: READ_ONLY,
    },
    ({ commit }) => answer(log, async () => linkedSessionsSchema.parse(showCommitJson(await showCommit({ cwd: dir, ref: commit }, quietDeps(log))))),
  );

  server.registerTool(
    'lore_get_session',
    {
      title: 'A session and its commits',
      description:
        "What lore knows of one session (tool, title, start, end, branch, directory) and every commit it is linked to, newest first, in the server's repository. Same data as `lore show SESSION --json` run there, limited to that repository unless the server runs with --all-repos.",
      inputSchema: { session: sessionRef },
      outputSchema: sessionDetailSchema,
      annotations: READ_ONLY,
    },
    ({ session }) =>
      answer(log, async () => sessionDetailSchema.parse(showSessionJson(await showSession({ cwd: dir, session, within: scope ?? undefined }, quietDeps(log))))),
  );

  server.registerTool(
    'lore_list_sessions',
    {
      title: 'Recent sessions',
      description: `The sessions lore knows in the server's repository (every repository if it runs with --all-repos), newest first (the elements of \`lore sessions --json\`), optionally only those in a directory or active since a time; at most ${DEFAULT_LIMIT} unless limit says otherwise.`,
      inputSchema: {
        repo: z.string().min(1).optional().describe("only sessions whose working directory is this directory or inside it; relative to the server's directory"),
        since: z.string().optional().describe('ISO 8601 date or time: only sessions active at or after it (ended then or later, or not ended)'),
        limit: z.number().int().min(0).default(DEFAULT_LIMIT).describe('at most this many sessions'),
      },
      outputSchema: sessionListSchema,
      annotations: READ_ONLY,
    },
    ({ repo, since, limit }) =>
      answer(log, async () => {
        const after = since === undefined ? undefined : parseSince(since);
        const within = repo === undefined ? (scope ?? undefined) : inScope(scope, realDir(resolve(dir, repo)));
        const all = z.array(sessionSchema).parse(sessionsJson(await listSessions({ cwd: dir }, quietDeps(log))));
        const matched = all.filter(
          (s) =>
            (within === undefined || (s.cwd !== null && isInside(realDir(s.cwd), within))) &&
            (after === undefined || s.ended_at === null || Date.parse(s.ended_at) >= after),
        );
        return { sessions: matched.slice(0, limit), total: matched.length };
      }),
  );

  server.registerTool(
    'lore_blame',
    {
      title: 'Who wrote these lines',
      description:
        'For lines of a file as committed at HEAD, the commit that last changed each run of lines and the sessions linked to that commit; follow up with lore_get_session to see a session. Same data as `lore blame FILE:LINE-END --json`.',
      inputSchema: {
        file: z.string().min(1).describe("path of a file committed at HEAD, relative to the server's directory"),
        line: z.number().int().min(1).optional().describe('first line (1-based); without it, the whole file'),
        end_line: z.number().int().min(1).optional().describe('last line, inclusive; default: line'),
      },
      outputSchema: blameSchema,
      annotations: READ_ONLY,
    },
    ({ file, line, end_line }) =>
      answer(log, async () => {
        const target = blameTarget(file, line, end_line);
        return blameSchema.parse(blameJson(await blame({ cwd: dir, target }, quietDeps(log))));
      }),
  );

  server.registerTool(
    'lore_search',
    {
      title: 'Find sessions by what they were about',
      description: `The sessions of the server's repository, local and shared by teammates, whose title, prompts or edited files contain the text (case-insensitive), newest first, each with the commits it is linked to; at most ${SEARCH_LIMIT} unless limit says otherwise. Same data as \`lore search TEXT --json\`.`,
      inputSchema: {
        text: z.string().min(1).describe('the text to find'),
        limit: z.number().int().min(0).default(SEARCH_LIMIT).describe('at most this many sessions'),
      },
      outputSchema: searchSchema,
      annotations: READ_ONLY,
    },
    ({ text, limit }) => answer(log, async () => searchSchema.parse(searchJson(await searchSessions({ cwd: dir, text, limit }, { warn: log })))),
  );
}

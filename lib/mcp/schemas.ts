import { z } from 'zod';
import { LINK_METHODS } from '../links/record.js';

/** The arguments that name a commit or a session, as the CLI takes them. */
export const commitRef = z.string().min(1).default('HEAD').describe('any ref git resolves to a commit: HEAD, HEAD~2, a short or full SHA, a branch, a tag');
export const sessionRef = z.string().min(1).describe('session id or a unique prefix of it (case-insensitive)');

/*
 * The shapes the MCP tools return, declared as their outputSchema. They are the JSON
 * of the matching `--json` commands. Objects accept fields they do not list: a field
 * added to a command's JSON must not make clients that validate against these fail.
 */
const open = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();

const iso = z.string().describe('ISO 8601 time, UTC, to the second');

export const linkSchema = open({
  method: z.enum(LINK_METHODS).describe('how the link was made'),
  confidence: z.number().nullable().describe('0..1 where a score decided (auto, backfill), else null'),
  linked_at: iso.nullable().describe('null when the note holds no valid time'),
  linked_by: z.string().nullable().describe('email of whoever wrote the link'),
});

/** Who shared a session's record, when, and at which level (summary: no prompts; prompts: the user's prompts). */
const sharedSchema = open({ by: z.string().nullable(), at: iso.nullable(), level: z.string() });

/** A session as `lore show --json` describes it; nulls where the index does not know it. */
const sessionSummarySchema = open({
  id: z.string(),
  tool: z.string().nullable(),
  title: z.string().nullable(),
  started_at: iso.nullable(),
  ended_at: iso.nullable().describe('null while the session is active'),
  branch: z.string().nullable(),
  cwd: z.string().nullable(),
  in_index: z.boolean().describe('false for a session only the notes name (linked on another machine)'),
  files: z.array(z.string()).nullable().describe('the files the session edited, as its index lines name them; null when unknown'),
  shared: sharedSchema.optional().describe("only for a session the index lacks that a teammate shared (refs/lore/sessions): its record's facts fill the other fields"),
});

const commitSchema = open({ sha: z.string(), short: z.string(), subject: z.string() });

/** `lore show --commit REF --json`. */
export const linkedSessionsSchema = open({
  commit: commitSchema.extend({ date: iso.describe('author date') }),
  sessions: z.array(sessionSummarySchema.extend({ link: linkSchema })),
});

/** `lore show SESSION --json`. */
export const sessionDetailSchema = open({
  session: sessionSummarySchema,
  repositories: z.array(z.string()).describe("the repositories searched for links: the session's own, then the server's"),
  commits: z
    .array(
      open({
        sha: z.string(),
        short: z.string(),
        subject: z.string().nullable().describe('null when the repository lacks the commit'),
        date: iso.nullable(),
        repo: z.string(),
        link: linkSchema,
      }),
    )
    .describe('newest first'),
});

/** One element of `lore sessions --json`. */
export const sessionSchema = open({
  id: z.string(),
  tool: z.string().nullable(),
  title: z.string().nullable(),
  cwd: z.string().nullable(),
  branch: z.string().nullable(),
  branches: z.array(z.string()),
  started_at: iso.nullable(),
  ended_at: iso.nullable(),
  active: z.boolean(),
  files: z.array(z.string()).nullable().describe('null when unknown, not "touched nothing"'),
});

export const sessionListSchema = open({
  sessions: z.array(sessionSchema).describe('newest first'),
  total: z.number().int().describe('how many sessions matched before the limit'),
});

/** `lore blame FILE[:LINE[-END]] --json`. */
export const blameSchema = open({
  file: z.string().describe('repository-relative path'),
  root: z.string(),
  ranges: z.array(
    open({
      start: z.number().int(),
      end: z.number().int(),
      commit: commitSchema,
      sessions: z.array(open({ id: z.string(), link: linkSchema })),
    }),
  ),
});

/** `lore search TEXT --json`. */
export const searchSchema = open({
  text: z.string(),
  total: z.number().int().describe('how many sessions matched before the limit'),
  sessions: z
    .array(
      open({
        id: z.string(),
        tool: z.string().nullable(),
        title: z.string().nullable(),
        started_at: iso.nullable(),
        branch: z.string().nullable(),
        in_index: z.boolean(),
        shared: sharedSchema.nullable().describe("null for a session of the local index; else the teammate's record it came from"),
        matched: z.array(z.enum(['title', 'prompts', 'files'])).describe('which of its fields contain the text'),
        match: open({ field: z.enum(['title', 'prompts', 'files']), text: z.string().describe('the line that matched') }),
        commits: z.array(commitSchema).describe('the commits it is linked to in this repository, newest first'),
      }),
    )
    .describe('newest first'),
});

export const linkResultSchema = open({
  session: z.string().describe('the full session id'),
  commit: commitSchema,
  method: z.enum(LINK_METHODS).describe('manual for a new link; for one that was there, how it was made'),
  confidence: z.number().nullable().describe('the score of an auto link that was there, else null'),
  created: z.boolean().describe('false when the session was already linked to the commit'),
});

import { basename, join } from 'node:path';
import { contentText } from './content-text.js';
import { normaliseId } from '../session.js';
import { findLogFiles } from './find-logs.js';
import type { LinesImporter } from './importer.js';
import { addFile, asRecord, cloneProgress, eachObject, newProgress, oneLine, seeTime, summarise, type LogProgress, type LogSummary, type ReadResult } from './progress.js';

/**
 * Claude Code logs: `<config dir>/projects/<cwd with / as ->/<session id>.jsonl`, one
 * JSON object per line. Message lines carry sessionId, timestamp, cwd, gitBranch,
 * isSidechain and `message.content` (a string or a list of blocks). A summary line
 * only gives a title; snapshot and other lines without a sessionId give nothing.
 */

/** The tools that change a file, and where their input names it. Read is not an edit. */
export const EDIT_TOOLS: Record<string, string> = {
  Edit: 'file_path',
  MultiEdit: 'file_path',
  Write: 'file_path',
  NotebookEdit: 'notebook_path',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session id a log's file name gives. Claude Code names the file after the
 * session, and a resumed or continued conversation copies earlier messages, with
 * their old sessionId, into the new file: the name is the better witness.
 */
export function claudeCodeIdFromPath(path: string): string | undefined {
  const stem = basename(path).replace(/\.jsonl$/, '');
  return UUID.test(stem) ? stem : undefined;
}

export const claudeCode: LinesImporter = {
  tool: 'claude-code',
  shape: 'lines',
  defaultDir: (ctx) => join(ctx.env.CLAUDE_CONFIG_DIR || join(ctx.home, '.claude'), 'projects'),
  findLogs: (dir) => findLogFiles(dir),
  readLines: (lines, prior, log) => readClaudeCodeLines(lines, prior, claudeCodeIdFromPath(log.path)),
};

/** Reads more lines of one log on top of what was read before. Never throws. */
export function readClaudeCodeLines(lines: Iterable<string>, prior: LogProgress | undefined, idFromPath?: string): ReadResult {
  const p = prior ? cloneProgress(prior) : newProgress('claude-code', idFromPath);
  const malformed = eachObject(lines, (obj) => readLine(p, obj));
  return { progress: p, malformed };
}

function readLine(p: LogProgress, line: Record<string, unknown>): void {
  if (line.type === 'summary') {
    if (typeof line.summary === 'string') p.summaryTitle = oneLine(line.summary) ?? p.summaryTitle;
    return;
  }
  if (typeof line.sessionId !== 'string' || line.sessionId === '') return;
  p.id ??= normaliseId(line.sessionId);
  seeTime(p, line.timestamp);
  const sidechain = line.isSidechain === true;
  if (!sidechain) {
    p.main = true;
    if (p.cwd === undefined && typeof line.cwd === 'string' && line.cwd !== '') p.cwd = line.cwd;
    // "" means "not in a git repository" (v1.0.98); it must not hide a branch seen before.
    if (typeof line.gitBranch === 'string' && line.gitBranch !== '') p.branch = line.gitBranch;
  }
  const content = asRecord(line.message)?.content;
  if (Array.isArray(content)) {
    for (const block of content) {
      const b = asRecord(block);
      if (b?.type !== 'tool_use' || typeof b.name !== 'string' || !Object.hasOwn(EDIT_TOOLS, b.name)) continue;
      addFile(p, asRecord(b.input)?.[EDIT_TOOLS[b.name]]);
    }
  }
  // A sub-agent's prompt, or one Claude Code wrote itself (isMeta), does not name the session.
  if (p.firstPrompt === undefined && line.type === 'user' && !sidechain && line.isMeta !== true) {
    p.firstPrompt = claudePromptTitle(contentText(content, 'text'));
  }
}

/**
 * A slash command is logged as `<command-name>/init</command-name>` plus args; other
 * text in angle brackets (command output, caveats, reminders) is not the user's words.
 */
export function claudePromptWords(text: string): string | undefined {
  const command = /<command-name>([^<]*)<\/command-name>/.exec(text);
  if (command) {
    const args = /<command-args>([^<]*)<\/command-args>/.exec(text)?.[1] ?? '';
    // v1.0.17 logs the name without its slash ("init"), later versions with it.
    const name = command[1].trim();
    return `${name.startsWith('/') ? name : '/' + name} ${args}`.trim();
  }
  const t = text.trim();
  return t === '' || t.startsWith('<') ? undefined : t;
}

function claudePromptTitle(text: string): string | undefined {
  const words = claudePromptWords(text);
  return words === undefined ? undefined : oneLine(words);
}

/** A whole log at once: what a fresh import of it finds. */
export function parseClaudeCodeLog(text: string, path?: string): LogSummary {
  const id = path === undefined ? undefined : claudeCodeIdFromPath(path);
  return summarise(readClaudeCodeLines(text.split('\n'), undefined, id).progress);
}

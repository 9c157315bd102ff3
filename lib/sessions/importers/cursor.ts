import { basename, dirname, join } from 'node:path';
import { findLogFiles } from './find-logs.js';
import type { ImportContext, LinesImporter, LogFile } from './importer.js';
import { dirOfSlug } from './project-dir.js';
import { addFile, asRecord, cloneProgress, eachObject, newProgress, promptTitle, seeTime, type LogProgress, type ReadResult } from './progress.js';

/**
 * Cursor's agent transcripts: `~/.cursor/projects/<slug>/agent-transcripts/<id>.jsonl`
 * (`$CURSOR_CONFIG_DIR/projects`), one message a line: {role, message.content[]} with
 * `text` blocks (the user's wrapped in <user_query>) and `tool_use` blocks {name,
 * input.path}. No line has a time, a session id, a cwd or a branch: the file's name is
 * the id, its creation and mtime the start and the end, and the slug of the project names its
 * directory (see `cursorSlug`), matched to one lore knows or to the paths the calls name.
 */

/** The tools that change a file; Read, Grep, Glob and the like are not edits. */
const EDIT_TOOLS = new Set(['Write', 'StrReplace', 'Edit', 'MultiEdit', 'Delete', 'EditNotebook']);
/** Argument names that carry an absolute path, evidence for the project directory. */
const PATH_ARGS = ['path', 'file_path', 'target_file', 'target_notebook'];

const isTranscript = (name: string, dir: string) => name.endsWith('.jsonl') && dir.split(/[\\/]/).includes('agent-transcripts');

export const cursor: LinesImporter = {
  tool: 'cursor',
  shape: 'lines',
  defaultDir: (ctx) => join(ctx.env.CURSOR_CONFIG_DIR || join(ctx.home, '.cursor'), 'projects'),
  findLogs: (dir) => findLogFiles(dir, isTranscript),
  readLines: (lines, prior, log, ctx) => readCursorLines(lines, prior, log, ctx),
};

/** The project slug: the directory that holds `agent-transcripts`. */
function slugOf(path: string): string | undefined {
  for (let d = dirname(path); dirname(d) !== d; d = dirname(d)) {
    if (basename(d) === 'agent-transcripts') return basename(dirname(d));
  }
  return undefined;
}

/** Reads more lines of one transcript on top of what was read before. Never throws. */
export function readCursorLines(lines: Iterable<string>, prior: LogProgress | undefined, log: LogFile, ctx: Pick<ImportContext, 'knownDirs'>): ReadResult {
  const p = prior ? cloneProgress(prior) : newProgress('cursor', basename(log.path, '.jsonl'));
  p.main = true;
  const paths: string[] = [];
  const malformed = eachObject(lines, (line) => readLine(p, line, paths));
  // The file's creation is the session's start where the file system keeps it; a copy is
  // created after its mtime, and then only the mtime is known.
  const born = log.birthtimeMs;
  if (born !== undefined && born > 0 && born <= log.mtimeMs) seeTime(p, new Date(born).toISOString());
  seeTime(p, new Date(log.mtimeMs).toISOString());
  const slug = slugOf(log.path);
  if (p.cwd === undefined && slug !== undefined) p.cwd = dirOfSlug(slug, ctx.knownDirs, paths);
  return { progress: p, malformed };
}

function readLine(p: LogProgress, line: Record<string, unknown>, paths: string[]): void {
  const content = asRecord(line.message)?.content;
  const blocks = Array.isArray(content) ? content.map(asRecord) : [];
  if (line.role === 'user' && p.firstPrompt === undefined) {
    const text = blocks.map((b) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : '')).join(' ');
    p.firstPrompt = promptTitle(userQuery(text), (t) => t.startsWith('<'));
  }
  for (const b of blocks) {
    const input = asRecord(b?.input);
    if (b?.type !== 'tool_use' || !input) continue;
    for (const key of PATH_ARGS) if (typeof input[key] === 'string') paths.push(input[key]);
    if (typeof b.name === 'string' && EDIT_TOOLS.has(b.name)) addFile(p, input.path ?? input.file_path ?? input.target_notebook);
  }
}

/** The user's words are inside <user_query>; the rest of the message is context Cursor adds. */
export function userQuery(text: string): string {
  return /<user_query>([\s\S]*?)<\/user_query>/.exec(text)?.[1] ?? text;
}

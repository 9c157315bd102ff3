import type { ImportTool, LogProgress, ReadResult } from './progress.js';

/** What an importer may know besides the log itself. */
export interface ImportContext {
  env: NodeJS.ProcessEnv;
  home: string;
  /** Where `lore import` runs. */
  cwd: string;
  /**
   * Directories lore knows of: the cwd of every session in the index, and `cwd`.
   * A log that names its project only by a hash or a slug is matched against them.
   */
  knownDirs: string[];
}

/** One log file as `lore import` found it. */
export interface LogFile {
  path: string;
  mtimeMs: number;
  /** When the file was created, where the file system says (0 or absent where it does not): a start for logs that hold no time. */
  birthtimeMs?: number;
}

/** Every session a whole document holds. */
export interface DocumentResult {
  sessions: LogProgress[];
  /** Lines, messages or whole documents that could not be read; skipped, never fatal. */
  malformed: number;
}

interface ImporterBase {
  tool: ImportTool;
  /** Where the tool writes its logs when nothing says otherwise (its own override variable first). */
  defaultDir(ctx: Pick<ImportContext, 'env' | 'home' | 'cwd'>): string;
  /** The logs below `dir`, sorted; null when `dir` does not exist. */
  findLogs(dir: string, ctx: ImportContext): string[] | null;
}

/**
 * A tool that appends JSON lines to its log as the session goes: a grown log is read
 * on from the last complete line, on top of what the earlier lines said.
 */
export interface LinesImporter extends ImporterBase {
  shape: 'lines';
  readLines(lines: string[], prior: LogProgress | undefined, log: LogFile, ctx: ImportContext): ReadResult;
}

/**
 * A tool that rewrites its log whole (one JSON document, a markdown history): a
 * changed log is read again from the start. One document may hold several sessions.
 */
export interface DocumentImporter extends ImporterBase {
  shape: 'document';
  readDocument(text: string, log: LogFile, ctx: ImportContext): DocumentResult;
}

export type Importer = LinesImporter | DocumentImporter;

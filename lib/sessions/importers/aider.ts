import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DocumentImporter, DocumentResult, ImportContext, LogFile } from './importer.js';
import { addFile, newProgress, promptTitle, type LogProgress } from './progress.js';

/**
 * Aider: `.aider.chat.history.md` at the top of the repository it ran in (or
 * `$AIDER_CHAT_HISTORY_FILE`), one markdown file that every run appends to. Each
 * run starts with `# aider chat started at YYYY-MM-DD HH:MM:SS` (local time), the
 * user's prompts are `#### ` lines, aider's own notes are `> ` lines, among them
 * `> Applied edit to <path>` for each file it changed. `.aider.input.history`
 * beside it stamps every prompt (`# YYYY-MM-DD HH:MM:SS.ffffff`): those times end
 * the runs. Nothing logs a session id or a branch.
 */

export const HISTORY = '.aider.chat.history.md';
const INPUT_HISTORY = '.aider.input.history';

const RUN_START = /^# aider chat started at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/gm;
const STAMP = /^# (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/gm;
const APPLIED = /^> Applied edit to (.+?)\s*$/gm;
/** Slash commands that send the rest of the line to the model; every other one is not a prompt. */
export const ASKING = /^\/(?:ask|code|architect|context|chat-mode \S+)\s+/;
/** A last run "ends" at the file's mtime only if that is this close to its last prompt. */
const MTIME_END_LIMIT_MS = 24 * 60 * 60 * 1000;

export const aider: DocumentImporter = {
  tool: 'aider',
  shape: 'document',
  defaultDir: (ctx) => ctx.cwd,
  findLogs: (dir, ctx) => findHistories(dir, ctx),
  readDocument: (text, log) => readAiderHistory(text, log, readStamps(join(dirname(log.path), INPUT_HISTORY))),
};

/**
 * The history of the repository `dir` is in, and those of the repositories the
 * index knows; null when `dir` does not exist. `$AIDER_CHAT_HISTORY_FILE` names
 * one more, wherever it is.
 */
function findHistories(dir: string, ctx: ImportContext): string[] | null {
  if (!existsSync(dir)) return null;
  const found = new Set<string>();
  for (const d of [dir, ...ctx.knownDirs]) {
    const top = repositoryTop(d);
    if (top !== undefined && existsSync(join(top, HISTORY))) found.add(join(top, HISTORY));
  }
  const named = ctx.env.AIDER_CHAT_HISTORY_FILE;
  if (named && existsSync(resolve(ctx.cwd, named))) found.add(resolve(ctx.cwd, named));
  return [...found].sort();
}

/** The nearest directory at or above `dir` with a `.git`: where aider writes its history. */
function repositoryTop(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function readStamps(path: string): number[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(STAMP)].map((m) => localTime(m[1]));
}

/** Aider writes the machine's local time with no zone; lore imports on that machine. */
function localTime(stamp: string): number {
  const [y, mo, d, h, mi, s] = stamp.split(/[- :]/).map(Number);
  return new Date(y, mo - 1, d, h, mi, s).getTime();
}

/** Every run in one history, in order. Never throws. */
export function readAiderHistory(text: string, log: LogFile, stamps: number[] = []): DocumentResult {
  const runs = aiderRuns(text);
  const cwd = dirname(log.path);
  const sessions = runs.map(({ start, body }, k): LogProgress => {
    const startedAt = localTime(start);
    const nextStart = k + 1 < runs.length ? localTime(runs[k + 1].start) : Infinity;
    const p = newProgress('aider', runId(log.path, start));
    p.main = true;
    p.cwd = cwd;
    p.startedAt = startedAt;
    p.endedAt = Math.max(startedAt, ...stamps.filter((t) => t >= startedAt && t < nextStart));
    if (nextStart === Infinity && log.mtimeMs > p.endedAt && log.mtimeMs - p.endedAt <= MTIME_END_LIMIT_MS) p.endedAt = log.mtimeMs;
    for (const edit of body.matchAll(APPLIED)) addFile(p, edit[1]);
    p.firstPrompt = firstPrompt(body);
    return p;
  });
  return { sessions, malformed: 0 };
}

/** The runs of a history, in order: each one's start stamp and the text up to the next. */
export function aiderRuns(text: string): { start: string; body: string }[] {
  const starts = [...text.matchAll(RUN_START)];
  return starts.map((m, k) => ({ start: m[1], body: text.slice(m.index + m[0].length, k + 1 < starts.length ? starts[k + 1].index : text.length) }));
}

/** The first `#### ` block that is the user talking to the model, lines joined. */
function firstPrompt(body: string): string | undefined {
  let block: string[] = [];
  for (const line of [...body.split('\n'), '']) {
    if (line.startsWith('####')) {
      block.push(line.replace(/^####\s?/, ''));
      continue;
    }
    if (block.length === 0) continue;
    const text = block.join('\n').trim().replace(ASKING, '');
    const title = promptTitle(text, (t) => t.startsWith('/'));
    if (title !== undefined) return title;
    block = [];
  }
  return undefined;
}

/**
 * A run's id, the same on every import: a UUID made from the history's path and the
 * run's start line. Aider names no session; this one stays put as the file grows.
 */
function runId(path: string, start: string): string {
  const h = createHash('sha256').update(`${path}\n${start}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

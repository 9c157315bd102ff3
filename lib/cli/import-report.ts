import type { ImportOptions, ImportResult, ImportStep, ToolReport } from '../commands/import.js';
import { shortId } from '../sessions/session.js';
import { importText } from './import-text.js';
import { linkText } from './link-text.js';

/** The progress line of an import's step. */
export function stepText(step: ImportStep): string {
  return step.kind === 'scanning' ? importText.scanning(step.tool) : importText.reading(step.tool, step.read, step.total);
}

/** What `lore import` read, a line (or two) per tool, then what it linked (one entry, a line per link). */
export function importLines(result: ImportResult, opts: Pick<ImportOptions, 'dryRun' | 'since' | 'indexPath'>): string[] {
  const lines: string[] = [];
  const say = (line: string) => lines.push(opts.dryRun ? importText.dryRun(line) : line);
  for (const r of result.reported) {
    if (!r.found) say(importText.noDirectory(r.tool, r.dir));
    else say(importText.imported(r.tool, r.newSessions, r.updatedSessions, result.interrupted ? r.read : r.logs, r.dir));
    if (r.skippedSince > 0) say(importText.skippedSince(r.tool, r.skippedSince, new Date(opts.since!).toISOString()));
  }
  if (opts.dryRun) lines.push(importText.wouldAppend(result.lines.length, opts.indexPath));
  if (result.links.length > 0) lines.push(result.links.map((l) => linkText.linked(shortId(l.session), l.short)).join('\n'));
  return lines;
}

/**
 * `lore import --json`: the same report as one object, for scripts. Sessions count once
 * per tool as in the lines: `added` got their first index line, `updated` got more.
 */
export function importJson(result: ImportResult, dryRun: boolean): string {
  const reported = result.reported;
  const sum = (f: (t: ToolReport) => number) => reported.reduce((n, t) => n + f(t), 0);
  return JSON.stringify({
    dry_run: dryRun,
    interrupted: result.interrupted,
    logs: { read: result.read, total: result.total },
    sessions: { added: sum((t) => t.newSessions), updated: sum((t) => t.updatedSessions) },
    skipped: sum((t) => t.skippedSince),
    lines: result.lines.length,
    tools: reported.map((t) => ({
      tool: t.tool,
      dir: t.dir,
      found: t.found,
      logs: t.logs,
      read: t.read,
      added: t.newSessions,
      updated: t.updatedSessions,
      skipped: t.skippedSince,
    })),
    links: result.links.map((l) => ({ session: l.session, commit: l.sha })),
    errors: result.warnings,
  });
}

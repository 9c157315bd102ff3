import type { ImportOptions, ImportResult, ToolReport } from '../commands/import.js';
import type { PlannedLink } from '../links/apply.js';
import { shortId } from '../sessions/session.js';
import { importText } from './import-text.js';
import type { Io } from '../io.js';
import { linkText } from './link-text.js';

/** What `lore import` read: a line (or two) per tool. */
export function printImport(result: ImportResult, reported: ToolReport[], opts: Pick<ImportOptions, 'dryRun' | 'since' | 'indexPath'>, io: Io): void {
  const say = (line: string) => io.out(opts.dryRun ? importText.dryRun(line) : line);
  for (const r of reported) {
    if (!r.found) say(importText.noDirectory(r.tool, r.dir));
    else say(importText.imported(r.tool, r.newSessions, r.updatedSessions, result.interrupted ? r.read : r.logs, r.dir));
    if (r.skippedSince > 0) say(importText.skippedSince(r.tool, r.skippedSince, new Date(opts.since!).toISOString()));
  }
  if (opts.dryRun) io.out(importText.wouldAppend(result.lines.length, opts.indexPath));
}

/** What it linked, after: linking comes once the index is written. */
export function printLinks(links: PlannedLink[], io: Io): void {
  if (links.length > 0) io.out(links.map((l) => linkText.linked(shortId(l.session), l.short)).join('\n'));
}

/**
 * `lore import --json`: the same report as one object, for scripts. Sessions count once
 * per tool as in the lines: `added` got their first index line, `updated` got more.
 */
export function importJson(result: ImportResult, reported: ToolReport[], dryRun: boolean): string {
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

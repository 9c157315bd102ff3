import type { LinkReport } from '../links/link-report.js';

export type LinkMode = 'manual' | 'current' | 'auto' | 'backfill';

/**
 * `lore link --json`: one object for every mode, so a script or editor learns what would be
 * (or was) linked without reading the text lines.
 */
export function linkReportJson(mode: LinkMode, dryRun: boolean, report: LinkReport): string {
  return JSON.stringify({
    mode,
    dry_run: dryRun,
    links: report.links.map(({ link, status }) => ({
      session: link.session,
      commit: link.sha,
      short: link.short,
      method: link.method,
      confidence: link.confidence ?? null,
      status,
    })),
    skipped: report.skipped.map((s) => ({ session: s.session, commit: s.commit, reason: s.reason, confidence: s.confidence ?? null, by: s.by ?? null })),
    ...(report.backfill ? { backfill: report.backfill } : {}),
  });
}

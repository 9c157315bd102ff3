/** Every line `lore carry` prints, in one place. */
import type { CarriedLink, CarryResult } from '../commands/carry.js';
import { shortId } from '../sessions/session.js';

function linkLine(l: CarriedLink, dryRun: boolean): string {
  const what = `session ${shortId(l.session)} -> commit ${l.target.short}`;
  if (!l.added) return `  Carried ${what} (already linked)`;
  const from = `(from ${l.from.map((c) => c.short).join(', ')})`;
  return dryRun ? `  [dry-run] Would carry ${what} ${from}` : `  Carried ${what} ${from}`;
}

/** The report; with `quiet`, only the links that were new. */
export function carryLines(r: CarryResult, quiet: boolean): string[] {
  const fresh = r.links.filter((l) => l.added).length;
  if (quiet) return r.links.filter((l) => l.added).map((l) => linkLine(l, r.dryRun));
  if (r.links.length === 0) return [`Nothing to carry: no commit of ${r.range} replaced a linked commit (${r.checked} checked)`];
  const head = r.dryRun
    ? `${fresh} link(s) to carry onto ${r.range} (${r.checked} commit(s) checked):`
    : `Carried ${fresh} link(s) onto ${r.range} (${r.checked} commit(s) checked):`;
  return [head, ...r.links.map((l) => linkLine(l, r.dryRun))];
}

/** What `lore sync` says of its carry: the new links under one count line, nothing when there are none. */
export function carriedLines(r: CarryResult): string[] {
  const fresh = r.links.filter((l) => l.added);
  if (fresh.length === 0) return [];
  return [`Carried ${fresh.length} link(s) onto ${r.range} (${r.checked} commit(s) checked):`, ...fresh.map((l) => linkLine(l, false))];
}

export function carryJson(r: CarryResult) {
  return {
    range: r.range,
    checked: r.checked,
    dry_run: r.dryRun,
    links: r.links.map((l) => ({
      session: l.session,
      commit: { sha: l.target.sha, short: l.target.short, subject: l.target.subject },
      from: l.from.map((c) => ({ sha: c.sha, short: c.short, subject: c.subject })),
      added: l.added,
    })),
  };
}

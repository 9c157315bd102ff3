/** Every line `lore coverage` prints, in one place. */
import type { CoverageResult } from '../commands/coverage.js';

export function coverageLines(r: CoverageResult): string[] {
  const methods = Object.entries(r.byMethod).map(([m, n]) => `${m} ${n}`);
  const lines = [`${r.linked} of ${r.commits.length} commits linked (${r.percent}%) in ${r.range}${methods.length > 0 ? `: ${methods.join(', ')}` : ''}`];
  const unlinked = r.commits.filter((c) => c.methods.length === 0);
  if (unlinked.length > 0) lines.push('Not linked:', ...unlinked.map((c) => `  ${c.commit.short} ${c.commit.subject}`));
  const unpushed = r.commits.filter((c) => c.unpushed).length;
  if (unpushed > 0) lines.push(`${unpushed} linked commit(s) have links not pushed to ${r.remote} yet: run lore sync`);
  return lines;
}

export function coverageJson(r: CoverageResult) {
  return {
    range: r.range,
    total: r.commits.length,
    linked: r.linked,
    percent: r.percent,
    by_method: r.byMethod,
    remote: r.remote,
    commits: r.commits.map((c) => ({ sha: c.commit.sha, short: c.commit.short, subject: c.commit.subject, methods: c.methods, unpushed: c.unpushed })),
  };
}

export const belowMinimum = (percent: number, min: number) => `${percent}% of the commits are linked, below --min ${min}%`;

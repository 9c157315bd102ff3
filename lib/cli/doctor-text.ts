/** How `lore doctor`'s report is printed; the checks' own wording is lib/commands/doctor-messages.ts. */
import type { Check, CheckStatus } from '../commands/doctor-check.js';
import type { DoctorReport } from '../commands/doctor.js';

import { plural } from '../commands/doctor-messages.js';

export const doctorText = {
  summary: (warnings: number) => (warnings === 0 ? 'No problems found.' : `No problems found (${plural(warnings, 'warning')}).`),
};

const LABEL: Record<CheckStatus, string> = { ok: 'ok', warn: 'warn', problem: 'problem' };
const WIDTH = Math.max(...Object.values(LABEL).map((l) => l.length));

/** The report as lines: a check per line, its fix below it, then the summary (when no problem). */
export function doctorLines(report: DoctorReport): string[] {
  const lines: string[] = [];
  const indent = ' '.repeat(WIDTH + 2);
  for (const check of report.checks) {
    lines.push(`${LABEL[check.status].padEnd(WIDTH)}  ${check.name}: ${check.detail}`);
    if (check.fix) lines.push(`${indent}fix: ${check.fix}`);
  }
  if (report.ok) lines.push(doctorText.summary(report.checks.filter((c) => c.status === 'warn').length));
  return lines;
}

/** `--json`: `{ checks: [{ name, status, detail, fix? }], ok }`. */
export function doctorJson(report: DoctorReport): { checks: Check[]; ok: boolean } {
  return { checks: report.checks, ok: report.ok };
}

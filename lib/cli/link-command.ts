import { LoreError } from '../errors.js';
import { newLinkReport } from '../links/link-report.js';
import { linkReportJson, type LinkMode } from './link-json.js';
import type { Io } from '../io.js';

export interface LinkArgs {
  sessions: string[];
  commit: string;
  current: boolean;
  auto: boolean;
  backfill: boolean;
  threshold: number;
  yes: boolean;
  dryRun: boolean;
  allAuthors: boolean;
  json: boolean;
}

function parseThreshold(raw: unknown): number {
  const text = String(raw).trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new LoreError('BAD_ARGUMENT', `--threshold must be a number from 0.0 to 1.0, not '${raw}'`);
  }
  return n;
}

/** Turns the parsed words (LINK_TABLE's) into checked options; the modes exclude one another. */
export function toLinkArgs(argv: Record<string, unknown>): LinkArgs {
  const sessions = (argv.sessions as unknown[]).map(String);
  const a: LinkArgs = {
    sessions,
    commit: String(argv.commit),
    current: Boolean(argv.current),
    auto: Boolean(argv.auto),
    backfill: Boolean(argv.backfill),
    threshold: parseThreshold(argv.threshold),
    yes: Boolean(argv.yes),
    dryRun: Boolean(argv['dry-run']),
    allAuthors: Boolean(argv['all-authors']),
    json: Boolean(argv.json),
  };
  if (a.backfill && !a.auto) throw new LoreError('BAD_ARGUMENT', '--backfill goes with --auto', 'Run: lore link --auto --backfill');
  if (a.current && a.auto) throw new LoreError('BAD_ARGUMENT', '--current and --auto cannot be combined');
  if ((a.current || a.auto) && sessions.length > 0) {
    throw new LoreError('BAD_ARGUMENT', `session ids cannot be combined with --${a.current ? 'current' : 'auto'}`);
  }
  if (a.backfill && argv.commit !== undefined && argv.commit !== 'HEAD') {
    throw new LoreError('BAD_ARGUMENT', '--commit does not go with --backfill, which scans every ended session');
  }
  if (a.json && a.auto && !a.yes && !a.dryRun) {
    throw new LoreError('BAD_ARGUMENT', '--json with --auto asks no question: add --dry-run or --yes');
  }
  if (!a.current && !a.auto && sessions.length === 0) {
    throw new LoreError('BAD_ARGUMENT', 'no session given', 'Give a session id (see `lore sessions`), or use --current or --auto.');
  }
  return a;
}

function modeOf(a: LinkArgs): LinkMode {
  if (a.current) return 'current';
  if (a.auto) return a.backfill ? 'backfill' : 'auto';
  return 'manual';
}

/** Runs the mode; with --json its lines are left unprinted and the report is printed instead. */
export async function runLink(a: LinkArgs, cwd: string, io: Io): Promise<void> {
  const report = a.json ? newLinkReport() : undefined;
  const quiet: Io = a.json ? { ...io, out: () => {} } : io;
  const mode = modeOf(a);
  // Each mode loads only its own modules: --current runs on every commit.
  if (mode === 'current') {
    await (await import('./link-run-current.js')).runCurrent(a, cwd, quiet, report);
  } else if (mode === 'backfill') {
    await (await import('./link-run-backfill.js')).runBackfill(a, cwd, quiet, report);
  } else if (mode === 'auto') {
    await (await import('./link-run-auto.js')).runAuto(a, cwd, quiet, report);
  } else {
    await (await import('./link-run-manual.js')).runManual(a, cwd, quiet, report);
  }
  if (report) io.out(linkReportJson(mode, a.dryRun, report));
}

import { importSessions, type ImportOptions, type ImportResult } from '../commands/import.js';
import { depsOf } from './deps-of.js';
import type { Io } from '../io.js';
import { importJson, importLines, stepText } from './import-report.js';

/**
 * `lore import` for the terminal: the spinner turns while it reads, then its warnings go to
 * standard error, in the order they arose, and its report (lines, or `--json`'s object) to
 * standard output.
 */
export async function runImport(opts: ImportOptions, io: Io, json = false): Promise<ImportResult> {
  const spinner = await depsOf(io).progress(stepText({ kind: 'scanning', tool: 'claude-code' }));
  let result: ImportResult;
  try {
    result = await importSessions(opts, { step: (s) => spinner.update(stepText(s)) });
  } finally {
    spinner.stop();
  }
  for (const warning of result.warnings) io.err(warning);
  if (json) io.out(importJson(result, opts.dryRun));
  else for (const line of importLines(result, opts)) io.out(line);
  return result;
}

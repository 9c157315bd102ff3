import { Interrupted, LoreError } from '../errors.js';
import { sessionIndexPath } from '../commands/workspace.js';
import { IMPORT_TOOLS, isImportTool, type ImportTool } from '../sessions/importers/progress.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';
import { importText } from './import-text.js';
import { interruptSignal } from './interrupt.js';

function parseSince(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(String(raw));
  if (Number.isNaN(ms)) throw new LoreError('BAD_ARGUMENT', `--since must be a date like 2026-01-13 or 2026-01-13T10:00:00Z, not '${raw}'`);
  return ms;
}

/** `--from tool=dir`, repeatable: each tool's logs read from another place. */
function parseFrom(raw: unknown): Partial<Record<ImportTool, string>> {
  const from: Partial<Record<ImportTool, string>> = {};
  for (const item of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
    const text = String(item);
    const eq = text.indexOf('=');
    const tool = text.slice(0, eq);
    if (eq <= 0 || eq === text.length - 1) {
      throw new LoreError('BAD_ARGUMENT', `--from takes TOOL=DIR, not '${text}'`, `for example --from gemini-cli=/backup/.gemini/tmp`);
    }
    if (!isImportTool(tool)) throw new LoreError('BAD_ARGUMENT', `--from: unknown tool '${tool}'`, `one of: ${IMPORT_TOOLS.join(', ')}`);
    from[tool] = text.slice(eq + 1);
  }
  return from;
}

export const importSpec: CommandSpec = {
  table: optionTable('import', {}, {
    'claude-dir': { type: 'string', describe: "Claude Code's projects directory (default: $CLAUDE_CONFIG_DIR/projects or ~/.claude/projects)" },
    'codex-dir': { type: 'string', describe: "Codex's sessions directory (default: $CODEX_HOME/sessions or ~/.codex/sessions)" },
    from: { type: 'string', array: true, describe: 'Read a tool\'s logs from DIR instead of its default place (TOOL=DIR, repeatable)' },
    since: { type: 'string', describe: 'Skip sessions that ended before this date' },
    'dry-run': { type: 'boolean', default: false, describe: 'Report what would be imported; write nothing' },
    link: { type: 'boolean', default: true, describe: 'Link the sessions whose end it reads to their commits (--no-link: do not)' },
    json: { type: 'boolean', default: false, describe: 'Print the report as one JSON object' },
  }),
  describe: `Import sessions from the agents' logs (${IMPORT_TOOLS.join(', ')}) into the session index`,
  run: async (argv, cwd, io) => {
    const since = parseSince(argv.since);
    const from = parseFrom(argv.from);
    const sessionIndex = await sessionIndexPath(cwd);
    const [{ importStatePath }, { runImport }] = await Promise.all([import('../commands/import.js'), import('./import-run.js')]);
    const interrupt = interruptSignal();
    const result = await runImport(
      {
        claudeDir: argv['claude-dir'] as string | undefined,
        codexDir: argv['codex-dir'] as string | undefined,
        from,
        cwd,
        since,
        dryRun: Boolean(argv['dry-run']),
        link: argv.link !== false,
        indexPath: sessionIndex,
        statePath: importStatePath(sessionIndex),
        signal: interrupt.signal,
      },
      io,
      Boolean(argv.json),
    ).finally(interrupt.dispose);
    if (result.interrupted) throw new Interrupted(importText.interrupted(result.read, result.total));
  },
};

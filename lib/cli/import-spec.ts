import { LoreError } from '../errors.js';
import { sessionIndexPath } from '../commands/workspace.js';
import type { CommandSpec } from './command.js';

function parseSince(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(String(raw));
  if (Number.isNaN(ms)) throw new LoreError('BAD_ARGUMENT', `--since must be a date like 2026-01-13 or 2026-01-13T10:00:00Z, not '${raw}'`);
  return ms;
}

export const importSpec: CommandSpec = {
  command: 'import',
  describe: "Import sessions from Claude Code's and Codex's logs into the session index",
  builder: (y) =>
    y
      .option('claude-dir', { type: 'string', describe: "Claude Code's projects directory (default: $CLAUDE_CONFIG_DIR/projects or ~/.claude/projects)", requiresArg: true })
      .option('codex-dir', { type: 'string', describe: "Codex's sessions directory (default: $CODEX_HOME/sessions or ~/.codex/sessions)", requiresArg: true })
      .option('since', { type: 'string', describe: 'Skip sessions that ended before this date', requiresArg: true })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Report what would be imported; write nothing' })
      .option('link', { type: 'boolean', default: true, describe: 'Link the sessions whose end it reads to their commits (--no-link: do not)' }) as never,
  run: async (argv, cwd, io) => {
    const since = parseSince(argv.since);
    const sessionIndex = await sessionIndexPath(cwd);
    const { importSessions, importStatePath } = await import('../commands/import.js');
    await importSessions(
      {
        claudeDir: argv['claude-dir'] as string | undefined,
        codexDir: argv['codex-dir'] as string | undefined,
        since,
        dryRun: Boolean(argv['dry-run']),
        link: argv.link !== false,
        indexPath: sessionIndex,
        statePath: importStatePath(sessionIndex),
      },
      io,
    );
  },
};

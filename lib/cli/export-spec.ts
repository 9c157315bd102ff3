import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const exportSpec: CommandSpec = {
  table: optionTable('export [range]', { range: { describe: "Commits to export, as git reads a range (default: the branch's commits not on the remote's default branch, else the last 100)" } }, {
    'agent-trace': { type: 'boolean', default: false, describe: 'Agent Trace v0.1 records, one JSON object per line' },
  }),
  describe: "Export the links of a range's commits for other tools: --agent-trace writes Agent Trace records (JSON Lines)",
  run: async (argv, cwd, io) => {
    if (!argv['agent-trace']) throw new LoreError('BAD_ARGUMENT', 'give a format to export', 'Run: lore export --agent-trace [RANGE]');
    const { exportAgentTrace } = await import('../commands/export.js');
    for (const record of await exportAgentTrace({ cwd, range: argv.range as string | undefined })) io.out(JSON.stringify(record));
  },
};

import { resolve } from 'node:path';
import { LoreError } from '../errors.js';
import { isDirectory } from '../is-directory.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

/** `lore mcp`: standard output belongs to the protocol, so this prints nothing there itself. */
export const mcpSpec: CommandSpec = {
  table: optionTable('mcp', {}, {
    repo: { type: 'string', describe: 'The repository to serve (default: the current directory)' },
    'allow-write': { type: 'boolean', default: false, describe: 'Also offer lore_link, which writes links' },
    'all-repos': { type: 'boolean', default: false, describe: "Answer about every repository's sessions, not only this one's" },
  }),
  describe: 'Serve links to AI agents over the Model Context Protocol (stdio) until stdin closes',
  run: async (argv, cwd, io) => {
    const dir = resolve(cwd, argv.repo === undefined ? '.' : String(argv.repo));
    if (!isDirectory(dir)) throw new LoreError('BAD_ARGUMENT', `--repo: no such directory: ${dir}`);
    const { serveStdio } = await import('../mcp/server.js');
    await serveStdio({ dir, allowWrite: Boolean(argv['allow-write']), allRepos: Boolean(argv['all-repos']), log: io.err });
  },
};

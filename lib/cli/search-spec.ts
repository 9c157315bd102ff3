import { depsOf } from './deps-of.js';
import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';
import { searchText } from './search-text.js';
import { limitOf } from './sessions-spec.js';

export const searchSpec: CommandSpec = {
  table: optionTable('search <text>', { text: { describe: 'Text to find (case-insensitive)' } }, {
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
    limit: { type: 'string', describe: 'Show at most N sessions (default 20)' },
  }),
  describe: 'Find sessions, local and shared, whose title, prompts or edited files contain TEXT, newest first',
  run: async (argv, cwd, io) => {
    const text = String(argv.text ?? '');
    if (text.trim() === '') throw new LoreError('BAD_ARGUMENT', searchText.noText);
    const { searchSessions, searchJson } = await import('../commands/search.js');
    const result = await searchSessions({ cwd, text, limit: limitOf(argv.limit) }, depsOf(io));
    if (argv.json) io.out(JSON.stringify(searchJson(result), null, 2));
    else for (const line of searchText.lines(result)) io.out(line);
  },
};

import type { CommandSpec } from './command.js';
import { runLink, toLinkArgs } from './link-command.js';
import { LINK_TABLE } from './link-options.js';

export const linkSpec: CommandSpec = {
  table: LINK_TABLE,
  describe: 'Link sessions to git commits',
  run: (argv, cwd, io) => runLink(toLinkArgs(argv), cwd, io),
};

import type { CommandSpec } from './command.js';
import { LINK_USAGE, linkOptions, runLink, toLinkArgs } from './link-command.js';

export const linkSpec: CommandSpec = {
  command: 'link [sessions..]',
  describe: 'Link sessions to git commits',
  builder: (y) => linkOptions(y.usage(LINK_USAGE.replaceAll('$0', 'lore link'))) as never,
  run: (argv, cwd, io) => runLink(toLinkArgs(argv), cwd, io),
};

import { depsOf } from './deps-of.js';
import { sessionIndexPath } from '../commands/workspace.js';
import { shortId } from '../sessions/session.js';
import type { CommandSpec } from './command.js';
import { linkText } from './link-text.js';
import { optionTable } from './option-table.js';

/** `lore session start|touch|end`: live sessions for any agent or script, without a daemon. */
export const sessionSpec: CommandSpec = {
  table: optionTable('session <action> [args..]', { action: { choices: ['start', 'touch', 'end'], describe: 'What happened' }, args: { describe: 'start: nothing; touch: ID FILE...; end: ID' } }, {
    id: { type: 'string', describe: 'start: the session id (default: a new UUID)' },
    tool: { type: 'string', describe: 'start: the agent (default: manual)' },
    cwd: { type: 'string', describe: "start: the session's directory; touch: what relative files are relative to" },
    branch: { type: 'string', describe: 'start: the git branch' },
    link: { type: 'boolean', default: true, describe: 'end: link the session to the commits made in its window (--no-link: do not)' },
  }),
  describe: 'Record a live session: start (prints its id), touch ID FILE..., end ID (links it to its commits)',
  run: async (argv, cwd, io) => {
    const { sessionStart, sessionTouch, sessionEnd } = await import('../commands/session.js');
    const path = await sessionIndexPath(cwd);
    const args = ((argv.args as unknown[]) ?? []).map(String);
    const str = (k: string) => (argv[k] === undefined ? undefined : String(argv[k]));
    switch (argv.action) {
      case 'start':
        io.out(await sessionStart({ indexPath: path, id: str('id'), tool: str('tool'), cwd: str('cwd'), branch: str('branch') }));
        return;
      case 'touch':
        await sessionTouch({ indexPath: path, id: args[0] ?? '', files: args.slice(1), cwd: str('cwd') }, depsOf(io));
        return;
      default:
        for (const l of await sessionEnd({ indexPath: path, id: args[0] ?? '', link: argv.link !== false }, depsOf(io))) io.out(linkText.linked(shortId(l.session), l.short));
    }
  },
};

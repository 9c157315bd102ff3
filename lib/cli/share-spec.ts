import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const shareSpec: CommandSpec = {
  table: optionTable('share <level>', { level: { choices: ['summary', 'prompts', 'off', 'status'], describe: 'What lore sync shares (summary, prompts, off), or status to see it' } }, {
    json: { type: 'boolean', default: false, describe: 'With status: print JSON for scripts' },
  }),
  describe: "Share this clone's linked sessions through lore sync: summary, prompts, off, or status",
  run: async (argv, cwd, io) => {
    const [{ setShare, shareStatus }, { shareText }] = await Promise.all([import('../commands/share.js'), import('./share-text.js')]);
    const level = argv.level as 'summary' | 'prompts' | 'off' | 'status';
    if (level === 'status') {
      const s = await shareStatus(cwd);
      if (argv.json) return io.out(JSON.stringify(shareText.json(s.level, s.set, s.records, s.mine), null, 2));
      for (const line of [shareText.status(s.level, s.set), shareText.sends(s.level), shareText.stored(s.records, s.mine)]) io.out(line);
      return;
    }
    if (argv.json) throw new LoreError('BAD_ARGUMENT', shareText.jsonOnlyStatus, shareText.jsonOnlyStatusHint);
    await setShare(cwd, level);
    io.out(shareText.set(level));
    io.out(level === 'off' ? shareText.offHistory : shareText.never);
  },
};

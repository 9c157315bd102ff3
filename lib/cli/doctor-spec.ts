import { LoreError } from '../errors.js';
import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';

export const doctorSpec: CommandSpec = {
  table: optionTable('doctor', {}, {
    json: { type: 'boolean', default: false, describe: 'Print JSON for scripts' },
  }),
  describe: "Check lore's set-up here (hooks, PATH, notes config, remote, identity, index, nodegit): each problem with its fix",
  run: async (argv, cwd, io) => {
    const [{ doctor }, { doctorMessages }, text] = await Promise.all([import('../commands/doctor.js'), import('../commands/doctor-messages.js'), import('./doctor-text.js')]);
    const report = await doctor({ cwd });
    if (argv.json) io.out(JSON.stringify(text.doctorJson(report), null, 2));
    else for (const line of text.doctorLines(report)) io.out(line);
    const problems = report.checks.filter((c) => c.status === 'problem').length;
    if (problems > 0) throw new LoreError('PROBLEMS_FOUND', doctorMessages.problems(problems));
  },
};

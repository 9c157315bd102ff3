import type { CommandSpec } from './command.js';
import { optionTable } from './option-table.js';
import { hooksText } from './hooks-text.js';
import { LoreError } from '../errors.js';
import { AGENTS, type AgentName } from '../sessions/agent-names.js';

const ACTIONS = ['install', 'uninstall', 'status'];
/** Run by the post-rewrite hook and the agents' hooks, not by people: accepted, but not listed in the help. */
const REWRITTEN = 'rewritten';
const AGENT_EVENT = 'agent-event';
/** Run in the background by an agent's end hook: links the session that ended. */
const SESSION_ENDED = 'session-ended';

/** What a hook pipes in (post-rewrite's "old new" lines, an agent's event); a terminal gives none. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const hooksSpec: CommandSpec = {
  table: optionTable('hooks <action>', { action: { describe: ACTIONS.join(' | ') } }, {
    'show-in-log': {
      type: 'boolean',
      default: false,
      describe: 'With install: also set notes.displayRef so plain git log shows the links',
    },
    sync: {
      type: 'boolean',
      default: false,
      describe: 'Also a pre-push hook that runs lore sync, so each push shares the links',
    },
    json: { type: 'boolean', default: false, describe: 'With status: print JSON for scripts' },
    session: { type: 'string' },
    // Not yargs' choices: an agent's hook naming an agent lore lacks must not fail the agent.
    agent: {
      type: 'string',
      describe: `Also the agent's own hooks (.claude/settings.json, .codex/hooks.json, .gemini/settings.json), which tell lore about each session as it happens: ${AGENTS.join(' | ')}`,
    },
  }),
  describe: 'Git hooks: link each commit to the active sessions; links follow amend and rebase; agents report live sessions',
  run: async (argv, cwd, io) => {
    const action = String(argv.action);
    const showInLog = Boolean(argv['show-in-log']);
    const sync = Boolean(argv.sync);
    const agent = argv.agent as AgentName | undefined;
    if (action === AGENT_EVENT) {
      const { recordAgentEvent } = await import('../commands/hooks-agent-event.js');
      const agentName = String(argv.agent ?? 'claude-code');
      const failed = await recordAgentEvent(agentName, await readStdin());
      if (failed !== null) io.err(hooksText.agentEventFailed(agentName, failed));
      return;
    }
    if (action === SESSION_ENDED && typeof argv.session === 'string') {
      const [{ linkEndedSessions }, { sessionIndexPath }] = await Promise.all([import('../commands/link-session-end.js'), import('../commands/workspace.js')]);
      await linkEndedSessions(await sessionIndexPath(cwd), [argv.session], () => {});
      return;
    }
    if (agent !== undefined && !AGENTS.includes(agent)) {
      throw new LoreError('BAD_ARGUMENT', `lore has no hooks for the agent '${agent}'`, `Give one of: ${AGENTS.join(', ')}`);
    }
    if (action !== REWRITTEN && !ACTIONS.includes(action)) {
      throw new LoreError('BAD_ARGUMENT', `unknown action '${action}'`, `Give one of: lore hooks ${ACTIONS.join(' | ')}`);
    }
    if (showInLog && action !== 'install') throw new LoreError('BAD_ARGUMENT', '--show-in-log goes with install', 'Run: lore hooks install --show-in-log');
    if (action === REWRITTEN) {
      const { carryLinks } = await import('../commands/hooks-rewritten.js');
      const changed = await carryLinks(cwd, await readStdin());
      if (changed > 0) io.out(hooksText.carried(changed));
      return;
    }
    const render = await import('./hooks-render.js');
    let lines: string[];
    if (action === 'install') lines = render.installLines((await import('../commands/hooks-install.js')).installHooks({ cwd, showInLog, sync, agent }));
    else if (action === 'uninstall') lines = render.uninstallLines((await import('../commands/hooks-uninstall.js')).uninstallHooks({ cwd, sync, agent }));
    else {
      const status = (await import('../commands/hooks.js')).hooksStatus({ cwd, sync, agent });
      lines = argv.json ? [JSON.stringify(render.statusJson(status), null, 2)] : render.statusLines(status);
    }
    for (const line of lines) io.out(line);
  },
};

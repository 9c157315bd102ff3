import { isAgent, parseAgentEvent, type AgentEvent } from '../sessions/agent-events.js';
import { appendIndexLines, readIndex } from '../sessions/index-file.js';
import { normaliseId } from '../sessions/session.js';
import { currentBranchCli } from '../git/cli-commit.js';
import { linkEndedInBackground } from './link-session-end.js';
import { recordEnd, recordTouch, sessionStart } from './session.js';
import { sessionIndexPath } from './workspace.js';

/**
 * `lore hooks agent-event [--agent A]`, what lore's agent hooks run: reads the event the
 * agent pipes in (lib/sessions/agent-events.ts says what each agent's events mean) and
 * appends the matching line to the index: a start, files edited, a `git commit` starting
 * or finishing, an end. An end also links the session to its commits, in the background.
 * The start, commit and end lines carry the agent's log path when the event names it (not
 * every edit's: the log does not move, and a session's hooks installed mid-way still tell it).
 */

/**
 * SessionStart also comes after a resume or a compaction, for a session the index knows:
 * it is active again (and may be on another branch), but it started when it first did.
 */
async function start(e: AgentEvent, indexPath: string): Promise<void> {
  const branch = (await currentBranchCli(e.cwd, '-C')) ?? undefined;
  const id = normaliseId(e.id);
  const known = readIndex(indexPath, () => {}, (other) => other === id).sessions.get(id);
  if (known?.startedAt !== undefined) {
    appendIndexLines(indexPath, [{ id, tool: e.agent, cwd: e.cwd, branch, endedAt: null, files: [], seenAt: Date.now(), log: e.log }]);
    return;
  }
  // Claude Code adds a SessionStart hook's output to the model's context: the id is not printed.
  // `files: []`: lore's hooks see every edit, so until the first one the session edited nothing,
  // which is evidence at commit time, not the unknown of a session without file data.
  await sessionStart({ indexPath, id: e.id, tool: e.agent, cwd: e.cwd, branch, files: [], log: e.log });
}

async function record(e: AgentEvent): Promise<void> {
  const indexPath = await sessionIndexPath(e.cwd);
  const id = normaliseId(e.id);
  const a = e.action;
  switch (a.kind) {
    case 'start':
      return start(e, indexPath);
    case 'touch':
      return recordTouch(indexPath, id, a.files, { reopen: a.reopen });
    case 'committing': {
      const now = Date.now();
      const reopen = a.reopen ? { endedAt: null } : {};
      // The post-commit hook's --current reads this: the session that is committing made the commit.
      const line = a.done ? { id, committingAt: null, ...reopen } : { id, committingAt: now, seenAt: now, ...reopen };
      appendIndexLines(indexPath, [{ ...line, log: e.log }]);
      return;
    }
    case 'end':
      recordEnd(indexPath, id, e.log);
      return linkEndedInBackground(e.cwd, id);
    case 'nothing':
      return;
  }
}

/**
 * Never fails the agent: whatever goes wrong is returned, why it failed, for one line on
 * standard error and exit 0; null when the event was recorded.
 */
export async function recordAgentEvent(agent: string, input: string): Promise<string | null> {
  try {
    if (!isAgent(agent)) throw new Error(`lore has no hooks for the agent '${agent}'`);
    await record(parseAgentEvent(agent, input, process.cwd()));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

import { doctorMessages as t } from './doctor-messages.js';
import { isLoreError } from '../errors.js';
import { configBool } from '../git/doctor-probe.js';
import { AGENTS } from '../sessions/agent-events.js';
import { ok, problem, shellArg, warn, type Check } from './doctor-check.js';
import { agentEventsInstalled } from '../hooks/agent-settings.js';
import { readNotesConfig } from '../hooks/notes-config.js';
import { agentsOnThisMachine } from './hooks.js';
import { installed, isExecutable } from '../hooks/hook-files.js';
import { findLayout, HOOK_NAMES, hookPath, SYNC_HOOK, type HookName, type Layout } from '../hooks/layout.js';

const INSTALL = 'lore hooks install';

function hookCheck(layout: Layout, hook: HookName): Check {
  const name = `${hook} hook`;
  if (layout.kind === 'lefthook') {
    // lore never edits lefthook's config: install prints the lines to add to it.
    return installed(layout, hook) ? ok(name, t.hookVia('lefthook', layout.config)) : problem(name, t.hookMissing(hook, layout.config), INSTALL);
  }
  const path = hookPath(layout, hook);
  if (!installed(layout, hook)) return problem(name, t.hookMissing(hook, path), INSTALL);
  if (layout.kind === 'husky') return ok(name, t.hookVia('husky', path));
  if (!isExecutable(path)) return problem(name, t.hookNotExecutable(path), `chmod +x ${shellArg(path)}`);
  return ok(name, t.hookInstalled(path));
}

/**
 * lore's git hooks where git runs them (core.hooksPath, Husky, lefthook, worktrees): the
 * ones every install writes, and pre-push when it is there.
 */
export function gitHookChecks(top: string): Check[] {
  const layout = findLayout(top);
  const hooks = [...HOOK_NAMES, ...(installed(layout, SYNC_HOOK) ? [SYNC_HOOK] : [])];
  return hooks.map((hook) => hookCheck(layout, hook));
}

function agentCheck(top: string, agent: (typeof AGENTS)[number], onMachine: Map<string, string>): Check | null {
  const name = `${agent} hooks`;
  const fix = `${INSTALL} --agent ${agent}`;
  try {
    const { path, present, missing } = agentEventsInstalled(top, agent);
    if (present.length > 0) return missing.length === 0 ? ok(name, t.agentInstalled(path)) : warn(name, t.agentPartly(path, missing), fix);
  } catch (e) {
    // Settings lore cannot read: the agent reads them too, so this is the user's to fix first.
    if (isLoreError(e)) return problem(name, e.message, e.hint ?? fix);
    throw e;
  }
  const dir = onMachine.get(agent);
  return dir === undefined ? null : warn(name, t.agentFound(agent, dir), fix);
}

/** Which agents' hooks report sessions live: a line for each installed or found on this machine. */
export function agentHookChecks(top: string): Check[] {
  const onMachine = new Map(agentsOnThisMachine().map(({ agent, dir }) => [agent as string, dir]));
  const checks = AGENTS.map((agent) => agentCheck(top, agent, onMachine)).filter((c): c is Check => c !== null);
  return checks.length > 0 ? checks : [warn('agent hooks', t.agentNone())];
}

/**
 * Whether git carries the links through amend and rebase: notes.rewriteRef names
 * refs/notes/lore, and notes.rewrite.amend / notes.rewrite.rebase (true unless set) are not off.
 */
export async function notesRewriteCheck(top: string): Promise<Check> {
  const name = 'notes rewrite';
  if (!readNotesConfig(top).rewriteRef) return problem(name, t.rewriteRefMissing(), INSTALL);
  for (const key of ['notes.rewrite.amend', 'notes.rewrite.rebase']) {
    const set = await configBool(top, key);
    // The repository's own value wins over a global or system one.
    if (set && !set.value) return problem(name, t.rewriteOff(key, set.scope), `git config --${set.scope === 'worktree' ? 'worktree' : 'local'} ${key} true`);
  }
  return ok(name, t.rewriteOk());
}

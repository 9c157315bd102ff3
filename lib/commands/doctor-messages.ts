/**
 * The wording of `lore doctor`'s checks. A check's detail is data, not a rendering: it is
 * what `--json` gives scripts, so it is written where the check is made.
 */
import { AGENT_LABEL, type AgentName } from '../sessions/agent-names.js';

/** What is lost without each git hook. */
const HOOK_ROLE: Record<string, string> = {
  'post-commit': 'commits are not linked as they are made',
  'post-rewrite': 'links are not merged after amend and rebase',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A time as the report shows it: UTC, to the minute, like git's ISO dates. */
function when(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export const doctorMessages = {
  repo: (top: string) => top,
  notInRepo: (cwd: string) => `not in a git repository (${cwd}): the hooks, notes, remote and identity checks need one`,

  hookInstalled: (path: string) => `installed (${path})`,
  hookVia: (tool: string, path: string) => `installed via ${tool} (${path})`,
  hookMissing: (hook: string, path: string) => `not installed (${path}): ${HOOK_ROLE[hook] ?? 'lore does not run from it'}`,
  hookNotExecutable: (path: string) => `installed, but not executable, so git skips it (${path})`,

  agentInstalled: (path: string) => `installed (${path})`,
  agentPartly: (path: string, missing: string[]) => `partly installed, without ${missing.join(', ')} (${path})`,
  agentFound: (agent: string, dir: string) =>
    `${AGENT_LABEL[agent as AgentName] ?? agent} is on this machine (${dir}), but its hooks are not installed here: its sessions reach lore only through lore import`,
  agentNone: () => 'none installed: sessions reach lore only through lore import (lore hooks install --agent AGENT reports them live)',

  onPath: (path: string) => path,
  notOnPath: (fallback: string) => `lore is not on PATH, so the hooks run ${fallback}, on this machine only, and agents' hooks of a teammate without lore do nothing`,

  rewriteOk: () => 'links follow amend and rebase (notes.rewriteRef covers refs/notes/lore)',
  rewriteRefMissing: () => 'notes.rewriteRef does not cover refs/notes/lore: links stay on the old commits after amend and rebase',
  rewriteOff: (key: string, scope: string) => `${key} is false in your ${scope} git config: git does not carry the links through it`,

  noRemote: () => 'no git remote: the links stay in this clone',
  noChosenRemote: (message: string, hint?: string) => `${message}${hint ? ` (${hint})` : ''}: lore sync needs a remote to share links with`,
  fetchOk: (refspec: string) => `git fetch brings the remote's links (${refspec})`,
  fetchMissing: (remote: string) => `git fetch does not bring ${remote}'s links; lore sync still does`,
  fetchOverwrites: (refspec: string) => `the fetch refspec ${refspec} overwrites refs/notes/lore: a fetch throws away links not pushed yet`,

  unreachable: (remote: string, reason: string) => `could not ask ${remote} (${reason}); compared with what was fetched last`,
  linksNowhere: (remote: string) => `no links on ${remote} or here yet`,
  linksUnshared: (remote: string) => `${remote} has no links: yours are not shared yet`,
  linksNotFetched: (remote: string) => `${remote} has links, and none were fetched here: lore show finds none`,
  linksBehind: (remote: string) => `${remote} has links this clone has not merged yet`,
  linksAhead: (remote: string) => `links made here are not on ${remote} yet`,
  linksInStep: (remote: string, tip: string) => `in step with ${remote} (${tip.slice(0, 12)})`,

  identity: (name: string, email: string, mapped: string | null) => `${name} <${email}>${mapped ? ` (.mailmap: ${mapped})` : ''}`,

  index: (path: string, size: number, sessions: number, lastImport: number | null) =>
    `${path}: ${bytes(size)}, ${plural(sessions, 'session')}, ${lastImport === null ? 'no lore import recorded' : `last import ${when(lastImport)}`}`,
  fixConfig: () => 'correct sessionIndex in your lore config (.lorerc, lore.config.*, or "lore" in package.json)',
  indexMissing: (path: string) => `no session index yet (${path})`,
  badLines: (path: string, lines: number[]) =>
    `${path}: ${plural(lines.length, 'malformed line')} skipped (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', ...' : ''})`,
  staleNone: () => 'no active session without activity for 2 hours',
  stale: (ids: string[]) => `${plural(ids.length, 'active session')} with no activity for 2 hours (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}): an agent that crashed never wrote its end`,

  nodegit: (version: string) => `${version}, loaded`,
  nodegitFailed: (why: string) => `nodegit does not load (${why}): lore cannot write links`,

  /** The error `lore doctor` exits with when a check found a problem. */
  problems: (n: number) => `lore doctor found ${plural(n, 'problem')}; the fix is under each`,
};

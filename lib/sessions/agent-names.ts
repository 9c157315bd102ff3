/**
 * The agents whose own hooks lore installs (`lore hooks install --agent`), as the tools call
 * themselves. Kept apart from agent-events.ts so that the help lists them without loading
 * the event readers.
 */
export const AGENTS = ['claude-code', 'codex', 'gemini-cli', 'cursor', 'opencode'] as const;
export type AgentName = (typeof AGENTS)[number];

export function isAgent(name: string): name is AgentName {
  return (AGENTS as readonly string[]).includes(name);
}

/** Each agent as its makers write its name, for the lines that speak of the tool. */
export const AGENT_LABEL: Record<AgentName, string> = { 'claude-code': 'Claude Code', codex: 'Codex', 'gemini-cli': 'Gemini CLI', cursor: 'Cursor', opencode: 'OpenCode' };

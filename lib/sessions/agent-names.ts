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

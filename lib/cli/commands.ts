import type { CommandSpec } from './command.js';

/**
 * Every `lore` subcommand by name, in the order `lore --help` lists them. Each loads on
 * its own: a run needs only its command's module, not the other eighteen.
 */
export const COMMANDS: Record<string, () => Promise<CommandSpec>> = {
  link: async () => (await import('./link-spec.js')).linkSpec,
  sessions: async () => (await import('./sessions-spec.js')).sessionsSpec,
  show: async () => (await import('./show-spec.js')).showSpec,
  search: async () => (await import('./search-spec.js')).searchSpec,
  unlink: async () => (await import('./unlink-spec.js')).unlinkSpec,
  blame: async () => (await import('./blame-spec.js')).blameSpec,
  import: async () => (await import('./import-spec.js')).importSpec,
  session: async () => (await import('./session-spec.js')).sessionSpec,
  sync: async () => (await import('./sync-spec.js')).syncSpec,
  share: async () => (await import('./share-spec.js')).shareSpec,
  carry: async () => (await import('./carry-spec.js')).carrySpec,
  coverage: async () => (await import('./coverage-spec.js')).coverageSpec,
  log: async () => (await import('./log-spec.js')).logSpec,
  export: async () => (await import('./export-spec.js')).exportSpec,
  remote: async () => (await import('./remote-spec.js')).remoteSpec,
  hooks: async () => (await import('./hooks-spec.js')).hooksSpec,
  mcp: async () => (await import('./mcp-spec.js')).mcpSpec,
  doctor: async () => (await import('./doctor-spec.js')).doctorSpec,
  completion: async () => (await import('./completion-spec.js')).completionSpec,
};

/** All of them, for the full parser and its help. */
export function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

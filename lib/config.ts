import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LoreError } from './errors.js';

export interface LoreConfig {
  /** Absolute path of the session index file. */
  sessionIndex: string;
}

function loreHome(): string {
  return process.env.LORE_HOME ? resolve(process.env.LORE_HOME) : join(homedir(), '.lore');
}

/**
 * LORE_HOME wins over the config file (CONTRACT §1); otherwise the `sessionIndex`
 * key of the nearest lore config between `cwd` and `stopDir` (the repository's top).
 * cosmiconfig is loaded only when needed: it costs start-up time on every run.
 */
export async function loadConfig(cwd: string, stopDir?: string): Promise<LoreConfig> {
  if (process.env.LORE_HOME) return { sessionIndex: join(loreHome(), 'sessions.jsonl') };
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('lore', { searchStrategy: stopDir ? 'global' : 'none', stopDir });
  let found;
  try {
    found = await explorer.search(cwd);
  } catch (e) {
    throw new LoreError('BAD_CONFIG', `cannot read lore's configuration: ${(e as Error).message.split('\n')[0]}`);
  }
  const value = found?.config?.sessionIndex;
  if (value === undefined || value === null) return { sessionIndex: join(loreHome(), 'sessions.jsonl') };
  if (typeof value !== 'string' || value === '') {
    throw new LoreError('BAD_CONFIG', `sessionIndex in ${found!.filepath} must be a path`);
  }
  const expanded = value.startsWith('~/') ? join(homedir(), value.slice(2)) : value;
  return { sessionIndex: isAbsolute(expanded) ? expanded : resolve(dirname(found!.filepath), expanded) };
}

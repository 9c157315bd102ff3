import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

function dirMayHaveConfig(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  if (names.some((n) => n.startsWith('.lorerc') || n.startsWith('lore.config.'))) return true;
  if (names.includes('.config')) {
    try {
      if (readdirSync(join(dir, '.config')).some((n) => n.startsWith('lorerc'))) return true;
    } catch {
      // .config is a file: no config in it.
    }
  }
  if (names.includes('package.json')) {
    try {
      return /"lore"\s*:/.test(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * A cheap look at the places cosmiconfig would search (from `cwd` up to `stopDir`,
 * then the user's config directory), so that loading it, ~40 ms on every run, is
 * paid only where a lore config may exist.
 */
function mayHaveConfig(cwd: string, stopDir?: string): boolean {
  const global = [process.env.XDG_CONFIG_HOME, join(homedir(), '.config')].filter(Boolean) as string[];
  if (stopDir && global.some((d) => existsSync(join(d, 'lore')))) return true;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (dirMayHaveConfig(dir)) return true;
    if (!stopDir || dir === resolve(stopDir) || dirname(dir) === dir) return false;
  }
}

/**
 * LORE_HOME wins over the config file (CONTRACT §1); otherwise the `sessionIndex`
 * key of the nearest lore config between `cwd` and `stopDir` (the repository's top).
 * cosmiconfig is loaded only when needed: it costs start-up time on every run.
 */
export async function loadConfig(cwd: string, stopDir?: string): Promise<LoreConfig> {
  if (process.env.LORE_HOME || !mayHaveConfig(cwd, stopDir)) return { sessionIndex: join(loreHome(), 'sessions.jsonl') };
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

/** The clone's share level, `lore.share` in its git config (lore share): off unless set. */
import { LoreError } from '../errors.js';
import { GitFailed, gitRun } from './git-cli.js';
import { gitOutput } from './notes-sync.js';

export const SHARE_KEY = 'lore.share';
export const SHARE_CHOICES = ['summary', 'prompts', 'off'] as const;
export type ShareSetting = (typeof SHARE_CHOICES)[number];

/** What the config says; a value lore does not know is an error, never taken as a level. */
export async function readShareSetting(cwd: string): Promise<{ level: ShareSetting; set: boolean }> {
  const value = await gitOutput(cwd, ['config', '--get', SHARE_KEY]);
  if (value === null) return { level: 'off', set: false };
  if (!(SHARE_CHOICES as readonly string[]).includes(value)) {
    throw new LoreError('BAD_CONFIG', `${SHARE_KEY} is '${value}': it must be summary, prompts or off`, `Set it with: lore share summary|prompts|off`);
  }
  return { level: value as ShareSetting, set: true };
}

/** In the clone's own config (.git/config): sharing is a choice made per clone. */
export async function writeShareSetting(cwd: string, level: ShareSetting): Promise<void> {
  try {
    await gitRun(cwd, ['config', '--local', SHARE_KEY, level], undefined, '-C');
  } catch (e) {
    if (!(e instanceof GitFailed)) throw e;
    throw new LoreError('BAD_CONFIG', `could not set ${SHARE_KEY}: ${e.stderr.trim().split('\n')[0]}`, `Try it by hand: git config --local ${SHARE_KEY} ${level}`);
  }
}

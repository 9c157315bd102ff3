/** Every line `lore share` prints, in one place (what it writes to git: commands/sync-messages.ts). */
import type { ShareSetting } from '../git/share-config.js';
import type { RecordsSync } from '../commands/sync-records.js';

const WHAT: Record<ShareSetting, string> = {
  summary: 'each linked session\'s id, tool, model, times, branch, edited files, number of prompts and title',
  prompts: 'each linked session\'s summary and the user\'s prompts',
  off: 'nothing',
};

export const shareText = {
  set: (level: ShareSetting) =>
    level === 'off'
      ? 'Sharing is off for this clone: lore sync writes and pushes no session records.'
      : `Sharing ${level} for this clone: lore sync pushes ${WHAT[level]}, redacted, to refs/lore/sessions.`,
  /** What `off` cannot do: a pushed record is in the remote's history. */
  offHistory: 'Records already pushed stay in refs/lore/sessions and its history; lore share off does not rewrite them.',
  never: 'Assistant text and tool output are never shared.',
  status: (level: ShareSetting, set: boolean) => `Sharing: ${level}${set ? '' : ' (the default: lore.share is not set)'}`,
  sends: (level: ShareSetting) => `Sends: ${WHAT[level]}`,
  stored: (n: number, mine: number) => `Records in refs/lore/sessions here: ${n} (${mine} shared by you)`,
  jsonOnlyStatus: '--json goes with lore share status; setting the level prints text only',
  jsonOnlyStatusHint: 'Run: lore share status --json',
  json: (level: ShareSetting, set: boolean, n: number, mine: number) => ({ share: level, configured: set, records: n, shared_by_you: mine }),

  /** `lore sync`'s line about records, when any moved. */
  synced: (r: RecordsSync, remote: string) =>
    `Session records: wrote ${r.written}, pulled ${r.pulled}, pushed ${r.pushed} to ${remote}`,
};

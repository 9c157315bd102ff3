/** `lore share summary|prompts|off` and `lore share status`: the clone's choice, and what it has shared. */
import { readAllRecords } from '../git/session-records.js';
import { readShareSetting, writeShareSetting, type ShareSetting } from '../git/share-config.js';
import { openRepo } from '../git/nodegit-repo.js';
import { parseSharedRecord } from '../sessions/shared-record.js';

export interface ShareStatus {
  level: ShareSetting;
  /** False when lore.share is not set: off by default. */
  set: boolean;
  /** Records in the local refs/lore/sessions, and how many of them name this clone's user as who shared them. */
  records: number;
  mine: number;
}

export async function setShare(cwd: string, level: ShareSetting): Promise<void> {
  await openRepo(cwd); // outside a repository: the usual error, before any config is written
  await writeShareSetting(cwd, level);
}

export async function shareStatus(cwd: string): Promise<ShareStatus> {
  const repo = await openRepo(cwd);
  const [{ level, set }, files, email] = await Promise.all([readShareSetting(cwd), readAllRecords(repo.gitDir), repo.userEmail()]);
  let mine = 0;
  for (const text of files.values()) if (email !== null && parseSharedRecord(text)?.shared_by?.toLowerCase() === email.toLowerCase()) mine++;
  return { level, set, records: files.size, mine };
}


/**
 * What `lore sync` writes to git (the merge and fast-forward messages of refs/notes/lore
 * and refs/lore/sessions, the records' commit message) and the texts of the errors it
 * throws: data of the commands, shared by sync.ts, sync-records.ts and share-records.ts.
 */
const records = (n: number) => (n === 1 ? '1 session record' : `${n} session records`);

/** refs/notes/lore. */
export const linksMessages = {
  mergeMessage: (remote: string) => `lore: merge links from ${remote}\n`,
  fastForward: (remote: string) => `lore sync: fast-forward to ${remote}`,
  gaveUp: (remote: string, attempts: number) =>
    `${remote} kept changing: links not pushed after ${attempts} attempts; everything is kept locally`,
  gaveUpHint: 'Run lore sync again in a moment.',
};

/** refs/lore/sessions. */
export const recordsMessages = {
  commitMessage: (n: number) => `lore share: ${records(n)}\n`,
  mergeMessage: (remote: string) => `lore: merge session records from ${remote}\n`,
  fastForward: (remote: string) => `lore sync: fast-forward session records to ${remote}`,
  busy: 'refs/lore/sessions kept changing under lore; nothing was written',
  gaveUp: (remote: string, attempts: number) => `${remote} kept changing: session records not pushed after ${attempts} attempts; everything is kept locally`,
  gaveUpHint: 'Run lore sync again in a moment.',
};

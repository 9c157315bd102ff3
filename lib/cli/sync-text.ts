/** Every line `lore sync` and `lore remote setup` print, in one place. */
import type { SyncResult } from '../commands/sync.js';
import type { LinkCount } from '../links/merge.js';
import { carriedLines, carryJson } from './carry-text.js';
import { shareText } from './share-text.js';

const links = (c: LinkCount) => `${c.added} link(s)${c.removed > 0 ? ` and ${c.removed} unlink(s)` : ''}`;

export const syncText = {
  synced: (remote: string, pulled: LinkCount, pushed: LinkCount) => `Pulled ${links(pulled)}, pushed ${links(pushed)} to ${remote}`,
  /** The links carried onto the upstream (when any), then the summary line. */
  /** The records' line only when a record moved: a clone that shares nothing hears nothing of them. */
  lines: (r: SyncResult) => [
    ...(r.carried ? carriedLines(r.carried) : []),
    syncText.synced(r.remote, r.pulled, r.pushed),
    ...(r.records.written + r.records.pulled + r.records.pushed > 0 ? [shareText.synced(r.records, r.remote)] : []),
  ],
  json: (r: SyncResult) => ({ remote: r.remote, pulled: r.pulled, pushed: r.pushed, carried: r.carried && carryJson(r.carried), records: r.records }),

  setupAdded: (remote: string, refspec: string) =>
    `Added ${refspec} to remote.${remote}.fetch: git fetch ${remote} now brings ${refspec.includes('refs/lore/') ? 'session records' : 'links'} too`,
  setupAlready: (remote: string, refspec: string) => `remote.${remote}.fetch already has ${refspec}`,
  noLinksOnRemote: (remote: string) => [
    `Warning: ${remote} has no refs/notes/lore yet, so plain git fetch ${remote} fails until it does`,
    `hint: lore sync ${remote} pushes this clone's links and creates it (or link a commit first)`,
  ],
  setupNext: (remote: string) => `Fetched links and records are merged and shared by: lore sync ${remote}`,
  overwriting: (remote: string, refspec: string) =>
    `Warning: remote.${remote}.fetch has ${refspec}, which makes git fetch overwrite local links that are not pushed yet`,
  overwritingHint: (remote: string, refspec: string) =>
    `hint: lore sync does not need it; remove it with: git config --fixed-value --unset remote.${remote}.fetch '${refspec}'`,
};

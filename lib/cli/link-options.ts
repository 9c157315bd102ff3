import { optionTable } from './option-table.js';

const LINK_USAGE = `Link sessions to git commits

Usage:
  $0 <SESSION>... [OPTIONS]
  $0 --current [OPTIONS]
  $0 --auto [OPTIONS]
  $0 --auto --backfill [OPTIONS]`;

/** `lore link`'s grammar, which `git lore-link` shares. */
export const LINK_TABLE = optionTable(
  'link [sessions..]',
  { sessions: { describe: 'Session ids or unique prefixes' } },
  {
    commit: { type: 'string', default: 'HEAD', describe: 'Git ref to link to' },
    current: { type: 'boolean', default: false, describe: 'Find and link active sessions in current repo' },
    auto: { type: 'boolean', default: false, describe: 'Auto-link sessions based on heuristics' },
    backfill: { type: 'boolean', default: false, describe: 'With --auto, scan all ended sessions for backfill' },
    threshold: { type: 'string', default: '0.6', describe: 'Confidence threshold for --auto (0.0-1.0)' },
    yes: { type: 'boolean', default: false, describe: 'Apply auto-link suggestions without prompting' },
    'dry-run': { type: 'boolean', default: false, describe: 'Preview without making changes' },
    'all-authors': {
      type: 'boolean',
      default: false,
      describe: "With --backfill, also link commits whose author and committer are not you (git's identity, .mailmap applied); off by default so teammates' commits are never claimed",
    },
    json: { type: 'boolean', default: false, describe: 'Print what was (or would be) linked as one JSON object' },
  },
  LINK_USAGE,
);

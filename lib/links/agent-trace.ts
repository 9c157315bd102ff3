/**
 * Agent Trace records (the vendor-neutral format of cursor/agent-trace, v0.1) for linked
 * commits, so other tools can read lore's links: a record per commit, its added lines per
 * file, each linked session as a conversation over them.
 */
import type { LinkRecord } from './record.js';

export const AGENT_TRACE_VERSION = '0.1';

export interface TraceInput {
  sha: string;
  /** ISO 8601 UTC, to the second. */
  committedAt: string;
  files: { path: string; ranges: [number, number][] }[];
  links: LinkRecord[];
  loreVersion: string;
}

/**
 * A record's id is derived from its commit, so exporting twice gives the same records: a
 * UUID of version 8 (RFC 9562, "custom") whose bits are the commit's SHA.
 */
export function traceId(sha: string): string {
  const h = sha.slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** Where a reader finds the session: `lore show <id>` in a clone that has the links. */
export function sessionUrl(session: string): string {
  return `lore:session/${encodeURIComponent(session)}`;
}

export function traceRecord(t: TraceInput) {
  return {
    version: AGENT_TRACE_VERSION,
    id: traceId(t.sha),
    timestamp: t.committedAt,
    vcs: { type: 'git', revision: t.sha },
    tool: { name: 'lore', version: t.loreVersion },
    files: t.files.map((f) => ({
      path: f.path,
      conversations: t.links.map((l) => ({
        url: sessionUrl(l.session),
        contributor: { type: 'ai' },
        ranges: f.ranges.map(([start, end]) => ({ start_line: start, end_line: end })),
      })),
    })),
    metadata: {
      'dev.lore': {
        commit: t.sha,
        sessions: t.links.map((l) => ({ id: l.session, method: l.method, tool: l.tool ?? null, confidence: l.confidence ?? null, linked_by: l.linked_by ?? null })),
      },
    },
  };
}

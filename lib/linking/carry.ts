import type { LinkRecord } from '../links/record.js';

/** A linked branch segment: the linked commits between its fork point and `tip`. */
export interface Segment {
  tip: string;
  /** The linked commits of base..tip, newest first. */
  linked: string[];
  /** The patch-id of the whole segment's change, base to tip. */
  patchId: string;
}

export interface CarryInput {
  /** Commits that may have replaced linked ones: the range being carried onto. */
  targets: string[];
  /** Patch-ids of the targets (merges and empty commits have none). */
  targetIds: Map<string, string>;
  /** The records of every linked commit. */
  linked: Map<string, LinkRecord[]>;
  /** Patch-ids of the linked commits that still exist. */
  linkedIds: Map<string, string>;
  segments: Segment[];
}

/** One session's links to carry onto a commit, and the commits they come from. */
export interface CarryPlan {
  target: string;
  session: string;
  tool?: string;
  from: string[];
}

/**
 * `lore carry`: a commit that replaced linked commits gets their sessions. Only patch
 * identity decides, never a subject or a time: a target carries the links of a commit with
 * the same patch-id (a rebase merge, a cherry-pick) or, failing that, of every linked commit
 * of a branch segment whose whole change has its patch-id (a squash merge). A partial squash
 * has another patch-id, and carries nothing.
 */
export function planCarry(input: CarryInput): CarryPlan[] {
  const byId = new Map<string, string[]>();
  for (const [sha, id] of input.linkedIds) byId.set(id, [...(byId.get(id) ?? []), sha]);
  const segmentsById = new Map<string, Segment[]>();
  for (const s of input.segments) segmentsById.set(s.patchId, [...(segmentsById.get(s.patchId) ?? []), s]);

  const plans: CarryPlan[] = [];
  for (const target of input.targets) {
    const id = input.targetIds.get(target);
    if (id === undefined) continue;
    let sources = (byId.get(id) ?? []).filter((sha) => sha !== target);
    if (sources.length === 0) {
      const squashed = (segmentsById.get(id) ?? []).filter((s) => s.tip !== target && !s.linked.includes(target));
      sources = [...new Set(squashed.flatMap((s) => s.linked))];
    }
    plans.push(...sessionsOf(target, sources, input.linked));
  }
  return plans;
}

/** One plan per session among the sources' records, naming every source that links it. */
function sessionsOf(target: string, sources: string[], linked: Map<string, LinkRecord[]>): CarryPlan[] {
  const bySession = new Map<string, CarryPlan>();
  for (const sha of sources) {
    for (const r of linked.get(sha) ?? []) {
      const plan = bySession.get(r.session) ?? { target, session: r.session, tool: r.tool, from: [] };
      if (!plan.from.includes(sha)) plan.from.push(sha);
      bySession.set(r.session, plan);
    }
  }
  return [...bySession.values()].map((p) => ({ ...p, from: [...p.from].sort() })).sort((a, b) => (a.session < b.session ? -1 : 1));
}

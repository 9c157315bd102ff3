/**
 * A seeded replay of days of work in one repository, as it happens: the session index grows
 * line by line as agent hooks write it, and commits come at their own times with a known
 * answer. It models agent sessions that start, edit and end; agents that commit themselves
 * (committing_at); people committing an agent's work by hand, during the session or right
 * after it ends; hand-made commits of other files while an agent works; two agents side by
 * side; sessions that go idle, or crash and never end; tools without file data; teammates'
 * commits that arrive by fetch, with no hook.
 */
import { mulberry32 } from './random.js';

const MIN = 60_000;
export const AREAS = ['api', 'ui', 'lib', 'docs', 'db', 'auth', 'billing', 'search'];
/** A file any session may touch, so two agents side by side sometimes share one. */
export const SHARED_FILE = 'package.json';

/** An index line as a hook writes it: the contract's JSON, with `cwd` relative to the repo. */
export interface HookLine {
  id: string;
  tool?: string;
  cwd?: string;
  branch?: string;
  started_at?: string;
  ended_at?: string;
  files?: string[];
  seen_at?: string;
  committing_at?: string | null;
}

export type ReplayEvent =
  | { kind: 'line'; at: number; line: HookLine }
  /** A commit in the user's repository, where lore's hooks run; `madeBy` is the truth. */
  | { kind: 'commit'; at: number; files: string[]; madeBy: string | null; what: CommitKind }
  /** A teammate's commit, fetched into the user's repository; no hook runs for it. */
  | { kind: 'teammate'; at: number; files: string[] };

export type CommitKind = 'agent' | 'by-hand-of-agent-work' | 'after-end' | 'hand-made';

export interface Replay {
  start: number;
  events: ReplayEvent[];
  sessions: string[];
}

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function generateReplay(seed: number, days = 7): Replay {
  const rnd = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const filesOf = (area: string) => Array.from({ length: 6 }, (_, i) => `${area}/file${i}.ts`);
  const events: ReplayEvent[] = [];
  const sessions: string[] = [];
  const line = (at: number, l: HookLine) => events.push({ kind: 'line', at, line: l });
  const start = Date.parse('2026-01-05T09:00:00Z');
  let handMade = 0;

  for (let day = 0; day < days; day++) {
    const dayStart = start + day * 24 * 60 * MIN;
    let cursor = dayStart + between(0, 30) * MIN;
    let previous = cursor;
    const count = between(2, 3);
    for (let k = 0; k < count; k++) {
      const n = sessions.length;
      const id = `${seed.toString(16).padStart(4, '0')}${String(n).padStart(4, '0')}-0000-4000-8000-${String(day * 10 + k).padStart(12, '0')}`;
      sessions.push(id);
      const area = AREAS[(day * 3 + k + seed) % AREAS.length];
      const pool = filesOf(area);
      const hasFiles = rnd() >= 0.1;
      const tool = hasFiles ? 'claude-code' : 'aider';
      const inSubdir = rnd() < 0.25;
      // A third of the sessions start while the previous one still runs: two agents side by side.
      const begin = k > 0 && rnd() < 0.33 ? previous + between(5, 30) * MIN : cursor;
      previous = begin;
      const crashes = rnd() < 0.08;
      const idles = rnd() < 0.2;
      // A live-capture hook's first line says the session records its edits: `files: []`.
      const first: HookLine = { id, tool, cwd: inSubdir ? area : '', branch: 'main', started_at: iso(begin), seen_at: iso(begin) };
      line(begin, hasFiles ? { ...first, files: [] } : first);
      let t = begin;
      let pending = new Set<string>();
      const commits = rnd() < 0.15 ? 0 : between(1, 3);
      for (let c = 0; c < commits; c++) {
        // The agent edits a few files, a few minutes apart, then the work is committed.
        for (let e = between(1, 3); e > 0; e--) {
          t += between(3, 15) * MIN;
          const edited = [pick(pool), ...(rnd() < 0.1 ? [SHARED_FILE] : [])];
          edited.forEach((f) => pending.add(f));
          const recorded = edited.map((f) => (inSubdir && f.startsWith(`${area}/`) ? f.slice(area.length + 1) : f));
          line(t, hasFiles ? { id, files: recorded, seen_at: iso(t) } : { id, seen_at: iso(t) });
        }
        t += between(1, 4) * MIN;
        const files = [...pending];
        pending = new Set();
        if (rnd() < 0.35) {
          // The agent runs `git commit` itself: its hook says so before and after.
          line(t - 4000, { id, committing_at: iso(t - 4000), seen_at: iso(t - 4000) });
          events.push({ kind: 'commit', at: t, files, madeBy: id, what: 'agent' });
          line(t + 2000, { id, committing_at: null, seen_at: iso(t + 2000) });
        } else if (c === commits - 1 && !crashes && rnd() < 0.3) {
          // The last work is committed by hand right after the session ends.
          pending = new Set(files);
        } else {
          events.push({ kind: 'commit', at: t, files, madeBy: id, what: 'by-hand-of-agent-work' });
        }
      }
      // Now and then the user commits something else by hand while the agent works.
      if (rnd() < 0.2) events.push({ kind: 'commit', at: begin + between(2, Math.max(3, Math.round((t - begin) / MIN))) * MIN, files: [`notes/by-hand-${++handMade}.md`], madeBy: null, what: 'hand-made' });
      if (idles) t += between(40, 100) * MIN; // open, but idle: nothing recorded
      const end = t + between(2, 10) * MIN;
      if (!crashes) line(end, { id, ended_at: iso(end), seen_at: iso(end) });
      if (pending.size > 0) events.push({ kind: 'commit', at: end + between(1, 4) * MIN, files: [...pending], madeBy: id, what: 'after-end' });
      cursor = Math.max(cursor, end + between(5, 60) * MIN);
    }
    // Teammates' commits arrive through the day, by fetch.
    for (let m = between(1, 3); m > 0; m--) events.push({ kind: 'teammate', at: dayStart + between(0, 8 * 60) * MIN, files: [pick(filesOf(pick(AREAS)))] });
  }
  // In time order; at one instant, in the order written (a hook's line before the commit it precedes).
  const order = events.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  return { start, events: order.map((o) => o.e), sessions };
}

/**
 * A seeded generator of weeks of agent sessions and commits with known answers,
 * to judge --auto and --backfill on a realistic history rather than hand-picked cases.
 * It models: concurrent sessions on different files, feature branches, sessions in
 * subdirectories, commits right after a session ends, teammates' commits, hand-made
 * commits during a session, sessions that commit nothing, sessions without file data.
 */
import type { CommitFacts } from '../../lib/linking/facts.js';
import type { CompleteSession } from '../../lib/sessions/session.js';
import { mulberry32 } from './random.js';

export const ROOT = '/home/me/shop';
export const ME = 'me@example.com';
const MIN = 60_000;

export interface GeneratedCommit extends CommitFacts {
  files: string[];
  branches: string[];
  /** The session that made it, or null (teammate, by hand). */
  madeBy: string | null;
}

export interface History {
  sessions: CompleteSession[];
  commits: GeneratedCommit[];
}

const AREAS = ['api', 'ui', 'lib', 'docs', 'db', 'auth', 'billing', 'search'];

export function generateHistory(seed: number, days = 21): History {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const filesOf = (area: string) => Array.from({ length: 8 }, (_, i) => `${area}/file${i}.ts`);
  const sessions: CompleteSession[] = [];
  const commits: GeneratedCommit[] = [];
  let n = 0;
  const sha = () => (++n).toString(16).padStart(40, '0');
  const addCommit = (time: number, files: string[], branches: string[], madeBy: string | null, email = ME) =>
    commits.push({ sha: sha(), subject: `commit ${n}`, authorTime: time, committerTime: time, authorEmail: email, committerEmail: email, files, branches, madeBy });

  const start = Date.parse('2026-01-05T08:00:00Z');
  for (let day = 0; day < days; day++) {
    if (day % 7 >= 5) continue;
    const dayStart = start + day * 24 * 60 * MIN;
    const count = between(1, 4);
    let cursor = dayStart + between(0, 60) * MIN;
    for (let k = 0; k < count; k++) {
      const id = `${seed.toString(16).padStart(4, '0')}${String(sessions.length).padStart(4, '0')}-0000-4000-8000-${String(day * 10 + k).padStart(12, '0')}`;
      const area = AREAS[(day * 3 + k) % AREAS.length];
      const pool = filesOf(area);
      const inSubdir = rnd() < 0.25;
      const branch = rnd() < 0.4 ? `feature/${area}-${day}` : 'main';
      const duration = between(20, 150) * MIN;
      // A third of sessions overlap the previous one: two agents side by side.
      const begin = k > 0 && rnd() < 0.33 ? cursor - between(10, 40) * MIN : cursor;
      const end = begin + duration;
      cursor = end + between(5, 90) * MIN;
      const touched = new Set<string>();
      const commitsMade = rnd() < 0.2 ? 0 : between(1, 4);
      for (let c = 0; c < commitsMade; c++) {
        const files = Array.from(new Set(Array.from({ length: between(1, 4) }, () => pick(pool))));
        files.forEach((f) => touched.add(f));
        // Most commits inside the window; some in the minutes right after it ends.
        const t = rnd() < 0.15 ? end + between(0, 4) * MIN : begin + Math.floor(rnd() * duration);
        addCommit(t, files, [branch], id);
      }
      if (rnd() < 0.5) touched.add(pick(pool));
      const hasFiles = rnd() >= 0.2;
      const cwd = inSubdir ? `${ROOT}/${area}` : ROOT;
      const recorded = [...touched].map((f) => (inSubdir ? (rnd() < 0.5 ? f.slice(area.length + 1) : `${ROOT}/${f}`) : rnd() < 0.5 ? f : `./${f}`));
      sessions.push({ id, cwd, branch, branches: [branch], startedAt: begin, endedAt: end, files: hasFiles ? recorded : null, tool: 'claude-code' });
      // Now and then the user fixes something by hand while the agent works.
      if (rnd() < 0.2) addCommit(begin + Math.floor(rnd() * duration), [`docs/by-hand-${day}-${k}.md`], [branch], null);
    }
    // Teammates commit through the day, pulled into the local history.
    for (let t = 0; t < between(1, 5); t++) addCommit(dayStart + between(0, 10 * 60) * MIN, [pick(filesOf(pick(AREAS)))], ['main'], null, 'mate@example.com');
  }
  return { sessions, commits };
}

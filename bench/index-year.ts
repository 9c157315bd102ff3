/**
 * A year of agent hooks in the session index (full size: 3,000 sessions of 300 edits each,
 * ~900k lines) against an index of the same shape that holds only what the command needs:
 * the post-commit hook's `lore link --current` against an index of the active session
 * alone, `lore sessions --limit 20` and `lore show <id>` against a 20-session index. The
 * year is folded once before timing (the first command after upgrading pays for that).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generatedId, writeIndex } from '../test/helpers/index-generator.js';
import { benchEnv, git, initRepo } from './data.js';
import { compare, LORE, LORE_JS, row, type BenchOptions, type Measurement, type Row } from './harness.js';

const ACTIVE = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
const FROM = Date.parse('2025-01-06T09:00:00Z');

export async function indexWorkloads(o: BenchOptions): Promise<Row[]> {
  const { size } = o;
  const dir = join(o.root, 'index');
  const env = benchEnv(dir);
  const repo = initRepo(join(dir, 'repo'), env);
  git(repo, env, ['commit', '-q', '--allow-empty', '-m', 'the commit the hook links']);
  const sha = git(repo, env, ['rev-parse', 'HEAD']);
  // Each case its own LORE_HOME: the year, the active session alone, 20 sessions.
  const home = (name: string) => ({ ...env, LORE_HOME: join(dir, name) });
  const [year, alone, twenty] = [home('year'), home('alone'), home('twenty')];
  const index = (e: NodeJS.ProcessEnv) => join(e.LORE_HOME!, 'sessions.jsonl');
  writeIndex(index(year), { sessions: size.yearSessions, edits: size.yearEdits, seed: 1, cwd: repo, from: FROM });
  writeIndex(index(twenty), { sessions: 20, edits: size.yearEdits, seed: 1, cwd: repo, from: FROM });
  const active = JSON.stringify({ id: ACTIVE, tool: 'claude-code', cwd: repo, branch: 'main', started_at: new Date().toISOString(), ended_at: null }) + '\n';
  for (const e of [year, alone]) {
    mkdirSync(e.LORE_HOME!, { recursive: true });
    appendFileSync(index(e), active);
  }
  for (const e of [year, twenty]) execFileSync(process.execPath, [LORE_JS, 'sessions', '--limit', '0'], { cwd: repo, env: e, stdio: 'ignore' }); // the one fold

  const opts = { cwd: repo, env, runs: o.runs, warmUp: size.warmUp, reset: () => git(repo, env, ['update-ref', '-d', 'refs/notes/lore']) };
  const withEnv = (e: NodeJS.ProcessEnv, cmd: string[]) => ['env', `LORE_HOME=${e.LORE_HOME}`, ...cmd];
  const yearName = `${size.yearSessions} sessions × ${size.yearEdits} edits`;
  const rows: Row[] = [];
  const add = (id: string, workload: string, [m, base]: Measurement[], baseline: string, limit: number) => {
    const r = row({ id, workload, lore: m, baseline: { name: baseline, m: base }, target: `< ${limit}x`, met: false });
    rows.push({ ...r, met: r.ratio! < limit });
  };

  const current = [...LORE, 'link', '--current', '--commit', sha];
  add('hook-year-index', `lore link --current (the hook), index of ${yearName}`, await compare([{ cmd: withEnv(year, current) }, { cmd: withEnv(alone, current) }], opts), 'the same, the active session alone', 1.5);
  const list = [...LORE, 'sessions', '--limit', '20'];
  add('sessions-year-index', `lore sessions --limit 20, index of ${yearName}`, await compare([{ cmd: withEnv(year, list) }, { cmd: withEnv(twenty, list) }], opts), 'the same, 20 sessions', 2);
  const show = [...LORE, 'show', generatedId(1, 7).slice(0, 8), '--json'];
  add('show-year-index', `lore show <id>, index of ${yearName}`, await compare([{ cmd: withEnv(year, show) }, { cmd: withEnv(twenty, show) }], opts), 'the same, 20 sessions', 2);
  return rows;
}

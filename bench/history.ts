/**
 * The linking workloads on a history of git/git's shape (see real-history.ts): the
 * backfill of a year of sessions against one `git log --all` walk, and `--auto` on the
 * commit just made, without a commit-graph (as after a clone) and with one (after gc).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, git } from './data.js';
import { compare, LORE, row, type BenchOptions, type Row } from './harness.js';
import { addRealSessions, makeRealHistory } from './real-history.js';

const WALK_RATIO = 3;
const AUTO_MS = 400;
const MAX_RSS_MIB = 200;

export async function historyWorkloads(o: BenchOptions): Promise<Row[]> {
  const { size } = o;
  const dir = join(o.root, 'history');
  const env = benchEnv(dir);
  const h = makeRealHistory(join(dir, 'repo'), env, size.realCommits, 41);
  addRealSessions(join(env.LORE_HOME!, 'sessions.jsonl'), h, size.realSessions, 42);
  const graph = join(h.dir, '.git/objects/info/commit-graph');
  rmSync(graph, { force: true });
  const opts = { cwd: h.dir, env, runs: o.runs, warmUp: size.warmUp, reset: () => git(h.dir, env, ['update-ref', '-d', 'refs/notes/lore']) };
  const world = `${h.commits} commits, git/git's shape, ${size.realSessions} sessions`;
  const rows: Row[] = [];

  const [backfill, walk] = await compare([{ cmd: [...LORE, 'link', '--auto', '--backfill', '--dry-run'] }, { cmd: ['git', 'log', '--all', '--format=%H%x00%ct%x00%ae'] }], opts);
  const ratio = backfill.medianMs / walk.medianMs;
  rows.push(
    row({
      id: 'history-backfill',
      workload: `lore link --auto --backfill --dry-run (${world})`,
      lore: backfill,
      baseline: { name: 'git log --all --format=%H%x00%ct%x00%ae', m: walk },
      target: `within ${WALK_RATIO}x of the walk; < ${MAX_RSS_MIB} MiB`,
      met: ratio <= WALK_RATIO && backfill.peakRssMiB < MAX_RSS_MIB,
    }),
  );

  // Node's bare start-up, by turns with each: on a busy machine it tells load from lore.
  const auto = async (id: string, workload: string) => {
    const [m, node] = await compare([{ cmd: [...LORE, 'link', '--auto', '--yes', '--commit', 'master'] }, { cmd: [process.execPath, '-e', ''] }], opts);
    const note = `node start-up +${(m.medianMs - node.medianMs).toFixed(0)} ms`;
    rows.push(row({ id, workload, lore: m, baseline: { name: 'node -e ""', m: node }, note, target: `< ${AUTO_MS} ms`, met: m.medianMs < AUTO_MS }));
  };
  await auto('history-auto', `lore link --auto, no commit-graph (${world})`);
  git(h.dir, env, ['commit-graph', 'write', '--reachable']);
  await auto('history-auto-graph', '  same, with a commit-graph');
  return rows;
}

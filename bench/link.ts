/**
 * The linking workloads on one deterministic world: a big repository (5 branches, a
 * 50-file commit at the tip of main), two small ones, and a session index over all three.
 * `lore link <id>` against `git notes add`; `--auto --backfill --dry-run` against a
 * per-session rev-list loop (timed on a sample, scaled) and one `git log --all` walk;
 * `--auto` on the 50-file commit.
 */
import { join } from 'node:path';
import { addSessions, benchEnv, git, makeRepo } from './data.js';
import { compare, LORE, measure, measureShell, row, type BenchOptions, type Row } from './harness.js';

export async function linkWorkloads(o: BenchOptions): Promise<Row[]> {
  const { size } = o;
  const dir = join(o.root, 'link');
  const env = benchEnv(dir);
  const index = join(env.LORE_HOME!, 'sessions.jsonl');
  const big = makeRepo(join(dir, 'big'), env, size.commits, 5, 1, 50);
  const b = makeRepo(join(dir, 'b'), env, size.small, 2, 2);
  const c = makeRepo(join(dir, 'c'), env, size.small, 2, 3);
  const [nBig, nB] = [Math.round(size.sessions * 0.7), Math.round(size.sessions * 0.15)];
  const bigSessions = addSessions(index, big, nBig, 11, 1);
  addSessions(index, b, nB, 12, 2);
  addSessions(index, c, size.sessions - nBig - nB, 13, 3);
  const opts = { cwd: big.dir, env, runs: o.runs, warmUp: o.size.warmUp, reset: () => git(big.dir, env, ['update-ref', '-d', 'refs/notes/lore']) };
  const rows: Row[] = [];

  const [linkM, notesAdd] = await compare(
    [{ cmd: [...LORE, 'link', bigSessions[0].id.slice(0, 8)] }, { cmd: ['git', 'notes', '--ref=lore', 'add', '-f', '-m', '{"v":1}', 'HEAD'] }],
    opts,
  );
  rows.push(row({ id: 'link-id', workload: 'lore link <id>', lore: linkM, baseline: { name: 'git notes --ref=lore add -m …', m: notesAdd }, target: '< 250 ms', met: linkM.medianMs < 250 }));

  // Backfill: the loop is timed once on a sample (it is the slow one) and scaled.
  const sample = bigSessions.slice(0, size.loopSessions);
  const loop = sample.map((s) => `git rev-list --branches HEAD --since=${s.startedAt} --until=${s.endedAt} >/dev/null`).join('\n');
  const loopM = await measureShell(loop, { ...opts, runs: 1 });
  const scale = size.sessions / sample.length;
  const [backfillM, walkM] = await compare([{ cmd: [...LORE, 'link', '--auto', '--backfill', '--dry-run'] }, { cmd: ['git', 'log', '--all', '--format=%H%x00%ct%x00%ae'] }], opts);
  const world = `${size.commits} commits on 5 branches, ${size.sessions} sessions in 3 repos`;
  const speedup = (loopM.medianMs * scale) / backfillM.medianMs;
  rows.push(
    row({
      id: 'backfill-vs-loop',
      workload: `lore link --auto --backfill --dry-run (${world})`,
      lore: backfillM,
      baseline: { name: `rev-list loop, ${sample.length} sessions timed, x${scale}`, m: loopM, scale },
      note: `${speedup.toFixed(1)}x faster than the loop`,
      target: '< 2 s; >= 30x faster than the loop',
      met: backfillM.medianMs < 2000 && speedup >= 30,
    }),
  );
  const overWalk = backfillM.medianMs / walkM.medianMs;
  rows.push(
    row({
      id: 'backfill-vs-walk',
      workload: '  same, against one history walk',
      lore: backfillM,
      baseline: { name: 'git log --all --format=%H%x00%ct%x00%ae', m: walkM },
      target: 'within 10x of the walk',
      met: overWalk <= 10,
    }),
  );

  // --auto on the 50-file commit at the tip of main (the last commit is on main when commits % 5 == 0).
  const autoM = await measure([...LORE, 'link', '--auto', '--yes', '--commit', 'main'], opts);
  rows.push(row({ id: 'auto-50-files', workload: `lore link --auto, 50-file commit, ${size.sessions} sessions`, lore: autoM, target: '< 400 ms', met: autoM.medianMs < 400 }));
  return rows;
}

/**
 * What writing costs a backfill: `--auto --backfill --yes` writing `links` links against
 * its own `--dry-run`, which plans the same links and writes nothing. One repository with
 * one ended session per commit, each session's window and files holding just that commit.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, git, makeRepo } from './data.js';
import { compare, LORE, row, type BenchOptions, type Row } from './harness.js';

const TARGET_RATIO = 3;

export async function backfillApplyWorkloads(o: BenchOptions): Promise<Row[]> {
  const n = o.size.links;
  const dir = join(o.root, 'backfill-apply');
  const env = benchEnv(dir);
  const repo = makeRepo(join(dir, 'repo'), env, n, 1, 31);
  const lines = repo.times.map((t, i) =>
    JSON.stringify({
      id: `5e${i.toString(16).padStart(6, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
      tool: 'claude-code',
      cwd: repo.dir,
      started_at: new Date((t - 60) * 1000).toISOString(),
      ended_at: new Date((t + 60) * 1000).toISOString(),
      files: repo.files[i],
    }),
  );
  appendFileSync(join(env.LORE_HOME!, 'sessions.jsonl'), lines.join('\n') + '\n');
  const reset = () => git(repo.dir, env, ['update-ref', '-d', 'refs/notes/lore']);
  let written = 0;
  // Before each dry run, the apply just before it is checked: it wrote every link.
  const countThenReset = () => {
    written = git(repo.dir, env, ['notes', '--ref=lore', 'list']).split('\n').filter((l) => l !== '').length;
    reset();
  };
  const backfill = [...LORE, 'link', '--auto', '--backfill'];
  const [apply, dryRun] = await compare([{ cmd: [...backfill, '--yes'] }, { cmd: [...backfill, '--dry-run'], reset: countThenReset }], {
    cwd: repo.dir,
    env,
    runs: o.runs,
    warmUp: o.size.warmUp,
    reset,
  });
  // A fifth of the commits are a teammate's, which backfill leaves alone.
  if (written < n * 0.7) throw new Error(`the backfill wrote ${written} notes, expected about ${n * 0.8}`);
  const ratio = apply.medianMs / dryRun.medianMs;
  return [
    row({
      id: 'backfill-apply',
      workload: `lore link --auto --backfill --yes, ${written} links written`,
      lore: apply,
      baseline: { name: 'the same with --dry-run', m: dryRun },
      target: `within ${TARGET_RATIO}x of the dry run`,
      met: ratio <= TARGET_RATIO,
    }),
  ];
}

/**
 * `lore sync` when both sides linked every one of n commits the other has not seen (each
 * note needs a line-by-line merge), against git's own `git fetch` + `git notes merge -s
 * cat_sort_uniq` + `git push` on the same data. Every run starts from fresh copies of the
 * remote and of our clone (made untimed), so no run profits from another.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, data, fastImport, git, initRepo, ME, noteLine } from './data.js';
import { compare, LORE, row, type BenchOptions, type Row } from './harness.js';

const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
const session = (side: number, i: number) => `${side}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const committer = (t: number) => `committer Me <${ME}> ${t} +0000\n`;

export async function syncWorkloads(o: BenchOptions): Promise<Row[]> {
  const n = o.size.links;
  const dir = join(o.root, 'sync');
  const env = benchEnv(dir);
  // n + 1 commits, and a shared notes commit (one link, on the first) as the merge base.
  const seed = initRepo(join(dir, 'seed'), env);
  const commits = Array.from({ length: n + 1 }, (_, i) => `commit refs/heads/main\nmark :${i + 1}\n${committer(T0 + i * 60)}${data(`commit ${i}`)}`);
  const base = `commit refs/notes/lore\n${committer(T0)}${data('base')}N inline :1\n${data(noteLine(session(9, 0)) + '\n')}`;
  const marks = join(dir, 'marks');
  fastImport(seed, env, commits.join('') + base, [`--export-marks=${marks}`]);
  const byMark = readFileSync(marks, 'utf8').trim().split('\n').map((l) => l.split(' '));
  const shas = byMark.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1))).map(([, sha]) => sha);
  const remote = initRepo(join(dir, 'remote.git'), env, true);
  git(seed, env, ['push', '-q', remote, 'main', 'refs/notes/lore']);

  // Two clones, each linking a session of its own to every commit after the first.
  const side = (k: number) => {
    const clone = join(dir, `side${k}`);
    git(dir, env, ['clone', '-q', remote, clone]);
    git(clone, env, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore']);
    const notes = shas.slice(1).map((sha, i) => `N inline ${sha}\n${data(noteLine(session(k, i)) + '\n')}`).join('');
    fastImport(clone, env, `commit refs/notes/lore\n${committer(T0 + k)}${data(`side ${k}`)}from refs/notes/lore^0\n${notes}`);
    return clone;
  };
  const [theirs, ours] = [side(1), side(2)];
  git(theirs, env, ['push', '-q', 'origin', 'refs/notes/lore']);

  const fresh = (name: string) => {
    const r = join(dir, `${name}-remote.git`);
    const c = join(dir, `${name}-clone`);
    return {
      r,
      c,
      reset: () => {
        for (const p of [r, c]) rmSync(p, { recursive: true, force: true });
        cpSync(remote, r, { recursive: true });
        cpSync(ours, c, { recursive: true });
        git(c, env, ['remote', 'set-url', 'origin', r]);
      },
    };
  };
  const [a, b] = [fresh('lore'), fresh('git')];
  const baseline = [
    'git fetch -q origin +refs/notes/lore:refs/notes/remotes/origin/lore',
    'git notes --ref=lore merge -q -s cat_sort_uniq refs/notes/remotes/origin/lore',
    'git push -q origin refs/notes/lore',
  ].join(' && ');
  const [syncM, gitM] = await compare(
    [
      { cmd: [...LORE, 'sync'], cwd: a.c, reset: a.reset },
      { cmd: ['bash', '-c', baseline], cwd: b.c, reset: b.reset },
    ],
    { cwd: dir, env, runs: o.runs, warmUp: o.size.warmUp },
  );
  // Both must have left every link of both sides on the remote.
  for (const r of [a.r, b.r]) {
    const count = git(r, env, ['notes', '--ref=lore', 'list']).split('\n').length;
    const lines = git(r, env, ['notes', '--ref=lore', 'show', shas[1]]).split('\n').length;
    if (count !== n + 1 || lines !== 2) throw new Error(`${r} has ${count} notes, ${lines} line(s) on the second commit: links lost`);
  }
  return [
    row({
      id: 'sync',
      workload: `lore sync, ${n} links each side lacks`,
      lore: syncM,
      baseline: { name: 'git fetch + notes merge -s cat_sort_uniq + push', m: gitM },
      target: '< 3 s',
      met: syncM.medianMs < 3000,
    }),
  ];
}

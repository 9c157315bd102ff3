/**
 * `lore sync` when both sides linked every one of n commits the other has not seen (each
 * note needs a line-by-line merge), against git's own `git fetch` + `git notes merge -s
 * cat_sort_uniq` + `git push` on the same data. Our side also linked a 3-commit branch that
 * the server squash-merged, so sync has links to carry; it is measured with carrying (the
 * default) and with --no-carry, whose difference is what carrying costs. Every run starts
 * from fresh copies of the remote and of our clone (made untimed), so no run profits from
 * another.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, data, fastImport, git, initRepo, ME, noteLine } from './data.js';
import { compare, LORE, row, type BenchOptions, type Row } from './harness.js';

const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
const session = (side: number, i: number) => `${side}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const committer = (t: number) => `committer Me <${ME}> ${t} +0000\n`;
const file = (path: string, text: string) => `M 100644 inline ${path}\n${data(text)}`;

/** A branch of three commits forked from mark `from`, and the squash merge of it onto main: marks from+1..from+4. */
function squashMergedBranch(from: number): string {
  const at = (k: number) => committer(T0 + (from + k) * 60);
  const changes = [file('f/a.txt', 'a1\n'), file('f/b.txt', 'b1\n'), file('f/a.txt', 'a1\na2\n')];
  const branch = changes.map((change, i) => `commit refs/heads/feature\nmark :${from + 1 + i}\n${at(i + 1)}${data(`feature ${i}`)}${i === 0 ? `from :${from}\n` : ''}${change}`);
  const squash = `commit refs/heads/main\nmark :${from + 4}\n${at(4)}${data('Feature (#1)')}from :${from}\n${file('f/a.txt', 'a1\na2\n')}${file('f/b.txt', 'b1\n')}`;
  return branch.join('') + squash;
}

export async function syncWorkloads(o: BenchOptions): Promise<Row[]> {
  const n = o.size.links;
  const dir = join(o.root, 'sync');
  const env = benchEnv(dir);
  // n + 1 commits, and a shared notes commit (one link, on the first) as the merge base.
  const seed = initRepo(join(dir, 'seed'), env);
  const commits = Array.from({ length: n + 1 }, (_, i) => `commit refs/heads/main\nmark :${i + 1}\n${committer(T0 + i * 60)}${data(`commit ${i}`)}`);
  const base = `commit refs/notes/lore\n${committer(T0)}${data('base')}N inline :1\n${data(noteLine(session(9, 0)) + '\n')}`;
  const marks = join(dir, 'marks');
  fastImport(seed, env, commits.join('') + squashMergedBranch(n + 1) + base, [`--export-marks=${marks}`]);
  const byMark = readFileSync(marks, 'utf8').trim().split('\n').map((l) => l.split(' '));
  const all = byMark.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1))).map(([, sha]) => sha);
  const [shas, feature, squash] = [all.slice(0, n + 1), all.slice(n + 1, n + 4), all[n + 4]];
  const remote = initRepo(join(dir, 'remote.git'), env, true);
  git(seed, env, ['push', '-q', remote, 'main', 'feature', 'refs/notes/lore']);

  // Two clones, each linking a session of its own to every commit after the first.
  const side = (k: number) => {
    const clone = join(dir, `side${k}`);
    git(dir, env, ['clone', '-q', remote, clone]);
    git(clone, env, ['fetch', '-q', 'origin', 'refs/notes/lore:refs/notes/lore']);
    // Our side also linked the branch the server squash-merged, a session per commit.
    const linked = k === 2 ? [...shas.slice(1), ...feature] : shas.slice(1);
    const notes = linked.map((sha, i) => `N inline ${sha}\n${data(noteLine(session(k, i)) + '\n')}`).join('');
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
  const [a, b, c] = [fresh('lore'), fresh('git'), fresh('lore-no-carry')];
  const baseline = [
    'git fetch -q origin +refs/notes/lore:refs/notes/remotes/origin/lore',
    'git notes --ref=lore merge -q -s cat_sort_uniq refs/notes/remotes/origin/lore',
    'git push -q origin refs/notes/lore',
  ].join(' && ');
  const [syncM, gitM, noCarryM] = await compare(
    [
      { cmd: [...LORE, 'sync'], cwd: a.c, reset: a.reset },
      { cmd: ['bash', '-c', baseline], cwd: b.c, reset: b.reset },
      { cmd: [...LORE, 'sync', '--no-carry'], cwd: c.c, reset: c.reset },
    ],
    { cwd: dir, env, runs: o.runs, warmUp: o.size.warmUp },
  );
  // Each must have left every link of both sides on the remote; lore sync also the three
  // carried onto the squash commit.
  for (const [r, carried] of [[a.r, 1], [b.r, 0], [c.r, 0]] as const) {
    const count = git(r, env, ['notes', '--ref=lore', 'list']).split('\n').length;
    const lines = git(r, env, ['notes', '--ref=lore', 'show', shas[1]]).split('\n').length;
    if (count !== n + 4 + carried || lines !== 2) throw new Error(`${r} has ${count} notes, ${lines} line(s) on the second commit: links lost`);
  }
  const onSquash = git(a.r, env, ['notes', '--ref=lore', 'show', squash]).split('\n').length;
  if (onSquash !== 3) throw new Error(`lore sync carried ${onSquash} link(s) onto the squash merge, not 3`);
  return [
    row({
      id: 'sync',
      workload: `lore sync, ${n} links each side lacks`,
      lore: syncM,
      baseline: { name: 'git fetch + notes merge -s cat_sort_uniq + push', m: gitM },
      target: '< 3 s',
      met: syncM.medianMs < 3000,
    }),
    row({
      id: 'sync-carry',
      workload: `lore sync carrying 3 links onto a squash merge, ${n} links each side lacks`,
      lore: syncM,
      baseline: { name: 'lore sync --no-carry', m: noCarryM },
      target: 'reference',
      met: null,
    }),
  ];
}

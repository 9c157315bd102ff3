/**
 * What lore's post-commit hook costs a `git commit`: commits in a repository without
 * hooks and in a copy with `lore hooks install`, taken by turns so both see the same
 * load, first with no active session (an index of ended ones), then with one. Also
 * node's bare start-up, the floor of any hook that starts lore.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { addSessions, benchEnv, git, makeRepo } from './data.js';
import { compare, LORE_JS, measure, row, type BenchOptions, type Measurement, type Row } from './harness.js';

const ACTIVE = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
const COMMIT = ['git', 'commit', '-q', '--allow-empty', '-m', 'bench'];

export async function hookWorkloads(o: BenchOptions): Promise<Row[]> {
  const dir = join(o.root, 'hook');
  const env = benchEnv(dir);
  // The hook runs `lore` from PATH when it is there: make that this checkout's.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(LORE_JS, join(bin, 'lore'));
  env.PATH = `${bin}:${env.PATH}`;
  const plain = makeRepo(join(dir, 'plain'), env, o.size.small, 2, 4).dir;
  const hookedRepo = makeRepo(join(dir, 'hooked'), env, o.size.small, 2, 4);
  const hooked = hookedRepo.dir;
  execFileSync(process.execPath, [LORE_JS, 'hooks', 'install'], { cwd: hooked, env, stdio: 'pipe' });
  const index = join(env.LORE_HOME!, 'sessions.jsonl');
  addSessions(index, hookedRepo, o.size.sessions, 21, 4); // all ended months ago: none is current

  const notes = () => git(hooked, env, ['notes', '--ref=lore', 'list']).split('\n').filter(Boolean).length;
  // With a session the hook links in the background after git returns: let it finish
  // (untimed) before the next run, so runs do not overlap.
  const settle = (background: boolean) => () => {
    if (background) execFileSync('sleep', ['1']);
  };
  const pair = async (background = false): Promise<[Measurement, Measurement]> => {
    const cases = [
      { cmd: COMMIT, cwd: plain },
      { cmd: COMMIT, cwd: hooked, reset: settle(background) },
    ];
    const [p, h] = await compare(cases, { cwd: plain, env, runs: o.size.commitRuns, warmUp: o.size.warmUp });
    settle(background)();
    return [p, h];
  };
  const rows: Row[] = [];
  const add = (id: string, what: string, limit: number, [p, h]: [Measurement, Measurement]) => {
    const overhead = h.medianMs - p.medianMs;
    rows.push(
      row({
        id,
        workload: `git commit with lore's hook, ${what}`,
        lore: h,
        baseline: { name: 'git commit without hook', m: p },
        note: `overhead ${overhead >= 0 ? '+' : ''}${overhead.toFixed(0)} ms`,
        target: `overhead < ${limit} ms`,
        met: overhead < limit,
      }),
    );
  };

  add('commit-no-session', `no active session (${o.size.sessions} ended in the index)`, 60, await pair());
  if (notes() !== 0) throw new Error('the hook linked a commit with no active session');
  appendFileSync(index, JSON.stringify({ id: ACTIVE, tool: 'claude-code', cwd: hooked, started_at: new Date().toISOString() }) + '\n');
  add('commit-1-session', '1 active session (links in the background)', 250, await pair(true));
  if (notes() === 0) throw new Error('the hook linked nothing with an active session: the bench measured a broken hook');

  const node = await measure([process.execPath, '-e', '0'], { cwd: plain, env, runs: o.size.commitRuns, warmUp: o.size.warmUp });
  rows.push(row({ id: 'node-startup', workload: '  (node -e 0: the start-up floor of any hook running lore)', lore: node, target: '—', met: null }));
  return rows;
}

/**
 * What lore's post-commit hook costs a `git commit`: median wall time of commits in a repository
 * without hooks and in one with `lore hooks install`, taken in turns in the same run, first with
 * no active session, then with one. Then where the no-session time goes: node's start-up, yargs,
 * and `lore link --current` itself. Usage: node --import tsx bench/hook-commit.ts [runs]
 * (default 10). Build first (npx tsc -p tsconfig.json): the hook runs bin/lore.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LORE_BIN = join(PROJECT, 'bin/lore.js');
const SESSION = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
const RUNS = Number(process.argv[2] ?? 10);
const WARM_UP = 2;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Took {
  wall: number;
  /** user + system CPU ms of the command and everything it ran (git, the hook, node). */
  cpu: number;
}

/**
 * Runs one command under sh, whose `times` then gives the CPU its children used: on a
 * loaded machine wall time mostly measures the others' work, CPU time much less so
 * (10 ms ticks, hence means for CPU). A failure stops the bench.
 */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Took {
  const start = process.hrtime.bigint();
  const r = spawnSync('/bin/sh', ['-c', '"$@"; s=$?; times >&2; exit $s', 'sh', cmd, ...args], { cwd, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const children = r.stderr.trimEnd().split('\n').at(-1)!.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  if (!children) throw new Error(`cannot read the CPU time of ${cmd}: ${r.stderr}`);
  const [, um, us, sm, ss] = children.map(Number);
  return { wall, cpu: (um * 60 + us + sm * 60 + ss) * 1000 };
}

function makeRepo(dir: string, env: NodeJS.ProcessEnv): string {
  mkdirSync(dir, { recursive: true });
  for (const args of [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Bench'], ['config', 'user.email', 'bench@example.com']]) run('git', args, dir, env);
  return dir;
}

const commitArgs = ['commit', '-q', '--allow-empty', '-m', 'bench'];

/** Commits in the plain and the hooked repository by turns, so both see the same machine load. */
function compare(label: string, plain: string, hooked: string, env: NodeJS.ProcessEnv): void {
  const took = { plain: [] as Took[], hooked: [] as Took[] };
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const p = run('git', commitArgs, plain, env);
    const h = run('git', commitArgs, hooked, env);
    if (i < WARM_UP) continue;
    took.plain.push(p);
    took.hooked.push(h);
  }
  const [p, h] = [median(took.plain.map((t) => t.wall)), median(took.hooked.map((t) => t.wall))];
  const [pc, hc] = [mean(took.plain.map((t) => t.cpu)), mean(took.hooked.map((t) => t.cpu))];
  console.log(`${label}, ${RUNS} commits each:`);
  console.log(`  wall, median: ${p.toFixed(0)} ms without the hook, ${h.toFixed(0)} ms with it: +${(h - p).toFixed(0)} ms (x${(h / p).toFixed(1)})`);
  console.log(`  CPU, mean:    ${pc.toFixed(0)} ms without the hook, ${hc.toFixed(0)} ms with it: +${(hc - pc).toFixed(0)} ms`);
}

/** The parts of the no-session hook run, each measured alone. */
function breakdown(repo: string, env: NodeJS.ProcessEnv): void {
  const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, env, encoding: 'utf8' }).stdout.trim();
  const parts: [string, string, string[]][] = [
    ['node start-up (node -e 0)', process.execPath, ['-e', '0']],
    ['node + import yargs', process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(PROJECT, 'node_modules/yargs/index.mjs'))})`]],
    ['lore --help (node + yargs + lore CLI)', process.execPath, [LORE_BIN, '--help']],
    ['lore link --current --commit <sha>', process.execPath, [LORE_BIN, 'link', '--current', '--commit', sha]],
    ['git rev-parse HEAD (one of the hook\'s git calls)', 'git', ['rev-parse', 'HEAD']],
  ];
  for (const [label, cmd, args] of parts) {
    const took = Array.from({ length: WARM_UP + RUNS }, () => run(cmd, args, repo, env)).slice(WARM_UP);
    console.log(`  ${label}: wall ${median(took.map((t) => t.wall)).toFixed(0)} ms, CPU ${mean(took.map((t) => t.cpu)).toFixed(0)} ms`);
  }
}

function main(): void {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lore-bench-hook-')));
  try {
    const home = join(dir, 'home');
    const loreHome = join(home, '.lore');
    mkdirSync(loreHome, { recursive: true });
    const gitconfig = join(home, '.gitconfig');
    writeFileSync(gitconfig, '[gc]\n\tauto = 0\n[commit]\n\tgpgSign = false\n');
    const env = { PATH: process.env.PATH, HOME: home, LORE_HOME: loreHome, GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC' };
    const plain = makeRepo(join(dir, 'plain'), env);
    const hooked = makeRepo(join(dir, 'hooked'), env);
    run(process.execPath, [LORE_BIN, 'hooks', 'install'], hooked, env);
    // An index with one session of another repository: read and placed, never current here.
    const line = (cwd: string) => JSON.stringify({ id: SESSION, tool: 'claude-code', cwd, started_at: new Date().toISOString() }) + '\n';
    writeFileSync(join(loreHome, 'sessions.jsonl'), line(join(dir, 'elsewhere')));
    compare('no active session', plain, hooked, env);
    console.log('where the no-session time goes:');
    breakdown(hooked, env);
    writeFileSync(join(loreHome, 'sessions.jsonl'), line(hooked));
    compare('1 active session', plain, hooked, env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

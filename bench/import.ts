/**
 * `lore import` over copies of every fixture log (Claude Code, Codex, Gemini CLI, Aider,
 * Cursor, Copilot CLI, Amp),
 * each tool at its default place, against a node process that only reads the same files as
 * text (UTF-8 decoding is most of that for logs with non-ASCII text): what parsing the lines,
 * keeping the state and writing the index add to the reading any import must do.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv } from './data.js';
import { compare, LORE, PROJECT, row, type BenchOptions, type Row } from './harness.js';

const FIXTURES = join(PROJECT, 'fixtures', 'sessions');
const COPIES: Record<BenchOptions['mode'], number> = { full: 100, quick: 20, smoke: 1 };
const MAX_RATIO = 2;

/** Reads every file below the directories named as text, what any importer must do first: the baseline. */
const READ_ALL =
  "const fs=require('fs'),p=require('path');let n=0;" +
  'const walk=(d)=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);' +
  'if(e.isDirectory())walk(f);else n+=fs.readFileSync(f,\'utf8\').length}};for(const d of process.argv.slice(1))walk(d);';

function bytesBelow(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? bytesBelow(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

export async function importWorkloads(o: BenchOptions): Promise<Row[]> {
  const copies = COPIES[o.mode];
  const dir = join(o.root, 'import');
  const env = benchEnv(dir);
  const home = env.HOME!;
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  cpSync(join(FIXTURES, 'aider', 'hand-shop'), repo, { recursive: true });
  const logDirs = [
    join(home, '.claude', 'projects'),
    join(home, '.codex', 'sessions'),
    join(home, '.gemini', 'tmp'),
    join(home, '.cursor', 'projects'),
    join(home, '.copilot', 'session-state'),
    join(home, '.local', 'share', 'amp', 'threads'),
  ];
  // Tools that name a log by its directory get one directory per copy; the others a subdirectory.
  const eachDir = (tool: string, to: string, k: number) => {
    for (const name of readdirSync(join(FIXTURES, tool))) cpSync(join(FIXTURES, tool, name), join(to, `${name}-${k}`), { recursive: true });
  };
  for (let k = 0; k < copies; k++) {
    cpSync(join(FIXTURES, 'claude-code'), join(logDirs[0], `-p${k}`), { recursive: true });
    cpSync(join(FIXTURES, 'codex'), join(logDirs[1], String(2000 + k)), { recursive: true });
    eachDir('gemini-cli', logDirs[2], k);
    eachDir('cursor', logDirs[3], k);
    eachDir('copilot-cli', logDirs[4], k);
    cpSync(join(FIXTURES, 'amp'), join(logDirs[5], String(k)), { recursive: true });
  }
  const lore = env.LORE_HOME!;
  // Every timed import starts from nothing, or all but the first would read nothing.
  const fresh = () => {
    rmSync(join(lore, 'sessions.jsonl'), { force: true });
    rmSync(join(lore, 'import-state.json'), { force: true });
  };
  const [importM, readM] = await compare(
    [{ cmd: [...LORE, 'import'], reset: fresh }, { cmd: [process.execPath, '-e', READ_ALL, ...logDirs, repo] }],
    { cwd: repo, env, runs: o.runs, warmUp: o.size.warmUp },
  );
  const mib = ([...logDirs, repo].reduce((n, d) => n + bytesBelow(d), 0) / 2 ** 20).toFixed(1);
  const ratio = importM.medianMs / readM.medianMs;
  return [
    row({
      id: 'import-all-tools',
      workload: `lore import, ${copies} cop${copies === 1 ? 'y' : 'ies'} of every fixture (${mib} MiB, 7 tools)`,
      lore: importM,
      baseline: { name: 'node reading the same files as text', m: readM },
      target: `< ${MAX_RATIO}× reading`,
      met: ratio < MAX_RATIO,
    }),
  ];
}

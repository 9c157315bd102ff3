/**
 * `lore show <session>` on a repository with many notes (one per commit), the session
 * linked to 20 of them, against `git notes --ref=lore list` on the same repository.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, data, fastImport, initRepo, ME, noteLine } from './data.js';
import { compare, LORE, LORE_JS, row, type BenchOptions, type Row } from './harness.js';

const SESSION = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
const LINKED = 20;
const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;

/** n commits on main and a note on each, in one stream; every n/20th also names SESSION. */
function stream(n: number, every: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) parts.push(`commit refs/heads/main\nmark :${i}\ncommitter Me <${ME}> ${T0 + i * 60} +0000\n`, data(`commit ${i}`));
  parts.push(`commit refs/notes/lore\ncommitter Me <${ME}> ${T0 + n * 60} +0000\n`, data('notes'));
  for (let i = 1; i <= n; i++) {
    const other = noteLine(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const lines = i % every === 0 ? [other, noteLine(SESSION)].sort() : [other];
    parts.push(`N inline :${i}\n`, data(lines.join('\n') + '\n'));
  }
  return parts.join('');
}

export async function showWorkloads(o: BenchOptions): Promise<Row[]> {
  const n = o.size.notes;
  const dir = join(o.root, 'show');
  const env = benchEnv(dir);
  const repo = initRepo(join(dir, 'repo'), env);
  const every = Math.max(1, Math.floor(n / LINKED));
  fastImport(repo, env, stream(n, every));
  const session = { id: SESSION, tool: 'claude-code', cwd: repo, started_at: '2026-01-01T00:00:00Z', ended_at: '2026-02-01T00:00:00Z' };
  writeFileSync(join(env.LORE_HOME!, 'sessions.jsonl'), JSON.stringify(session) + '\n');

  // It must show what it should, or the timing means nothing.
  const out = execFileSync(process.execPath, [LORE_JS, 'show', SESSION.slice(0, 8)], { cwd: repo, env, encoding: 'utf8' });
  const shown = out.split('\n').filter((l) => /^\s+[0-9a-f]{7,}\s/.test(l)).length;
  if (shown !== Math.floor(n / every)) throw new Error(`lore show listed ${shown} commits, not ${Math.floor(n / every)}:\n${out.slice(0, 500)}`);

  const [showM, listM] = await compare([{ cmd: [...LORE, 'show', SESSION.slice(0, 8)] }, { cmd: ['git', 'notes', '--ref=lore', 'list'] }], {
    cwd: repo,
    env,
    runs: o.runs,
    warmUp: o.size.warmUp,
  });
  return [
    row({
      id: 'show-notes',
      workload: `lore show <session> with ${n} notes`,
      lore: showM,
      baseline: { name: 'git notes --ref=lore list', m: listM },
      target: '< 500 ms',
      met: showM.medianMs < 500,
    }),
  ];
}

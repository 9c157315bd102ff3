import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The id of the k-th generated session: a UUID that says its number. */
export function generatedId(k: number): string {
  return `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
}

/**
 * `count` small Claude Code logs under `projectsDir`, one session each: a prompt, an edit
 * and a reply, at times a minute apart from 2026-01-05. `lines` pads each log with more
 * replies (a longer log takes longer to read). `cwd` is where the sessions say they ran.
 */
export function writeClaudeLogs(projectsDir: string, count: number, opts: { cwd?: string; lines?: number } = {}): string[] {
  const cwd = opts.cwd ?? '/nowhere/shop';
  const dir = join(projectsDir, cwd.replace(/[^A-Za-z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let k = 0; k < count; k++) {
    const sessionId = generatedId(k);
    const at = (s: number) => new Date(Date.UTC(2026, 0, 5) + k * 60_000 + s * 1000).toISOString();
    const base = { sessionId, cwd, gitBranch: 'main', isSidechain: false };
    const records: object[] = [
      { ...base, type: 'user', timestamp: at(0), message: { role: 'user', content: `task number ${k}` } },
      { ...base, type: 'assistant', timestamp: at(1), message: { role: 'assistant', content: [{ type: 'tool_use', name: 'Edit', input: { file_path: `${cwd}/src/f${k}.ts` } }] } },
    ];
    for (let i = 0; i < (opts.lines ?? 1); i++) records.push({ ...base, type: 'assistant', timestamp: at(2 + i), message: { role: 'assistant', content: [{ type: 'text', text: `done ${i}` }] } });
    const path = join(dir, `${sessionId}.jsonl`);
    writeFileSync(path, records.map((r) => JSON.stringify(r) + '\n').join(''));
    paths.push(path);
  }
  return paths;
}

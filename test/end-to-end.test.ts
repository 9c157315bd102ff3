import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, lore, makeRepo, makeWorld, noteRecords } from './helpers/env.js';

const SESSION = '7d2c1a00-1111-4222-8333-444455556666';

/** A Claude Code log as the agent writes it: a user turn, an Edit of lib/a.ts, a reply. */
function claudeLog(cwd: string): string {
  const base = { sessionId: SESSION, cwd, gitBranch: 'main', isSidechain: false, version: '1.0.98' };
  return [
    { ...base, type: 'user', timestamp: '2026-01-13T10:00:00.000Z', uuid: 'u1', message: { role: 'user', content: 'Fix the greeting in lib/a.ts' } },
    {
      ...base,
      type: 'assistant',
      timestamp: '2026-01-13T10:05:00.000Z',
      uuid: 'a1',
      message: { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Edit', input: { file_path: join(cwd, 'lib/a.ts'), old_string: 'hi', new_string: 'hello' } }] },
    },
    { ...base, type: 'user', timestamp: '2026-01-13T10:05:01.000Z', uuid: 'u2', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'ok' }] }] } },
    { ...base, type: 'assistant', timestamp: '2026-01-13T10:20:00.000Z', uuid: 'a2', message: { role: 'assistant', content: [{ type: 'text', text: 'Done.' }] } },
  ]
    .map((l) => JSON.stringify(l) + '\n')
    .join('');
}

test('import a Claude Code log, commit its file inside the window, lore link --auto --yes links it', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w, 'app');
    commit(w, repo, { files: { 'README.md': 'app\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
    const projects = join(w.home, '.claude', 'projects', '-app');
    mkdirSync(projects, { recursive: true });
    writeFileSync(join(projects, `${SESSION}.jsonl`), claudeLog(repo));

    const imported = lore(w, repo, ['import']);
    assert.is(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /claude-code: 1 session/);

    const head = commit(w, repo, { files: { 'lib/a.ts': 'hello\n' }, message: 'Say hello', date: '2026-01-13T10:15:00Z' });
    const short = git(w, repo, ['rev-parse', '--short', 'HEAD']);
    const r = lore(w, repo, ['link', '--auto', '--yes']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, `  Linked 7d2c1a00 -> ${short} (confidence: 100%)\n`);
    const recs = noteRecords(w, repo, head);
    assert.equal(recs.map((x) => [x.session, x.method, x.confidence, x.tool]), [[SESSION, 'auto', 1, 'claude-code']]);
  } finally {
    w.cleanup();
  }
});

test.run();

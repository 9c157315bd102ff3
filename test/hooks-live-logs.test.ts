import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, makeRepo, makeWorld, noteRecords, type World } from './helpers/env.js';
import { ago, hookCommit, installHooks, printed } from './helpers/hooks.js';

/**
 * Issue 13: after a plain `lore hooks install` (no agent hooks), the post-commit hook reads
 * what is new in the agents' logs before --current decides, so a running Claude Code session
 * whose log is being written is linked.
 */
const logs = suite<{ w: World; repo: string }>('post-commit hook: live sessions from the agents\' logs');

logs.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
logs.after.each((ctx) => ctx.w.cleanup());

const ID = '7d2c1a00-1111-4222-8333-444455556666';

/** A Claude Code log as the agent writes it while it works: a prompt, an Edit of `file`, in the last minutes. */
function writeClaudeLog(w: World, repo: string, file: string): string {
  const base = { sessionId: ID, cwd: repo, gitBranch: 'main', isSidechain: false, version: '2.0.0' };
  const edit = [{ type: 'tool_use', id: 't1', name: 'Edit', input: { file_path: join(repo, file), old_string: 'a', new_string: 'b' } }];
  const lines = [
    { ...base, type: 'user', timestamp: ago(3), uuid: 'u1', message: { role: 'user', content: `Fix ${file}` } },
    { ...base, type: 'assistant', timestamp: ago(1), uuid: 'a1', message: { role: 'assistant', content: edit } },
  ];
  // Claude Code's directory for a project: its cwd with every other character made '-'.
  const dir = join(w.home, '.claude', 'projects', repo.replace(/[^A-Za-z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${ID}.jsonl`);
  writeFileSync(path, lines.map((l) => JSON.stringify(l) + '\n').join(''));
  return path;
}

logs('a session known only from its log is linked by the next commit, even after the hook went quiet', ({ w, repo }) => {
  assert.is(installHooks(w, repo).code, 0);
  assert.equal(printed(hookCommit(w, repo)), [], 'no session yet');
  assert.ok(readFileSync(join(repo, '.git/lore-quiet'), 'utf8') !== '', 'the hook went quiet');

  writeClaudeLog(w, repo, 'src/a.ts');
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src/a.ts'), 'b\n');
  // The commit holds the file the session edited: the evidence --current asks for.
  git(w, repo, ['add', 'src/a.ts']);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c).length, 1, printed(c).join('\n'));
  assert.match(printed(c)[0], /^lore: Linked session 7d2c1a00 -> commit [0-9a-f]+$/);
  assert.equal(noteRecords(w, repo).map((r) => [r.session, r.method, r.tool]), [[ID, 'current', 'claude-code']]);
});

logs('a session its agent hooks report as active keeps being active: its log is not imported over it', ({ w, repo }) => {
  assert.is(installHooks(w, repo).code, 0);
  addSessions(w, [{ id: ID, cwd: repo, started_at: ago(30), ended_at: null, tool: 'claude-code', files: [join(repo, 'src/a.ts')] }]);
  const index = join(w.loreHome, 'sessions.jsonl');
  const before = readFileSync(index, 'utf8');
  writeClaudeLog(w, repo, 'src/a.ts');
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src/a.ts'), 'b\n');
  // The commit holds the file the session edited: the evidence --current asks for.
  git(w, repo, ['add', 'src/a.ts']);
  const c = hookCommit(w, repo);
  assert.match(printed(c)[0], /^lore: Linked session 7d2c1a00 -> commit [0-9a-f]+$/);
  assert.is(readFileSync(index, 'utf8'), before, 'the log\'s last line did not become the session\'s end');
});

logs('lore hooks install names the agents it finds and offers --agent for live capture', ({ w, repo }) => {
  mkdirSync(join(w.home, '.claude', 'projects'), { recursive: true });
  mkdirSync(join(w.home, '.gemini'), { recursive: true });
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `claude-code: found on this machine (${join(w.home, '.claude', 'projects')}); lore hooks install --agent claude-code reports its sessions live, with their files`);
  assert.match(r.stdout, `gemini-cli: found on this machine (${join(w.home, '.gemini')})`);
  assert.not.match(r.stdout, 'codex: found');
  const again = installHooks(w, repo, ['--agent', 'claude-code']);
  assert.not.match(again.stdout, 'claude-code: found');
  assert.match(again.stdout, 'gemini-cli: found');
});

logs.run();

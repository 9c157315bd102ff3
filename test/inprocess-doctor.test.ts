/**
 * doctor and hooks called in-process: each returns its result as data, which lib/cli
 * renders. Real temp repositories, with the world's HOME and LORE_HOME in process.env
 * while a test runs (the commands read them, as the CLI's do).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { doctor } from '../lib/commands/doctor.js';
import { hooksStatus } from '../lib/commands/hooks.js';
import { installHooks } from '../lib/commands/hooks-install.js';
import { uninstallHooks } from '../lib/commands/hooks-uninstall.js';
import { recordAgentEvent } from '../lib/commands/hooks-agent-event.js';
import { isLoreError } from '../lib/errors.js';
import { makeRepo, makeWorld, type World } from './helpers/env.js';
import { enterWorld } from './helpers/in-process.js';

const inproc = suite<{ w: World; repo: string; leave: () => void }>('doctor and hooks in-process');

inproc.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.leave = enterWorld(ctx.w);
});

inproc.after.each(({ w, leave }) => {
  leave();
  w.cleanup();
});

inproc('doctor returns its checks as rows: a missing hook is a problem with its fix, and ok follows', async ({ w, repo }) => {
  const before = await doctor({ cwd: repo, env: w.env });
  const hook = before.checks.find((c) => c.name === 'post-commit hook')!;
  assert.equal(hook, { name: 'post-commit hook', status: 'problem', detail: `not installed (${join(repo, '.git/hooks/post-commit')}): commits are not linked as they are made`, fix: 'lore hooks install' });
  assert.is(before.ok, false);
  assert.equal(before.checks[0], { name: 'repository', status: 'ok', detail: repo });

  installHooks({ cwd: repo, sync: false, showInLog: false });
  const after = await doctor({ cwd: repo, env: w.env });
  assert.equal(after.checks.find((c) => c.name === 'post-commit hook'), { name: 'post-commit hook', status: 'ok', detail: `installed (${join(repo, '.git/hooks/post-commit')})` });
  assert.is(after.checks.find((c) => c.name === 'notes rewrite')!.status, 'ok');
});

inproc('doctor outside a repository warns, and still checks what needs none', async ({ w }) => {
  const report = await doctor({ cwd: w.dir, env: w.env });
  assert.equal(report.checks[0].status, 'warn');
  assert.equal(report.checks.map((c) => c.name).slice(1, 2), ['lore on PATH']);
  assert.ok(report.checks.some((c) => c.name === 'nodegit'));
});

inproc('hooks install returns what it wrote per hook, and the config it set', ({ repo }) => {
  const r = installHooks({ cwd: repo, sync: true, showInLog: true });
  assert.is(r.written.kind, 'files');
  if (r.written.kind !== 'files') return;
  assert.is(r.written.husky, null);
  assert.equal(
    r.written.hooks.map((h) => [h.hook, h.result, h.skipped]),
    [['post-commit', 'created', false], ['post-rewrite', 'created', false], ['post-merge', 'created', false], ['pre-push', 'created', false]],
  );
  assert.ok(r.configSet.some((k) => k.startsWith('notes.displayRef')), r.configSet.join());
  assert.equal([r.agent, r.otherRewriteMode, r.sync], [null, null, true]);
  const again = installHooks({ cwd: repo, sync: true, showInLog: true });
  assert.ok(again.written.kind === 'files' && again.written.hooks.every((h) => h.result === 'unchanged'));
  assert.equal(again.configSet, []);
});

inproc('hooks status returns each hook and the notes config: the facts --json prints', ({ repo }) => {
  assert.equal(hooksStatus({ cwd: repo, sync: false }).hooks.map((h) => h.installed), [false, false, false]);
  installHooks({ cwd: repo, sync: false, showInLog: false });
  const s = hooksStatus({ cwd: repo, sync: false });
  assert.equal(s.hooks[0], { hook: 'post-commit', installed: true, path: join(repo, '.git/hooks/post-commit'), manager: 'git', executable: true });
  assert.equal([s.agents, s.rewrite_ref, s.display_ref, s.scope], [[], true, false, null]);
  assert.equal(hooksStatus({ cwd: repo, sync: false, agent: 'claude-code' }).agents.map((a) => [a.agent, a.installed]), [['claude-code', false]]);
});

inproc('hooks uninstall returns what it removed per hook, per agent, and the config it unset', ({ repo }) => {
  installHooks({ cwd: repo, sync: false, showInLog: false, agent: 'claude-code' });
  const kept = uninstallHooks({ cwd: repo, sync: false });
  assert.equal(kept.hooks.map((h) => h.result), ['deleted', 'deleted', 'deleted']);
  assert.equal(kept.agents, [{ agent: 'claude-code', path: join(repo, '.claude/settings.json'), result: 'left' }]);
  assert.ok(kept.unset.length > 0);
  assert.is(kept.lefthook, null);
  const gone = uninstallHooks({ cwd: repo, sync: false, agent: 'claude-code' });
  assert.equal(gone.agents.map((a) => a.result), ['removed']);
  assert.equal(gone.hooks.map((h) => h.result), ['absent', 'absent', 'absent']);
  assert.not.ok(existsSync(join(repo, '.git/hooks/post-commit')));
});

inproc('settings lore cannot read stop install with the same error, before any hook is written', ({ repo }) => {
  mkdirSync(join(repo, '.claude'));
  writeFileSync(join(repo, '.claude/settings.json'), '[]');
  try {
    installHooks({ cwd: repo, sync: false, showInLog: false, agent: 'claude-code' });
    assert.unreachable('install should throw');
  } catch (e) {
    assert.ok(isLoreError(e));
    assert.is(e.message, `cannot edit ${join(repo, '.claude/settings.json')}: it is not a JSON object`);
    assert.is(e.hint, `Fix ${join(repo, '.claude/settings.json')} (Claude Code reads it as JSON), then run the command again.`);
  }
  assert.not.ok(existsSync(join(repo, '.git/hooks/post-commit')));
});

inproc('an agent event returns why it failed instead of throwing, and null once recorded', async ({ w, repo }) => {
  assert.is(await recordAgentEvent('windsurf', '{}'), "lore has no hooks for the agent 'windsurf'");
  const id = '4a1c2d3e-0000-4000-8000-000000000001';
  const input = JSON.stringify({ session_id: id, transcript_path: '/tmp/t.jsonl', cwd: repo, hook_event_name: 'SessionStart' });
  assert.is(await recordAgentEvent('claude-code', input), null);
  assert.match(readFileSync(join(w.loreHome, 'sessions.jsonl'), 'utf8'), id);
});

inproc.run();

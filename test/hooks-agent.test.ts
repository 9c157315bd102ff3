import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, LORE_BIN, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { ago, gitRun, installHooks, pathWithoutLore, printed } from './helpers/hooks.js';

const agent = suite<{ w: World; repo: string; settings: string }>('lore hooks --agent claude-code');

agent.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
  ctx.settings = join(ctx.repo, '.claude/settings.json');
});
agent.after.each((ctx) => ctx.w.cleanup());

/** A project's own settings, as Claude Code writes them: other settings, and a hook of the user's on an event lore uses too. */
const USER_SETTINGS = {
  permissions: { allow: ['Bash(npm test)'] },
  hooks: {
    PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'npx prettier --write .' }] }],
    Stop: [{ hooks: [{ type: 'command', command: 'echo done' }] }],
  },
  model: 'opus',
};
const USER_TEXT = JSON.stringify(USER_SETTINGS, null, 2) + '\n';

type Settings = { hooks: Record<string, { matcher?: string; hooks: { type: string; command: string }[] }[]> } & Record<string, unknown>;
const read = (path: string): Settings => JSON.parse(readFileSync(path, 'utf8'));

/** Claude Code's part: the event as JSON on the hook's standard input. */
function event(w: World, repo: string, payload: Record<string, unknown>) {
  return lore(w, repo, ['hooks', 'agent-event'], { input: JSON.stringify({ transcript_path: '/tmp/t.jsonl', cwd: repo, ...payload }) });
}

function sessions(w: World, repo: string): Record<string, unknown>[] {
  const r = lore(w, repo, ['sessions', '--json']);
  assert.is(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

agent('install merges into existing settings, twice changes nothing, uninstall gives them back byte for byte', ({ w, repo, settings }) => {
  mkdirSync(join(repo, '.claude'));
  writeFileSync(settings, USER_TEXT);
  const r = installHooks(w, repo, ['--agent', 'claude-code']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `claude-code: installed, next to the settings and hooks already there (${settings})`);
  const s = read(settings);
  assert.equal(s.permissions, USER_SETTINGS.permissions);
  assert.is(s.model, 'opus');
  assert.equal(s.hooks.Stop, USER_SETTINGS.hooks.Stop);
  assert.equal(s.hooks.PostToolUse[0], USER_SETTINGS.hooks.PostToolUse[0]);
  assert.is(s.hooks.PostToolUse[1].matcher, 'Edit|MultiEdit|Write|NotebookEdit|Bash');
  assert.is(s.hooks.PreToolUse[0].matcher, 'Bash');
  for (const e of ['SessionStart', 'PreToolUse', 'PostToolUse', 'SessionEnd']) {
    const command = s.hooks[e].at(-1)!.hooks[0].command;
    // The absolute fallback, as in the git hooks, for an agent started without lore on PATH.
    assert.ok(command.includes(`lore_node='${process.execPath}' lore_js='${LORE_BIN}'`), command);
    assert.ok(command.includes('hooks agent-event'), command);
  }
  assert.ok(!('matcher' in s.hooks.SessionStart[0]));

  const text = readFileSync(settings, 'utf8');
  const again = installHooks(w, repo, ['--agent', 'claude-code']);
  assert.match(again.stdout, `claude-code: already installed (${settings})`);
  assert.is(readFileSync(settings, 'utf8'), text);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `claude-code: installed (${settings})`);

  // The settings are usually checked in: a plain uninstall leaves them, and says so.
  const plain = lore(w, repo, ['hooks', 'uninstall']);
  assert.match(plain.stdout, `claude-code: lore's hooks stay in ${settings}; lore hooks uninstall --agent claude-code removes them`);
  assert.is(readFileSync(settings, 'utf8'), text);
  const u = lore(w, repo, ['hooks', 'uninstall', '--agent', 'claude-code']);
  assert.is(u.code, 0, u.stderr);
  assert.match(u.stdout, `claude-code: removed lore's hooks; the other settings stay (${settings})`);
  assert.is(readFileSync(settings, 'utf8'), USER_TEXT);
  assert.not.match(lore(w, repo, ['hooks', 'status']).stdout, 'claude-code');
  assert.match(lore(w, repo, ['hooks', 'status', '--agent', 'claude-code']).stdout, `claude-code: not installed (${settings})`);
});

agent('without settings install creates them; a moved lore is updated in place; uninstall leaves a valid file', ({ w, repo, settings }) => {
  const r = installHooks(w, repo, ['--agent', 'claude-code']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `claude-code: installed (created ${settings})`);
  const fresh = readFileSync(settings, 'utf8');
  assert.equal(Object.keys(read(settings).hooks), ['SessionStart', 'PreToolUse', 'PostToolUse', 'SessionEnd']);
  writeFileSync(settings, fresh.replaceAll(LORE_BIN, '/old/place/bin/lore.js'));
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `claude-code: installed (${settings})`);
  assert.match(installHooks(w, repo, ['--agent', 'claude-code']).stdout, `claude-code: updated lore's hooks (${settings})`);
  assert.is(readFileSync(settings, 'utf8'), fresh);
  lore(w, repo, ['hooks', 'uninstall', '--agent', 'claude-code']);
  assert.is(readFileSync(settings, 'utf8'), '{}\n');
});

agent('settings from before agent commits were recorded: status says what is missing, install adds it', ({ w, repo, settings }) => {
  assert.is(installHooks(w, repo, ['--agent', 'claude-code']).code, 0);
  const s = read(settings);
  delete (s.hooks as Record<string, unknown>).PreToolUse;
  s.hooks.PostToolUse[0].matcher = 'Edit|MultiEdit|Write|NotebookEdit';
  writeFileSync(settings, JSON.stringify(s, null, 2) + '\n');
  assert.match(
    lore(w, repo, ['hooks', 'status']).stdout,
    `claude-code: partly installed, without PreToolUse (Bash) and PostToolUse (Edit|MultiEdit|Write|NotebookEdit|Bash) (${settings}); lore hooks install --agent claude-code completes it`,
  );
  assert.match(installHooks(w, repo, ['--agent', 'claude-code']).stdout, `claude-code: updated lore's hooks (${settings})`);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `claude-code: installed (${settings})`);
});

agent('settings that are not JSON: an error, and nothing is written', ({ w, repo, settings }) => {
  mkdirSync(join(repo, '.claude'));
  writeFileSync(settings, '{ "model": "opus", }\n');
  const r = installHooks(w, repo, ['--agent', 'claude-code']);
  assert.is(r.code, 1);
  assert.match(r.stderr, `Error: cannot edit ${settings}: not valid JSON`);
  assert.is(readFileSync(settings, 'utf8'), '{ "model": "opus", }\n');
  assert.ok(!existsSync(join(repo, '.git/hooks/post-commit')));
});

agent('agent-event records start, edits and end in the index; nothing reaches the agent on stdout', ({ w, repo }) => {
  const start = event(w, repo, { session_id: SID.a.toUpperCase(), hook_event_name: 'SessionStart', source: 'startup' });
  assert.equal([start.code, start.stdout, start.stderr], [0, '', '']);
  event(w, repo, { session_id: SID.a, hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: join(repo, 'lib/a.ts'), old_string: 'a', new_string: 'b' } });
  event(w, repo, { session_id: SID.a, hook_event_name: 'PostToolUse', tool_name: 'NotebookEdit', tool_input: { notebook_path: 'nb/x.ipynb' } });
  let [s] = sessions(w, repo);
  assert.equal([s.id, s.tool, s.cwd, s.branch, s.active], [SID.a, 'claude-code', repo, 'main', true]);
  assert.equal(s.files, [join(repo, 'lib/a.ts'), join(repo, 'nb/x.ipynb')]);
  const end = event(w, repo, { session_id: SID.a, hook_event_name: 'SessionEnd', reason: 'exit' });
  assert.equal([end.code, end.stdout, end.stderr], [0, '', '']);
  [s] = sessions(w, repo);
  assert.is(s.active, false);
});

agent('a SessionStart after a compaction or resume reopens the session and keeps when it started', ({ w, repo }) => {
  const started = ago(60).replace(/\.\d{3}Z$/, 'Z');
  addSessions(w, [{ id: SID.b, cwd: repo, started_at: started, ended_at: ago(5), tool: 'claude-code' }]);
  git(w, repo, ['checkout', '-q', '-b', 'feature']);
  assert.is(event(w, repo, { session_id: SID.b, hook_event_name: 'SessionStart', source: 'compact' }).code, 0);
  const [s] = sessions(w, repo);
  assert.equal([s.started_at, s.active, s.branch], [started, true, 'feature']);
});

agent('bad input never fails the agent: exit 0, one line on stderr', ({ w, repo }) => {
  for (const input of ['not json', '', JSON.stringify({ hook_event_name: 'SessionStart' })]) {
    const r = lore(w, repo, ['hooks', 'agent-event'], { input });
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, '');
    assert.is(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
    assert.match(r.stderr, /^lore: could not record the Claude Code event \(.+\)\n$/);
  }
  mkdirSync(join(w.loreHome, 'sessions.jsonl'), { recursive: true });
  const r = event(w, repo, { session_id: SID.a, hook_event_name: 'SessionEnd' });
  assert.is(r.code, 0);
  assert.match(r.stderr, /^lore: could not record the Claude Code event \(.*sessions\.jsonl.*\)\n$/);
});

/** Runs an installed hook's command the way Claude Code does: through the shell, the event on stdin. */
function runInstalled(w: World, repo: string, path: string, settings: string, name: string, payload: Record<string, unknown>): void {
  const command = read(settings).hooks[name].at(-1)!.hooks[0].command;
  const input = JSON.stringify({ session_id: SID.c, transcript_path: '/tmp/t.jsonl', cwd: repo, hook_event_name: name, ...payload });
  const r = spawnSync('sh', ['-c', command], { cwd: repo, env: { ...w.env, PATH: path }, input, encoding: 'utf8' });
  assert.equal([r.status, r.stdout, r.stderr], [0, '', '']);
}

agent('end to end: the installed agent hooks report a live session, the commit of its file links it with method current', ({ w, repo, settings }) => {
  assert.is(installHooks(w, repo, ['--agent', 'claude-code']).code, 0);
  // Without lore on PATH: every hook runs the node and lore that installed it (this build).
  const path = pathWithoutLore(w);
  runInstalled(w, repo, path, settings, 'SessionStart', { source: 'startup' });
  mkdirSync(join(repo, 'lib'));
  writeFileSync(join(repo, 'lib/a.ts'), 'export const a = 1;\n');
  runInstalled(w, repo, path, settings, 'PostToolUse', { tool_name: 'Write', tool_input: { file_path: join(repo, 'lib/a.ts'), content: '' } });
  gitRun(w, repo, ['add', 'lib/a.ts']);
  const c = gitRun(w, repo, ['commit', '-q', '-m', 'add a'], { PATH: path });
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [`lore: Linked session d0e1f2a3 -> commit ${git(w, repo, ['rev-parse', '--short', 'HEAD'])}`]);
  const [link] = noteRecords(w, repo);
  assert.equal([link.session, link.method], [SID.c, 'current']);
  const [s] = sessions(w, repo);
  assert.equal(s.files, [join(repo, 'lib/a.ts')]);
});

agent.run();

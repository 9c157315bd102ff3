import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { installHooks, writeScript } from './helpers/hooks.js';

/**
 * Live capture for Codex and Gemini CLI, and agent commits (issue 13), through the hooks
 * `lore hooks install --agent` writes, fed payloads in each agent's own shape:
 * - Codex: developers.openai.com/codex/hooks and the input schemas in openai/codex
 *   codex-rs/hooks/schema/generated/*.command.input.schema.json (apply_patch's patch is
 *   its tool_input.command);
 * - Gemini CLI: geminicli.com/docs/hooks/reference (base fields and AfterTool) and
 *   docs/tools/file-system.md (write_file and replace take file_path);
 * - Claude Code: docs.anthropic.com/en/docs/claude-code/hooks (Bash's tool_input.command);
 * - Cursor: cursor.com/docs/agent/hooks (conversation_id, workspace_roots, afterFileEdit's
 *   file_path, the shell events' command, stop's status).
 */
const live = suite<{ w: World; repo: string }>('lore hooks --agent codex | gemini-cli | cursor | opencode, and agent commits');

live.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
live.after.each((ctx) => ctx.w.cleanup());

type Settings = { hooks: Record<string, { matcher?: string; hooks: { type: string; command: string }[] }[]> } & Record<string, unknown>;
const read = (path: string): Settings => JSON.parse(readFileSync(path, 'utf8'));

/** Runs lore's installed handler for `event` as the agent does: through the shell, the payload on stdin. */
function fire(w: World, repo: string, file: string, event: string, payload: Record<string, unknown>): void {
  const groups = read(join(repo, file)).hooks[event];
  const command = groups.find((g) => g.hooks.some((h) => h.command.includes('hooks agent-event')))!.hooks[0].command;
  const r = spawnSync('sh', ['-c', command], { cwd: repo, env: w.env, input: JSON.stringify({ ...payload, hook_event_name: event }), encoding: 'utf8' });
  assert.equal([r.status, r.stdout, r.stderr], [0, '', ''], event);
}

function indexLines(w: World): Record<string, unknown>[] {
  return readFileSync(join(w.loreHome, 'sessions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

function sessions(w: World, repo: string): Record<string, unknown>[] {
  return JSON.parse(lore(w, repo, ['sessions', '--json']).stdout);
}

live('codex: install writes .codex/hooks.json next to the user\'s hooks; again changes nothing; uninstall gives the file back', ({ w, repo }) => {
  const path = join(repo, '.codex/hooks.json');
  const user = { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'notify-send done', timeout: 5 }] }] } };
  mkdirSync(join(repo, '.codex'));
  writeFileSync(path, JSON.stringify(user, null, 2) + '\n');
  const r = installHooks(w, repo, ['--agent', 'codex']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `codex: installed, next to the settings and hooks already there (${path})`);
  assert.match(r.stdout, 'Codex now tells lore about each session as it happens');
  const s = read(path);
  assert.equal(Object.keys(s.hooks), ['Stop', 'SessionStart', 'PreToolUse', 'PostToolUse']);
  assert.equal(s.hooks.Stop[0], user.hooks.Stop[0]);
  assert.equal([s.hooks.PreToolUse[0].matcher, s.hooks.PostToolUse[0].matcher], ['Bash|apply_patch', 'Bash|apply_patch']);
  assert.ok(s.hooks.Stop[1].hooks[0].command.includes('hooks agent-event --agent codex'));
  const text = readFileSync(path, 'utf8');
  assert.match(installHooks(w, repo, ['--agent', 'codex']).stdout, `codex: already installed (${path})`);
  assert.is(readFileSync(path, 'utf8'), text);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `codex: installed (${path})`);
  assert.match(lore(w, repo, ['hooks', 'uninstall']).stdout, `codex: lore's hooks stay in ${path}`);
  assert.match(lore(w, repo, ['hooks', 'uninstall', '--agent', 'codex']).stdout, `codex: removed lore's hooks; the other settings stay (${path})`);
  assert.is(readFileSync(path, 'utf8'), JSON.stringify(user, null, 2) + '\n');
});

live('codex: a session, its apply_patch edits, its git commit and its Stop reach the index', ({ w, repo }) => {
  assert.is(installHooks(w, repo, ['--agent', 'codex']).code, 0);
  const file = '.codex/hooks.json';
  const base = { session_id: SID.b, transcript_path: null, cwd: repo, model: 'gpt-5-codex', permission_mode: 'default' };
  fire(w, repo, file, 'SessionStart', { ...base, source: 'startup' });
  const patch = '*** Begin Patch\n*** Add File: src/new.ts\n+export const a = 1;\n*** Update File: README.md\n@@\n-old\n+new\n*** End Patch\n';
  const tool = { ...base, turn_id: 'turn-1', tool_use_id: 'call_1' };
  fire(w, repo, file, 'PreToolUse', { ...tool, tool_name: 'apply_patch', tool_input: { command: patch } });
  fire(w, repo, file, 'PostToolUse', { ...tool, tool_name: 'apply_patch', tool_input: { command: patch }, tool_response: 'Success. Updated the following files:\nA src/new.ts\nM README.md\n' });
  const before = indexLines(w).length;
  fire(w, repo, file, 'PreToolUse', { ...tool, tool_name: 'Bash', tool_input: { command: 'npm test' } });
  assert.is(indexLines(w).length, before, 'a shell command that is not a commit adds nothing');
  fire(w, repo, file, 'PreToolUse', { ...tool, tool_name: 'Bash', tool_input: { command: 'git add -A && git commit -m "add new"' } });
  let [s] = sessions(w, repo);
  assert.equal([s.id, s.tool, s.active], [SID.b, 'codex', true]);
  assert.equal(s.files, [join(repo, 'src/new.ts'), join(repo, 'README.md')]);
  const committing = indexLines(w).at(-1)!;
  assert.equal(Object.keys(committing), ['id', 'ended_at', 'seen_at', 'committing_at']);
  assert.is(committing.committing_at, committing.seen_at);
  fire(w, repo, file, 'PostToolUse', { ...tool, tool_name: 'Bash', tool_input: { command: 'git add -A && git commit -m "add new"' }, tool_response: '[main 1a2b3c4] add new' });
  assert.is(indexLines(w).at(-1)!.committing_at, null);

  fire(w, repo, file, 'Stop', { ...base, turn_id: 'turn-1', stop_hook_active: false, last_assistant_message: 'Done.' });
  [s] = sessions(w, repo);
  assert.is(s.active, false, 'Stop ends the turn: the session is idle');
  fire(w, repo, file, 'PostToolUse', { ...tool, turn_id: 'turn-2', tool_name: 'apply_patch', tool_input: { command: patch }, tool_response: 'Success.' });
  [s] = sessions(w, repo);
  assert.is(s.active, true, 'the next turn\'s edit makes it active again');
});

live('gemini-cli: install writes .gemini/settings.json hooks, keeping the user\'s settings; its events reach the index', ({ w, repo }) => {
  const path = join(repo, '.gemini/settings.json');
  const user = { general: { vimMode: true }, hooks: { BeforeTool: [{ matcher: 'run_shell_command', hooks: [{ name: 'guard', type: 'command', command: './guard.sh' }] }] } };
  mkdirSync(join(repo, '.gemini'));
  writeFileSync(path, JSON.stringify(user, null, 2) + '\n');
  const r = installHooks(w, repo, ['--agent', 'gemini-cli']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `gemini-cli: installed, next to the settings and hooks already there (${path})`);
  const s = read(path);
  assert.equal(s.general, user.general);
  assert.equal(Object.keys(s.hooks), ['BeforeTool', 'SessionStart', 'AfterTool', 'SessionEnd']);
  assert.is(s.hooks.AfterTool[0].matcher, 'write_file|replace');

  const file = '.gemini/settings.json';
  const base = { session_id: SID.c, transcript_path: join(w.home, '.gemini/tmp/chats/session.json'), cwd: repo, timestamp: new Date().toISOString() };
  fire(w, repo, file, 'SessionStart', { ...base, source: 'startup' });
  fire(w, repo, file, 'AfterTool', { ...base, tool_name: 'write_file', tool_input: { file_path: join(repo, 'src/g.ts'), content: 'x' }, tool_response: { llmContent: 'ok', returnDisplay: 'ok' } });
  fire(w, repo, file, 'AfterTool', { ...base, tool_name: 'replace', tool_input: { file_path: join(repo, 'README.md'), old_string: 'a', new_string: 'b' }, tool_response: { llmContent: 'ok', returnDisplay: 'ok' } });
  let [got] = sessions(w, repo);
  assert.equal([got.id, got.tool, got.active, got.files], [SID.c, 'gemini-cli', true, [join(repo, 'src/g.ts'), join(repo, 'README.md')]]);
  fire(w, repo, file, 'SessionEnd', { ...base, reason: 'exit' });
  [got] = sessions(w, repo);
  assert.is(got.active, false);

  assert.match(lore(w, repo, ['hooks', 'uninstall', '--agent', 'gemini-cli']).stdout, `gemini-cli: removed lore's hooks`);
  assert.is(readFileSync(path, 'utf8'), JSON.stringify(user, null, 2) + '\n');
});

/** Cursor's hooks.json lists its handlers flat: `{version: 1, hooks: {event: [{command}]}}`. */
function fireCursor(w: World, repo: string, event: string, payload: Record<string, unknown>): void {
  const handlers = (JSON.parse(readFileSync(join(repo, '.cursor/hooks.json'), 'utf8')) as { hooks: Record<string, { command: string }[]> }).hooks[event];
  const command = handlers.find((h) => h.command.includes('hooks agent-event --agent cursor'))!.command;
  const r = spawnSync('sh', ['-c', command], { cwd: repo, env: w.env, input: JSON.stringify({ ...payload, hook_event_name: event }), encoding: 'utf8' });
  assert.equal([r.status, r.stdout, r.stderr], [0, '', ''], event);
}

live('cursor: install writes .cursor/hooks.json beside the user\'s handlers; conversation_id and workspace_roots name the session', ({ w, repo }) => {
  const path = join(repo, '.cursor/hooks.json');
  const user = { version: 1, hooks: { afterFileEdit: [{ command: './hooks/format.sh' }] } };
  mkdirSync(join(repo, '.cursor'));
  writeFileSync(path, JSON.stringify(user, null, 2) + '\n');
  const r = installHooks(w, repo, ['--agent', 'cursor']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `cursor: installed, next to the settings and hooks already there (${path})`);
  assert.match(r.stdout, 'Cursor now tells lore about each session as it happens');
  const s = JSON.parse(readFileSync(path, 'utf8'));
  assert.is(s.version, 1);
  assert.equal(Object.keys(s.hooks), ['afterFileEdit', 'sessionStart', 'beforeShellExecution', 'afterShellExecution', 'stop', 'sessionEnd']);
  assert.equal(s.hooks.afterFileEdit[0], user.hooks.afterFileEdit[0]);
  assert.equal(Object.keys(s.hooks.afterFileEdit[1]), ['command']);
  assert.is(installHooks(w, repo, ['--agent', 'cursor']).stdout.includes('cursor: already installed'), true);

  const base = { conversation_id: SID.d, generation_id: 'gen-1', workspace_roots: [repo], model: 'claude-4.5-sonnet', cursor_version: '2.0.77' };
  fireCursor(w, repo, 'sessionStart', base);
  fireCursor(w, repo, 'afterFileEdit', { ...base, file_path: join(repo, 'src/c.ts'), edits: [{ old_string: 'a', new_string: 'b' }] });
  fireCursor(w, repo, 'beforeShellExecution', { ...base, command: 'npm test', cwd: repo });
  let [got] = sessions(w, repo);
  assert.equal([got.id, got.tool, got.active, got.files], [SID.d, 'cursor', true, [join(repo, 'src/c.ts')]]);
  fireCursor(w, repo, 'beforeShellExecution', { ...base, command: 'git commit -m "fix"', cwd: repo });
  assert.ok(typeof indexLines(w).at(-1)!.committing_at === 'string', 'a git commit starting is recorded');
  fireCursor(w, repo, 'afterShellExecution', { ...base, command: 'git commit -m "fix"', cwd: repo, output: '', duration: 40 });
  assert.is(indexLines(w).at(-1)!.committing_at, null);
  fireCursor(w, repo, 'stop', { ...base, status: 'completed', loop_count: 0 });
  [got] = sessions(w, repo);
  assert.is(got.active, false, 'a finished turn leaves the session idle');
  fireCursor(w, repo, 'afterFileEdit', { ...base, file_path: join(repo, 'README.md'), edits: [] });
  [got] = sessions(w, repo);
  assert.is(got.active, true, 'the next edit makes it active again');

  assert.match(lore(w, repo, ['hooks', 'uninstall', '--agent', 'cursor']).stdout, `cursor: removed lore's hooks`);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')), user);
});

live('opencode: install writes lore\'s own plugin; driven as OpenCode drives it, its events reach the index; uninstall deletes it', async ({ w, repo }) => {
  const path = join(repo, '.opencode/plugin/lore.js');
  const r = installHooks(w, repo, ['--agent', 'opencode']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `opencode: `);
  assert.match(r.stdout, 'OpenCode now tells lore about each session as it happens');
  assert.ok(existsSync(path));
  assert.match(installHooks(w, repo, ['--agent', 'opencode']).stdout, `opencode: already installed (${path})`);

  // OpenCode (Bun) loads it as a module; node needs the .mjs name for that outside a package.
  const copy = join(w.dir, 'lore-plugin.mjs');
  writeFileSync(copy, readFileSync(path, 'utf8'));
  const saved = { ...process.env };
  Object.assign(process.env, w.env);
  try {
    const { LorePlugin } = await import(pathToFileURL(copy).href);
    const hooks = await LorePlugin({ directory: repo, worktree: repo, project: {}, client: {}, $: null });
    const id = 'ses_3f2a9c81dffeK2mQ7n0xWv';
    const until = async (what: string, ok: (s: Record<string, unknown> | undefined) => boolean) => {
      for (let i = 0; i < 300; i++) {
        const found = sessions(w, repo).find((s) => s.id === id.toLowerCase() || s.id === id);
        if (ok(found)) return found!;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(sessions(w, repo))}`);
    };
    await hooks.event({ event: { type: 'session.created', properties: { info: { id, directory: repo, title: 'New session' } } } });
    await until('the start', (s) => s?.active === true);
    await hooks['tool.execute.before']({ tool: 'edit', sessionID: id, callID: 'call_1' }, { args: { filePath: join(repo, 'src/o.ts'), oldString: 'a', newString: 'b' } });
    await hooks['tool.execute.after']({ tool: 'edit', sessionID: id, callID: 'call_1' }, { title: 'src/o.ts', output: '', metadata: {} });
    await hooks['tool.execute.before']({ tool: 'read', sessionID: id, callID: 'call_2' }, { args: { filePath: join(repo, 'README.md') } });
    await hooks['tool.execute.after']({ tool: 'read', sessionID: id, callID: 'call_2' }, { title: 'README.md', output: '', metadata: {} });
    let got = await until('the edit', (s) => Array.isArray(s?.files) && (s!.files as string[]).length > 0);
    assert.equal([got.tool, got.files], ['opencode', [join(repo, 'src/o.ts')]], 'the edit, never the read');
    // A git commit waits for lore to note that it starts.
    await hooks['tool.execute.before']({ tool: 'bash', sessionID: id, callID: 'call_3' }, { args: { command: 'git commit -m "fix"', description: 'Commit' } });
    assert.ok(typeof indexLines(w).at(-1)!.committing_at === 'string');
    await hooks.event({ event: { type: 'session.idle', properties: { sessionID: id } } });
    got = await until('the end of the turn', (s) => s?.active === false);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }

  assert.match(lore(w, repo, ['hooks', 'uninstall', '--agent', 'opencode']).stdout, `opencode: removed lore's hooks`);
  assert.not.ok(existsSync(path));
});

live('opencode: a plugin of the user\'s at lore\'s path is never overwritten', ({ w, repo }) => {
  const path = join(repo, '.opencode/plugin/lore.js');
  mkdirSync(join(repo, '.opencode/plugin'), { recursive: true });
  writeFileSync(path, 'export const Mine = async () => ({});\n');
  const r = installHooks(w, repo, ['--agent', 'opencode']);
  assert.is(r.code, 1);
  assert.is(r.stderr, `Error: ${path} is a plugin of your own, not lore's; lore will not overwrite it\nhint: Rename or move ${path}, then run the command again.\n`);
  assert.is(readFileSync(path, 'utf8'), 'export const Mine = async () => ({});\n');
  assert.match(lore(w, repo, ['hooks', 'uninstall', '--agent', 'opencode']).stdout, 'opencode: ');
  assert.ok(existsSync(path));
});

live('claude-code: Bash running git commit records committing_at at PreToolUse and clears it at PostToolUse', ({ w, repo }) => {
  assert.is(installHooks(w, repo, ['--agent', 'claude-code']).code, 0);
  const file = '.claude/settings.json';
  const base = { session_id: SID.a, transcript_path: '/tmp/t.jsonl', cwd: repo, permission_mode: 'default' };
  fire(w, repo, file, 'SessionStart', { ...base, source: 'startup' });
  const before = indexLines(w).length;
  fire(w, repo, file, 'PreToolUse', { ...base, tool_name: 'Bash', tool_input: { command: 'echo "git commit"', description: 'Print' } });
  fire(w, repo, file, 'PostToolUse', { ...base, tool_name: 'Bash', tool_input: { command: 'ls' }, tool_response: { stdout: '', stderr: '' } });
  assert.is(indexLines(w).length, before);
  const command = 'git add lib/a.ts && git commit -m "Add a"';
  fire(w, repo, file, 'PreToolUse', { ...base, tool_name: 'Bash', tool_input: { command, description: 'Commit' } });
  const line = indexLines(w).at(-1)!;
  assert.equal(Object.keys(line), ['id', 'seen_at', 'committing_at', 'log']);
  assert.equal([line.id, line.committing_at, line.log], [SID.a, line.seen_at, '/tmp/t.jsonl']);
  fire(w, repo, file, 'PostToolUse', { ...base, tool_name: 'Bash', tool_input: { command, description: 'Commit' }, tool_response: { stdout: '[main 1a2b3c4] Add a', stderr: '' } });
  assert.equal(indexLines(w).at(-1), { id: SID.a, committing_at: null, log: '/tmp/t.jsonl' });
});

live('a shell command without "commit" in it is answered by the hook command itself, without starting lore', ({ w, repo }) => {
  assert.is(installHooks(w, repo, ['--agent', 'claude-code']).code, 0);
  const command = read(join(repo, '.claude/settings.json')).hooks.PreToolUse[0].hooks[0].command;
  const bin = join(w.dir, 'fake-bin');
  const started = join(w.dir, 'lore-started');
  writeScript(join(bin, 'lore'), `#!/bin/sh\ncat > '${started}'\n`);
  const run = (toolInput: Record<string, unknown>) => {
    rmSync(started, { force: true });
    const input = JSON.stringify({ session_id: SID.a, cwd: repo, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: toolInput });
    const r = spawnSync('sh', ['-c', command], { cwd: repo, env: { ...w.env, PATH: `${bin}:${w.env.PATH}` }, input, encoding: 'utf8' });
    assert.equal([r.status, r.stdout, r.stderr], [0, '', '']);
    return existsSync(started) ? JSON.parse(readFileSync(started, 'utf8')) : null;
  };
  assert.is(run({ command: 'npm test' }), null);
  assert.equal(run({ command: 'git commit -m x' })?.tool_input, { command: 'git commit -m x' }, 'lore gets the event as the agent sent it');
});

live('an unknown agent in the hook command never fails the agent', ({ w, repo }) => {
  const r = lore(w, repo, ['hooks', 'agent-event', '--agent', 'windsurf'], { input: JSON.stringify({ session_id: SID.a, hook_event_name: 'Stop' }) });
  assert.equal([r.code, r.stdout], [0, '']);
  assert.is(r.stderr, "lore: could not record the agent event (lore has no hooks for the agent 'windsurf')\n");
});

live.run();

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, git, lore, LORE_BIN, makeRepo, makeWorld, PROJECT, type World } from './helpers/env.js';

/** `lore show <SESSION> --full`: the conversation, through git's pager on a terminal only. */
const CLAUDE = join(PROJECT, 'fixtures/sessions/claude-code/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl');
const CODEX = join(PROJECT, 'fixtures/sessions/codex/2026/01/02/rollout-2026-01-02T18-39-45-019b7f94-51b4-7593-922e-ba12b5b73b52.jsonl');
const ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A small Claude Code log: a prompt with a terminal escape in it, the agent's answer and two tool calls. */
function writeLog(w: World, repo: string): string {
  const log = join(w.dir, 'chat.jsonl');
  const at = (s: number) => `2026-01-13T10:00:${String(s).padStart(2, '0')}Z`;
  const lines = [
    { type: 'user', sessionId: ID, timestamp: at(0), cwd: repo, message: { role: 'user', content: 'fix the login \u001b[2Jbug\nin auth.ts' } },
    {
      type: 'assistant',
      sessionId: ID,
      timestamp: at(5),
      message: {
        role: 'assistant',
        model: 'claude-sonnet-4-20250514',
        content: [
          { type: 'text', text: 'Looking at it.\n\nThe check is inverted.' },
          { type: 'tool_use', id: 't1', name: 'Edit', input: { file_path: join(repo, 'src/auth.ts'), old_string: 'a', new_string: 'b' } },
          { type: 'tool_use', id: 't2', name: 'Bash', input: { command: 'npm test\necho more', description: 'run the tests' } },
        ],
      },
    },
    { type: 'user', sessionId: ID, timestamp: at(9), message: { role: 'user', content: 'thanks' } },
  ];
  writeFileSync(log, lines.map((l) => JSON.stringify(l) + '\n').join(''));
  addSessions(w, [{ id: ID, tool: 'claude-code', cwd: repo, started_at: at(0), ended_at: at(9), log }]);
  return log;
}

/** A pager that keeps what it was given and the LESS it ran with, for the test to read. */
function fakePager(w: World): { script: string; got: string } {
  const script = join(w.dir, 'pager.sh');
  const got = join(w.dir, 'paged.txt');
  writeFileSync(script, `#!/bin/sh\n{ echo "LESS=$LESS LV=$LV"; cat; } > '${got}.tmp' && mv '${got}.tmp' '${got}'\n`);
  chmodSync(script, 0o755);
  return { script, got };
}

test('--full prints the conversation: each turn, each tool call on one line, escapes made visible', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    writeLog(w, repo);
    const r = lore(w, repo, ['show', 'aaaaaaaa', '--full']);
    assert.is(r.code, 0, r.stderr);
    const expected = [
      'Conversation:',
      '',
      'User:',
      '  fix the login \\x1b[2Jbug',
      '  in auth.ts',
      '',
      'Assistant:',
      '  Looking at it.',
      '',
      '  The check is inverted.',
      `  → Edit ${join(repo, 'src/auth.ts')}`,
      '  → Bash npm test',
      '',
      'User:',
      '  thanks',
      '',
      '1 file edited:',
    ].join('\n');
    assert.ok(r.stdout.includes(expected), r.stdout);
    assert.match(r.stdout, /^Model +claude-sonnet-4-20250514$/m);
    assert.not.match(r.stdout, '\u001b');
    // Without --full the numbered prompts, as before.
    assert.not.match(lore(w, repo, ['show', 'aaaaaaaa']).stdout, 'Conversation:');
    const json = JSON.parse(lore(w, repo, ['show', 'aaaaaaaa', '--full', '--json']).stdout);
    assert.equal(json.context.conversation[2], { role: 'tool', text: `Edit ${join(repo, 'src/auth.ts')}` });
    assert.is(JSON.parse(lore(w, repo, ['show', 'aaaaaaaa', '--json']).stdout).context.conversation, undefined);
  } finally {
    w.cleanup();
  }
});

test('--full on real Claude Code and Codex logs: the tool calls as the agent ran them', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    addSessions(w, [
      { id: '1af7fc5e-8455-4414-9ccd-011d40f70b2a', tool: 'claude-code', cwd: repo, started_at: '2025-09-07T09:00:00Z', log: CLAUDE },
      { id: '019b7f94-51b4-7593-922e-ba12b5b73b52', tool: 'codex', cwd: repo, started_at: '2026-01-02T16:39:45Z', log: CODEX },
    ]);
    const claude = lore(w, repo, ['show', '1af7fc5e', '--full']);
    assert.is(claude.code, 0, claude.stderr);
    assert.match(claude.stdout, /^User:\n  \/init$/m);
    assert.match(claude.stdout, /^  → Write \/path\/to\/Demo\/CLAUDE\.md$/m);
    assert.match(claude.stdout, /^  I've created a basic CLAUDE\.md file/m);
    const codex = lore(w, repo, ['show', '019b7f94', '--full']);
    assert.is(codex.code, 0, codex.stderr);
    // Codex runs `bash -lc <script>`: the script is the command.
    assert.match(codex.stdout, /^  → shell rg --files -g 'AGENTS\.md'$/m);
    assert.not.match(codex.stdout, /AGENTS\.md instructions/);
  } finally {
    w.cleanup();
  }
});

test('on a pipe --full never pages, whatever pager git is given; --full without a session is an error', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    writeLog(w, repo);
    const { script, got } = fakePager(w);
    const r = lore(w, repo, ['show', 'aaaaaaaa', '--full'], { env: { GIT_PAGER: script, PAGER: script } });
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, 'Conversation:');
    assert.ok(!existsSync(got), 'the pager ran on a pipe');
    const bad = lore(w, repo, ['show', '--full']);
    assert.is(bad.code, 2);
    assert.is(bad.stderr, 'Error: --full shows one session: give its id (lore show <SESSION> --full)\n');
    assert.is(bad.stdout, '');
  } finally {
    w.cleanup();
  }
});

(hasTmux ? test : test.skip)("on a terminal --full goes through git's pager (core.pager here), with LESS=FRX", async () => {
  const w = makeWorld();
  const socket = `lore-full-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  try {
    const repo = makeRepo(w);
    writeLog(w, repo);
    const { script, got } = fakePager(w);
    git(w, repo, ['config', 'core.pager', script]);
    const env = ['env', '-u', 'CI', '-u', 'LESS', '-u', 'LV', '-u', 'GIT_PAGER', '-u', 'PAGER', `HOME=${w.home}`, `LORE_HOME=${w.loreHome}`, `PATH=${w.env.PATH}`, `GIT_CONFIG_GLOBAL=${w.env.GIT_CONFIG_GLOBAL}`, 'GIT_CONFIG_NOSYSTEM=1'];
    const command = [...env, process.execPath, LORE_BIN, 'show', 'aaaaaaaa', '--full'];
    // The exit code goes to a file and the pane stays open for capture-pane: tmux's own
    // pane_dead_status is not always set here, and a pane that is gone cannot be read.
    const rc = join(w.dir, 'rc');
    tmux('new-session', '-d', '-s', 'full', '-x', '150', '-y', '20', '-c', repo, `${command.map((a) => `'${a}'`).join(' ')}; echo $? > '${rc}'; sleep 600`);
    const end = Date.now() + 60_000;
    while (!existsSync(rc) && Date.now() < end) await sleep(20);
    const pane = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'full');
    assert.is(readFileSync(rc, 'utf8').trim(), '0', pane());
    const paged = readFileSync(got, 'utf8');
    assert.is(paged.split('\n')[0], 'LESS=FRX LV=-c');
    assert.match(paged, '\nUser:\n  fix the login \\x1b[2Jbug\n');
    assert.match(paged, '  → Bash npm test\n');
    assert.not.match(paged, '\u001b');
    // What the pager took is not printed a second time.
    assert.not.match(pane(), 'Conversation:');
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    w.cleanup();
  }
});

test.run();

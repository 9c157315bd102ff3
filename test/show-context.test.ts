import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readAiderHistory } from '../lib/sessions/importers/aider.js';
import { addSessions, commit, lore, makeRepo, makeWorld, PROJECT } from './helpers/env.js';

const CLAUDE = join(PROJECT, 'fixtures/sessions/claude-code/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl');
const GEMINI = join(PROJECT, 'fixtures/sessions/gemini-cli/28be4f5feb651b48879e1281570b925ec19d4e00cd5aa13d3b3f17fe9efd858d/chats/session-2025-12-06T18-25-18f475c0');
const AIDER = join(PROJECT, 'fixtures/sessions/aider/hand-shop/.aider.chat.history.md');
const CODEX = join(PROJECT, 'fixtures/sessions/codex/2026/01/02/rollout-2026-01-02T18-39-45-019b7f94-51b4-7593-922e-ba12b5b73b52.jsonl');
const AMP = join(PROJECT, 'fixtures/sessions/amp/T-019ca1f6-7f21-77b5-a308-65416ebbdf48.json');
const CURSOR = join(PROJECT, 'fixtures/sessions/cursor/Users-aidancunniffe-Desktop-testing-gitflows-git-ai/agent-transcripts/cursor-session-simple.jsonl');
const COPILOT = join(PROJECT, 'fixtures/sessions/copilot-cli/301561f1-558a-43e9-a144-82d3ca12ab62/events.jsonl');

test('show <SESSION> prints the prompts, files and model of a real Claude Code log', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const log = join(w.dir, 'claude.jsonl');
    copyFileSync(CLAUDE, log);
    addSessions(w, [{ id: '1af7fc5e-8455-4414-9ccd-011d40f70b2a', tool: 'claude-code', cwd: repo, started_at: '2025-09-07T09:00:00Z', ended_at: '2025-09-07T10:00:00Z', log }]);
    const r = lore(w, repo, ['show', '1af7fc5e']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Model +claude-sonnet-4-20250514$/m);
    assert.match(r.stdout, /^\d+ prompts?:$/m);
    assert.match(r.stdout, /^  1\. \S/m);
    const json = JSON.parse(lore(w, repo, ['show', '1af7fc5e', '--json']).stdout);
    assert.is(json.context.model, 'claude-sonnet-4-20250514');
    assert.ok(json.context.prompts.length > 0);
    assert.match(r.stdout, `  1. ${json.context.prompts[0].split('\n')[0].slice(0, 20)}`);
  } finally {
    w.cleanup();
  }
});

test('show <SESSION> prints the first prompt and model of a real Codex log, not its AGENTS.md', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    addSessions(w, [{ id: '019b7f94-51b4-7593-922e-ba12b5b73b52', tool: 'codex', cwd: repo, started_at: '2026-01-02T16:39:45Z', ended_at: '2026-01-02T17:00:00Z', log: CODEX }]);
    const r = lore(w, repo, ['show', '019b7f94']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Model +gpt-5-1-codex-2025-11-13$/m);
    assert.match(r.stdout, /^  1\. what is current repository about\? summarize purpuse and explain goals$/m);
    assert.not.match(r.stdout, /AGENTS\.md instructions/);
  } finally {
    w.cleanup();
  }
});

test('show <SESSION> reads real Amp, Cursor and Copilot CLI logs: prompts, files, the model where logged, and --full', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    addSessions(w, [
      { id: 'T-019ca1f6-7f21-77b5-a308-65416ebbdf48', tool: 'amp', cwd: repo, started_at: '2026-02-28T01:56:52Z', ended_at: '2026-02-28T01:57:00Z', log: AMP },
      { id: 'cursor-session-simple', tool: 'cursor', cwd: repo, started_at: '2026-04-02T10:00:00Z', ended_at: '2026-04-02T10:00:00Z', log: CURSOR },
      { id: '301561f1-558a-43e9-a144-82d3ca12ab62', tool: 'copilot-cli', cwd: repo, started_at: '2026-05-12T00:21:05Z', ended_at: '2026-05-12T00:21:12Z', log: COPILOT },
    ]);
    for (const [id, prompt, file, model, call] of [
      ['T-019ca1f6', 'Read jokes.csv and append one new joke row', '/Users/svarlamov/projects/testing-git-amp/jokes.csv', 'claude-opus-4-6', 'edit_file /Users/svarlamov/projects/testing-git-amp/jokes.csv'],
      ['cursor-session-simple', "Generate a file with all the HBO shows from the 90's in it", '/Users/aidancunniffe/Desktop/testing-gitflows-git-ai/hbo-shows-1990s.txt', undefined, 'Write /Users/aidancunniffe/Desktop/testing-gitflows-git-ai/hbo-shows-1990s.txt'],
      ['301561f1', 'create a hello world file', '/Users/test/project/hello.py', 'gpt-4.1', 'create /Users/test/project/hello.py'],
    ]) {
      const r = lore(w, repo, ['show', id!]);
      assert.is(r.code, 0, r.stderr);
      assert.match(r.stdout, `\n1 prompt:\n  1. ${prompt}\n`);
      assert.match(r.stdout, `\n1 file edited:\n  ${file}\n`);
      if (model === undefined) assert.not.match(r.stdout, /^Model /m);
      else assert.match(r.stdout, new RegExp(`^Model +${model}$`, 'm'));
      const full = lore(w, repo, ['show', id!, '--full']);
      assert.is(full.code, 0, full.stderr);
      assert.match(full.stdout, `  → ${call}\n`);
      assert.match(full.stdout, prompt!);
    }
  } finally {
    w.cleanup();
  }
});

test('a gone log costs one line; a prompt with control characters is shown escaped', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const log = join(w.dir, 'hostile.jsonl');
    const id = 'aaaaaaaa-0000-4000-8000-000000000001';
    const line = { type: 'user', sessionId: id, timestamp: '2026-01-13T10:00:00Z', cwd: repo, message: { role: 'user', content: 'fix \u001b]0;pwned\u0007 it' } };
    writeFileSync(log, JSON.stringify(line) + '\n');
    addSessions(w, [
      { id, tool: 'claude-code', cwd: repo, started_at: '2026-01-13T10:00:00Z', log },
      { id: 'bbbbbbbb-0000-4000-8000-000000000002', tool: 'claude-code', cwd: repo, started_at: '2026-01-13T10:00:00Z', log: join(w.dir, 'gone.jsonl') },
    ]);
    const hostile = lore(w, repo, ['show', 'aaaaaaaa']);
    assert.is(hostile.code, 0, hostile.stderr);
    assert.match(hostile.stdout, '  1. fix \\x1b]0;pwned\\x07 it');
    assert.not.match(hostile.stdout, '\u001b');
    const gone = lore(w, repo, ['show', 'bbbbbbbb']);
    assert.is(gone.code, 0, gone.stderr);
    assert.match(gone.stdout, `The session's log ${join(w.dir, 'gone.jsonl')} is gone: no prompts or files from it\n`);
  } finally {
    w.cleanup();
  }
});

test("a session only Claude Code's hooks reported: show reads the log its transcript_path named", () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const log = join(w.dir, 'transcript.jsonl');
    copyFileSync(CLAUDE, log);
    const id = '1af7fc5e-8455-4414-9ccd-011d40f70b2a';
    const event = (hook_event_name: string) =>
      lore(w, repo, ['hooks', 'agent-event'], { input: JSON.stringify({ session_id: id, transcript_path: log, cwd: repo, hook_event_name }) });
    assert.is(event('SessionStart').code, 0);
    const r = lore(w, repo, ['show', '1af7fc5e']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Model +claude-sonnet-4-20250514$/m);
    assert.match(r.stdout, /^  1\. \S/m);
    // A `~` in the path (as Claude Code's documentation writes it) is the home directory.
    copyFileSync(CLAUDE, join(w.home, 'home.jsonl'));
    lore(w, repo, ['hooks', 'agent-event'], { input: JSON.stringify({ session_id: id, transcript_path: '~/home.jsonl', cwd: repo, hook_event_name: 'SessionEnd' }) });
    assert.is(JSON.parse(lore(w, repo, ['show', '1af7fc5e', '--json']).stdout).context.log_found, true);
  } finally {
    w.cleanup();
  }
});

test('show --commit adds each linked session\'s first prompt and files from its log; nothing for one without', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    commit(w, repo, { message: 'fix login' });
    const log = join(w.dir, 'claude.jsonl');
    const id = 'aaaaaaaa-0000-4000-8000-000000000001';
    const files = ['src/auth.ts', 'src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts'];
    const edits = files.map((f, i) => ({ type: 'tool_use', id: `t${i}`, name: 'Write', input: { file_path: join(repo, f), content: 'x' } }));
    const lines = [
      { type: 'user', sessionId: id, timestamp: '2026-01-13T10:00:00Z', cwd: repo, message: { role: 'user', content: 'fix the login bug\nin auth.ts' } },
      { type: 'assistant', sessionId: id, timestamp: '2026-01-13T10:01:00Z', message: { role: 'assistant', model: 'claude-opus-4-1', content: edits } },
    ];
    writeFileSync(log, lines.map((l) => JSON.stringify(l) + '\n').join(''));
    addSessions(w, [
      { id, tool: 'claude-code', cwd: repo, started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:30:00Z', log },
      { id: '019b7f94-51b4-7593-922e-ba12b5b73b52', tool: 'codex', cwd: repo, started_at: '2026-01-02T16:39:45Z', ended_at: '2026-01-02T17:00:00Z', log: CODEX },
      { id: 'cccccccc-0000-4000-8000-000000000003', tool: 'manual', cwd: repo, started_at: '2026-01-13T10:00:00Z' },
    ]);
    for (const s of ['aaaaaaaa', '019b7f94', 'cccccccc']) assert.is(lore(w, repo, ['link', s, '--commit', 'HEAD']).code, 0);
    const r = lore(w, repo, ['show', '--commit', 'HEAD']);
    assert.is(r.code, 0, r.stderr);
    const block = (short: string) => r.stdout.split('\n\n').find((b) => b.startsWith(`  ${short}`)) ?? '';
    assert.match(block('aaaaaaaa'), /\n    Prompt     fix the login bug\n/);
    assert.match(block('aaaaaaaa'), /\n    Files      src\/auth\.ts, src\/a\.ts, src\/b\.ts, src\/c\.ts, src\/d\.ts \(\+1 more\)$/);
    assert.match(block('019b7f94'), /\n    Prompt     what is current repository about\? summarize purpuse and explain goals$/);
    assert.match(block('cccccccc'), /\n    Linked     manual by /);
    assert.not.match(block('cccccccc'), /Prompt|Files/);
    const json = JSON.parse(lore(w, repo, ['show', '--commit', 'HEAD', '--json']).stdout);
    const byId = (p: string) => json.sessions.find((s: { id: string }) => s.id.startsWith(p));
    assert.equal(byId('aaaaaaaa').context, { log_found: true, model: 'claude-opus-4-1', first_prompt: 'fix the login bug\nin auth.ts', prompt_count: 1, files_edited: files.map((f) => join(repo, f)) });
    assert.is(byId('cccccccc').context, undefined);
  } finally {
    w.cleanup();
  }
});

test("Gemini CLI's hooks name the chat too: show reads a session only its hooks reported", () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const chat = join(w.home, '.gemini/tmp/x/chats/session.json');
    mkdirSync(dirname(chat), { recursive: true });
    copyFileSync(GEMINI + '.json', chat);
    const input = JSON.stringify({ session_id: '18f475c0-690f-4bc9-b84e-88a0a1e9518f', transcript_path: chat, cwd: repo, hook_event_name: 'SessionStart', timestamp: new Date().toISOString() });
    assert.is(lore(w, repo, ['hooks', 'agent-event', '--agent', 'gemini-cli'], { input }).code, 0);
    const r = lore(w, repo, ['show', '18f475c0']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Tool +gemini-cli$/m);
    assert.match(r.stdout, /^Model +gemini-2\.5-flash$/m);
    assert.match(r.stdout, '  1. add another hello bob console log to @index.ts\n');
  } finally {
    w.cleanup();
  }
});

test('show reads the model and prompts of a real Gemini CLI chat, in both its forms, and --full its tool calls', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    for (const ext of ['.json', '.jsonl']) {
      const id = ext === '.json' ? '18f475c0-690f-4bc9-b84e-88a0a1e9518f' : '28f475c0-690f-4bc9-b84e-88a0a1e9518f';
      addSessions(w, [{ id, tool: 'gemini-cli', cwd: repo, started_at: '2025-12-06T18:25:18Z', ended_at: '2025-12-06T18:27:49Z', log: GEMINI + ext }]);
      const r = lore(w, repo, ['show', id.slice(0, 8)]);
      assert.is(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Model +gemini-2\.5-flash$/m);
      // The @file contents Gemini CLI sends after the prompt are not the prompt.
      assert.match(r.stdout, /^1 prompt:\n  1\. add another hello bob console log to @index\.ts\n\n1 file edited:\n  \/Users\/svarlamov\/projects\/testing-git\/index\.ts\n/m);
      const full = lore(w, repo, ['show', id.slice(0, 8), '--full']).stdout;
      assert.match(full, "Assistant:\n  I will add `console.log('hello bob');` to the `index.ts` file.\n  → replace /Users/svarlamov/projects/testing-git/index.ts\n");
      assert.not.match(full, 'Content from referenced files');
    }
  } finally {
    w.cleanup();
  }
});

test('show reads the model and prompts of the Aider run the session is, and --full its commands and edits', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const runs = readAiderHistory(readFileSync(AIDER, 'utf8'), { path: AIDER, mtimeMs: 0 }).sessions;
    addSessions(w, runs.map((p) => ({ id: p.id!, tool: 'aider', cwd: repo, started_at: new Date(p.startedAt!).toISOString(), log: AIDER })));
    const first = lore(w, repo, ['show', runs[0].id!.slice(0, 8)]);
    assert.is(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Model +gpt-4o$/m);
    // `/add` is a command, not a prompt; `/ask` sends the rest of the line to the model.
    assert.match(first.stdout, '2 prompts:\n  1. Add a discount to the cart total:\n  2. does src/cart.ts round the total?\n');
    const full = lore(w, repo, ['show', runs[0].id!.slice(0, 8), '--full']).stdout;
    assert.match(full, 'Conversation:\n\nAssistant:\n  → /add src/cart.ts\n\nUser:\n  Add a discount to the cart total:\n  apply 10% above 100 euros\n');
    assert.match(full, '  >>>>>>> REPLACE\n  ```\n  → edit src/cart.ts\n  → edit src/discount.ts\n');
    const second = lore(w, repo, ['show', runs[1].id!.slice(0, 8)]).stdout;
    assert.match(second, '1 prompt:\n  1. round the total to cents in src/cart.ts\n');
    assert.not.match(second, 'discount');
  } finally {
    w.cleanup();
  }
});

test.run();

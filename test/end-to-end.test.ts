import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cursorSlug } from '../lib/sessions/importers/project-dir.js';
import { commit, git, lore, makeRepo, makeWorld, noteRecords, PROJECT, type World } from './helpers/env.js';

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

/** A repository with a first commit, and the Claude Code log of a session in it. */
function appWithClaudeLog(w: World): string {
  const repo = makeRepo(w, 'app');
  commit(w, repo, { files: { 'README.md': 'app\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
  const projects = join(w.home, '.claude', 'projects', '-app');
  mkdirSync(projects, { recursive: true });
  writeFileSync(join(projects, `${SESSION}.jsonl`), claudeLog(repo));
  return repo;
}

test('import a Claude Code log, commit its file inside the window, lore link --auto --yes links it', () => {
  const w = makeWorld();
  try {
    const repo = appWithClaudeLog(w);

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

const GEMINI_SESSION = '3e1f0c2a-5555-4666-8777-888899990000';

/** A Gemini CLI chat (older single-JSON form) that replaced a line of lib/g.ts; it logs no cwd. */
function geminiChat(cwd: string): string {
  return JSON.stringify({
    sessionId: GEMINI_SESSION,
    projectHash: createHash('sha256').update(cwd).digest('hex'),
    startTime: '2026-01-14T09:00:00.000Z',
    lastUpdated: '2026-01-14T09:30:00.000Z',
    messages: [
      { id: 'm1', timestamp: '2026-01-14T09:00:00.000Z', type: 'user', content: 'Make lib/g.ts greet in German' },
      {
        id: 'm2',
        timestamp: '2026-01-14T09:10:00.000Z',
        type: 'gemini',
        content: 'Done.',
        toolCalls: [{ id: 'c1', name: 'replace', args: { file_path: join(cwd, 'lib/g.ts'), old_string: 'hi', new_string: 'hallo' }, status: 'success' }],
      },
    ],
  });
}

/** An Aider run in the repository (local time is UTC in these tests) that edited lib/d.ts. */
const AIDER_HISTORY = '\n# aider chat started at 2026-01-15 08:00:00\n\n#### add a docstring to lib/d.ts  \n\n> Applied edit to lib/d.ts  \n';
const AIDER_INPUT = '\n# 2026-01-15 08:10:00.000000\n+add a docstring to lib/d.ts\n';

test('sessions of Claude Code, Gemini CLI and Aider in one repository: import, then --auto --backfill links each to its commit', () => {
  const w = makeWorld();
  try {
    const repo = appWithClaudeLog(w);
    const chats = join(w.home, '.gemini', 'tmp', 'any-hash-dir', 'chats');
    mkdirSync(chats, { recursive: true });
    writeFileSync(join(chats, 'session-2026-01-14T09-00-3e1f0c2a.json'), geminiChat(repo));
    writeFileSync(join(repo, '.aider.chat.history.md'), AIDER_HISTORY);
    writeFileSync(join(repo, '.aider.input.history'), AIDER_INPUT);

    const imported = lore(w, repo, ['import']);
    assert.is(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /claude-code: 1 session/);
    assert.match(imported.stdout, /gemini-cli: 1 session/);
    assert.match(imported.stdout, /aider: 1 session/);

    const claudeCommit = commit(w, repo, { files: { 'lib/a.ts': 'hello\n' }, message: 'Say hello', date: '2026-01-13T10:15:00Z' });
    const geminiCommit = commit(w, repo, { files: { 'lib/g.ts': 'hallo\n' }, message: 'Say hallo', date: '2026-01-14T09:20:00Z' });
    const aiderCommit = commit(w, repo, { files: { 'lib/d.ts': '/** d */\n' }, message: 'Document d', date: '2026-01-15T08:12:00Z' });
    const r = lore(w, repo, ['link', '--auto', '--backfill', '--yes']);
    assert.is(r.code, 0, r.stderr);
    const linked = (rev: string) => noteRecords(w, repo, rev).map((x) => [x.method, x.tool]);
    assert.equal(linked(claudeCommit), [['backfill', 'claude-code']]);
    assert.equal(linked(geminiCommit), [['backfill', 'gemini-cli']]);
    assert.equal(linked(aiderCommit), [['backfill', 'aider']]);
    assert.equal(noteRecords(w, repo, geminiCommit)[0].session, GEMINI_SESSION);
  } finally {
    w.cleanup();
  }
});

/** A real fixture with the directory it was written in replaced by `repo`. */
function realLog(rel: string, from: string, repo: string): string {
  return readFileSync(join(PROJECT, 'fixtures/sessions', rel), 'utf8').replaceAll(from, repo);
}

test('real Cursor, Copilot CLI and Amp logs moved into one repository: import, then --auto --backfill links each to its commit', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w, 'app');
    commit(w, repo, { files: { 'README.md': 'app\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
    const amp = join(w.home, '.local', 'share', 'amp', 'threads');
    mkdirSync(amp, { recursive: true });
    writeFileSync(join(amp, 'T-019ca1f6-7f21-77b5-a308-65416ebbdf48.json'), realLog('amp/T-019ca1f6-7f21-77b5-a308-65416ebbdf48.json', '/Users/svarlamov/projects/testing-git-amp', repo));
    const copilot = join(w.home, '.copilot', 'session-state', '301561f1-558a-43e9-a144-82d3ca12ab62');
    mkdirSync(copilot, { recursive: true });
    writeFileSync(join(copilot, 'events.jsonl'), realLog('copilot-cli/301561f1-558a-43e9-a144-82d3ca12ab62/events.jsonl', '/Users/test/project', repo));
    // Cursor names the project by its slug and logs no time: the transcript's mtime is its end.
    const transcripts = join(w.home, '.cursor', 'projects', cursorSlug(repo), 'agent-transcripts');
    mkdirSync(transcripts, { recursive: true });
    const transcript = join(transcripts, 'cursor-session-simple.jsonl');
    const slug = 'Users-aidancunniffe-Desktop-testing-gitflows-git-ai';
    writeFileSync(transcript, realLog(`cursor/${slug}/agent-transcripts/cursor-session-simple.jsonl`, '/Users/aidancunniffe/Desktop/testing-gitflows-git-ai', repo));
    const cursorEnd = Date.parse('2026-04-02T10:00:00Z') / 1000;
    utimesSync(transcript, cursorEnd, cursorEnd);

    const imported = lore(w, repo, ['import']);
    assert.is(imported.code, 0, imported.stderr);
    for (const tool of ['cursor', 'copilot-cli', 'amp']) assert.match(imported.stdout, `${tool}: 1 session(s) imported`);

    const ampCommit = commit(w, repo, { files: { 'jokes.csv': 'id,joke\n' }, message: 'Add a joke', date: '2026-02-28T01:56:59Z' });
    const cursorCommit = commit(w, repo, { files: { 'hbo-shows-1990s.txt': 'Oz\n' }, message: 'List HBO shows', date: '2026-04-02T10:01:00Z' });
    const copilotCommit = commit(w, repo, { files: { 'hello.py': "print('hello world')\n" }, message: 'Hello', date: '2026-05-12T00:21:11Z' });
    const r = lore(w, repo, ['link', '--auto', '--backfill', '--yes']);
    assert.is(r.code, 0, r.stderr);
    const linked = (rev: string) => noteRecords(w, repo, rev).map((x) => [x.method, x.tool, x.session]);
    assert.equal(linked(ampCommit), [['backfill', 'amp', 'T-019ca1f6-7f21-77b5-a308-65416ebbdf48']]);
    assert.equal(linked(cursorCommit), [['backfill', 'cursor', 'cursor-session-simple']]);
    assert.equal(linked(copilotCommit), [['backfill', 'copilot-cli', '301561f1-558a-43e9-a144-82d3ca12ab62']]);
  } finally {
    w.cleanup();
  }
});

test("a Cursor session its live hooks recorded and its transcript, imported later, are one session", () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w, 'app');
    const id = '5b2c9e10-2222-4333-8444-555566667777';
    const event = (payload: Record<string, unknown>) => {
      const r = lore(w, repo, ['hooks', 'agent-event', '--agent', 'cursor'], { input: JSON.stringify({ conversation_id: id, workspace_roots: [repo], ...payload }) });
      assert.is(r.code, 0, r.stderr);
    };
    event({ hook_event_name: 'sessionStart' });
    event({ hook_event_name: 'afterFileEdit', file_path: join(repo, 'src/c.ts'), edits: [] });
    event({ hook_event_name: 'stop', status: 'completed' });
    // Cursor names the transcript after the conversation, in the project's slug directory.
    const transcripts = join(w.home, '.cursor', 'projects', cursorSlug(repo), 'agent-transcripts');
    mkdirSync(transcripts, { recursive: true });
    const slug = 'Users-aidancunniffe-Desktop-testing-gitflows-git-ai';
    writeFileSync(join(transcripts, `${id}.jsonl`), realLog(`cursor/${slug}/agent-transcripts/cursor-session-simple.jsonl`, '/Users/aidancunniffe/Desktop/testing-gitflows-git-ai', repo));
    const imported = lore(w, repo, ['import', '--no-link']);
    assert.is(imported.code, 0, imported.stderr);
    const sessions = JSON.parse(lore(w, repo, ['sessions', '--json']).stdout) as Record<string, unknown>[];
    assert.equal(
      sessions.map((s) => [s.id, s.tool, s.cwd, s.files, s.title]),
      [[id, 'cursor', repo, [join(repo, 'src/c.ts'), join(repo, 'hbo-shows-1990s.txt')], "Generate a file with all the HBO shows from the 90's in it"]],
    );
  } finally {
    w.cleanup();
  }
});

test.run();

import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Io } from '../lib/io.js';
import { recordingIo } from './helpers/io.js';
import { runImport } from '../lib/cli/import-run.js';
import { defaultLogDirs, type ImportOptions } from '../lib/commands/import.js';
import { readIndex } from '../lib/sessions/index-file.js';
import type { Session } from '../lib/sessions/session.js';

/** `lore import` over copies of fixtures/sessions: incremental, idempotent, --since, --dry-run. */
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sessions');
const CLAUDE = join(FIXTURES, 'claude-code');
const CODEX = join(FIXTURES, 'codex');
const OLD_CODEX = '2025/08/20/rollout-2025-08-20T13-20-47-5a1d4c2e-1111-4222-8333-944455556666.jsonl';

const ms = (iso: string) => Date.parse(iso);

interface World {
  dir: string;
  opts: ImportOptions;
  out: string[];
  err: string[];
  io: Io;
  /** Where a fixture lands in the temp logs tree. */
  claudeLog(name: string): string;
  codexLog(rel: string): string;
}

const CLAUDE_PROJECT = '-home-dev-shop';

function makeWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), 'lore-import-'));
  const claudeDir = join(dir, 'claude', 'projects');
  const codexDir = join(dir, 'codex', 'sessions');
  mkdirSync(join(claudeDir, CLAUDE_PROJECT), { recursive: true });
  cpSync(CLAUDE, join(claudeDir, CLAUDE_PROJECT), { recursive: true });
  cpSync(CODEX, codexDir, { recursive: true });
  const { io, out, err } = recordingIo();
  return {
    dir,
    opts: { claudeDir, codexDir, dryRun: false, indexPath: join(dir, 'lore', 'sessions.jsonl'), statePath: join(dir, 'lore', 'import-state.json') },
    out,
    err,
    io,
    claudeLog: (name) => join(claudeDir, CLAUDE_PROJECT, name),
    codexLog: (rel) => join(codexDir, rel),
  };
}

function sessions(w: World): Map<string, Session> {
  return readIndex(w.opts.indexPath, (m) => assert.unreachable(m)).sessions;
}

const indexText = (w: World) => readFileSync(w.opts.indexPath, 'utf8');

const ALL_IDS = [
  '1af7fc5e-8455-4414-9ccd-011d40f70b2a',
  '5c0375b4-57a5-4f26-b12d-d022ee4e51b7',
  'ba79134d-b6e9-4867-af0c-6941038c9e4b',
  'dac34307-159f-4fcd-9c21-35210246ad38',
  'cb947e5b-246e-4253-a953-631f7e464c6b',
  'fed8ce56-bc79-401f-a83e-af084253362f',
  '0a1b2c3d-0000-4000-8000-000000000001',
  '0a1b2c3d-0000-4000-8000-000000000002',
  '0a1b2c3d-0000-4000-8000-000000000003',
  '5a1d4c2e-1111-4222-8333-944455556666',
  '0199a000-0000-7000-8000-00000000000a',
  '019b7f94-51b4-7593-922e-ba12b5b73b52',
].sort();

const imp = suite<{ w: World }>('lore import');
imp.before.each((ctx) => {
  ctx.w = makeWorld();
});
imp.after.each((ctx) => rmSync(ctx.w.dir, { recursive: true, force: true }));

imp('imports every log once, one line per session, and says how many', async ({ w }) => {
  const r = await runImport(w.opts, w.io);
  assert.is(r.lines.length, 12);
  const all = sessions(w);
  assert.equal([...all.keys()].sort(), ALL_IDS);
  const s = all.get('cb947e5b-246e-4253-a953-631f7e464c6b')!;
  assert.is(s.tool, 'claude-code');
  assert.is(s.cwd, '/Users/aidancunniffe/Desktop/ghq');
  assert.is(s.branch, 'main');
  // The index keeps whole seconds.
  assert.is(s.startedAt, ms('2025-09-11T13:28:05Z'));
  assert.is(s.endedAt, ms('2025-09-11T13:29:40Z'));
  assert.equal(s.files, ['/Users/aidancunniffe/Desktop/ghq/src/app/globals.css', '/Users/aidancunniffe/Desktop/ghq/src/game/HistoryLog.tsx']);
  // No edit seen is "unknown", not "touched nothing": a shell command may have changed files.
  assert.is(all.get('fed8ce56-bc79-401f-a83e-af084253362f')!.files, null);
  assert.is(all.get('019b7f94-51b4-7593-922e-ba12b5b73b52')!.tool, 'codex');
  assert.equal(w.out, [
    `claude-code: 9 session(s) imported (9 new, 0 updated) from 9 log file(s) in ${w.opts.claudeDir}`,
    `codex: 3 session(s) imported (3 new, 0 updated) from 3 log file(s) in ${w.opts.codexDir}`,
  ]);
  // Three lines of the edge-case log and one of the Codex log are not JSON objects.
  assert.is(w.err.length, 2);
});

imp('importing twice appends nothing the second time', async ({ w }) => {
  await runImport(w.opts, w.io);
  const before = indexText(w);
  const r = await runImport(w.opts, w.io);
  assert.is(r.lines.length, 0);
  assert.is(indexText(w), before);
  assert.match(w.out.at(-2)!, /^claude-code: 0 session\(s\) imported/);
});

imp('a grown log adds only what is new: a later end and the new files', async ({ w }) => {
  await runImport(w.opts, w.io);
  const before = indexText(w);
  const log = w.claudeLog('example-claude-code.jsonl');
  appendFileSync(
    log,
    JSON.stringify({
      type: 'assistant',
      isSidechain: false,
      sessionId: 'cb947e5b-246e-4253-a953-631f7e464c6b',
      cwd: '/Users/aidancunniffe/Desktop/ghq',
      gitBranch: 'main',
      timestamp: '2025-09-11T14:00:00.000Z',
      message: { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'Write', input: { file_path: '/Users/aidancunniffe/Desktop/ghq/src/new.ts', content: '' } }] },
    }) + '\n',
  );
  const r = await runImport(w.opts, w.io);
  assert.equal(r.lines, [{ id: 'cb947e5b-246e-4253-a953-631f7e464c6b', files: ['/Users/aidancunniffe/Desktop/ghq/src/new.ts'], endedAt: ms('2025-09-11T14:00:00Z') }]);
  assert.is(indexText(w), before + '{"id":"cb947e5b-246e-4253-a953-631f7e464c6b","ended_at":"2025-09-11T14:00:00Z","files":["/Users/aidancunniffe/Desktop/ghq/src/new.ts"]}\n');
  const s = sessions(w).get('cb947e5b-246e-4253-a953-631f7e464c6b')!;
  assert.equal(s.files, ['/Users/aidancunniffe/Desktop/ghq/src/app/globals.css', '/Users/aidancunniffe/Desktop/ghq/src/game/HistoryLog.tsx', '/Users/aidancunniffe/Desktop/ghq/src/new.ts']);
  assert.is(s.startedAt, ms('2025-09-11T13:28:05Z'));
  assert.match(w.out.at(-2)!, /^claude-code: 1 session\(s\) imported \(0 new, 1 updated\)/);
});

imp('a truncated last line is left for next time, then read once it is whole', async ({ w }) => {
  const log = w.claudeLog('hand-truncated.jsonl');
  const whole = readFileSync(log, 'utf8');
  await runImport(w.opts, w.io);
  const id = '0a1b2c3d-0000-4000-8000-000000000003';
  assert.equal(sessions(w).get(id)!.files, ['/home/dev/api/src/server.ts']);
  const state = JSON.parse(readFileSync(w.opts.statePath, 'utf8'));
  assert.is(state.logs[log].offset, Buffer.byteLength(whole.slice(0, whole.lastIndexOf('\n') + 1)));
  // The agent finishes the line it was writing.
  const lines = readFileSync(join(CLAUDE, 'hand-truncated.jsonl'), 'utf8').split('\n');
  const partial = lines.at(-1)!;
  const full = wholeTruncatedLine(partial);
  appendFileSync(log, full.slice(partial.length) + '\n');
  const r = await runImport(w.opts, w.io);
  assert.equal(r.lines, [{ id, files: ['/home/dev/api/src/late.ts'], endedAt: ms('2026-02-01T12:02:00Z') }]);
  assert.equal(sessions(w).get(id)!.files, ['/home/dev/api/src/server.ts', '/home/dev/api/src/late.ts']);
});

/** The whole line the truncated fixture was cut from. */
function wholeTruncatedLine(partial: string): string {
  const full = JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/api',
    sessionId: '0a1b2c3d-0000-4000-8000-000000000003',
    version: '2.0.69',
    gitBranch: 'main',
    type: 'assistant',
    message: { role: 'assistant', content: [{ type: 'tool_use', id: 't2', name: 'Write', input: { file_path: '/home/dev/api/src/late.ts', content: 'x' } }] },
    uuid: 'u-12:02:00.000',
    timestamp: '2026-02-01T12:02:00.000Z',
  });
  assert.ok(full.startsWith(partial), 'the fixture is a prefix of this line');
  return full;
}

imp('a last line that ends in a newline but is not JSON yet is left too', async ({ w }) => {
  const log = w.claudeLog('hand-first-prompt.jsonl');
  const size = statSync(log).size;
  appendFileSync(log, '{"type":"assistant","sessionId":\n');
  await runImport(w.opts, w.io);
  const state = JSON.parse(readFileSync(w.opts.statePath, 'utf8'));
  assert.is(state.logs[log].offset, size);
  assert.not.ok(w.err.some((l) => l.includes('hand-first-prompt')));
});

imp('a log that shrank was rewritten and is read from the start', async ({ w }) => {
  await runImport(w.opts, w.io);
  const log = w.codexLog(OLD_CODEX);
  writeFileSync(log, readFileSync(log, 'utf8').split('\n').slice(0, 5).join('\n') + '\n');
  const r = await runImport(w.opts, w.io);
  assert.is(r.lines.length, 1);
  assert.is(r.lines[0].tool, 'codex');
  assert.is(r.lines[0].cwd, '/home/dev/legacy');
});

imp('--since skips sessions that ended before it, and a later import still finds them', async ({ w }) => {
  const r = await runImport({ ...w.opts, since: ms('2026-01-01T00:00:00Z') }, w.io);
  assert.equal(r.lines.map((l) => l.id).sort(), [
    '019b7f94-51b4-7593-922e-ba12b5b73b52',
    '0a1b2c3d-0000-4000-8000-000000000001',
    '0a1b2c3d-0000-4000-8000-000000000002',
    '0a1b2c3d-0000-4000-8000-000000000003',
  ]);
  assert.ok(w.out.includes('claude-code: skipped 6 session(s) that ended before 2026-01-01T00:00:00.000Z'), w.out.join('\n'));
  const later = await runImport(w.opts, w.io);
  assert.is(later.lines.length, 8);
  assert.equal([...sessions(w).keys()].sort(), ALL_IDS);
});

imp('--dry-run reports what it would do and writes neither index nor state', async ({ w }) => {
  const r = await runImport({ ...w.opts, dryRun: true }, w.io);
  assert.is(r.lines.length, 12);
  assert.not.ok(existsSync(w.opts.indexPath));
  assert.not.ok(existsSync(w.opts.statePath));
  assert.match(w.out[0], /^\[dry-run\] claude-code: 9 session\(s\) imported/);
  assert.is(w.out.at(-1), `[dry-run] Would append 12 line(s) to ${w.opts.indexPath}; nothing written`);
});

imp('a missing directory is 0 sessions for that tool', async ({ w }) => {
  const missing = join(w.dir, 'nowhere', 'sessions');
  const r = await runImport({ ...w.opts, codexDir: missing }, w.io);
  assert.is(r.lines.length, 9);
  assert.is(w.out[1], `codex: 0 session(s) found in ${missing} (no such directory)`);
  assert.equal(r.tools[1], { tool: 'codex', dir: missing, found: false, logs: 0, read: 0, newSessions: 0, updatedSessions: 0, skippedSince: 0 });
});

imp('a corrupt state is a warning, and every log is read again', async ({ w }) => {
  await runImport(w.opts, w.io);
  writeFileSync(w.opts.statePath, '{"version":1,"logs":');
  const r = await runImport(w.opts, w.io);
  assert.ok(w.err.some((l) => l.startsWith(`Warning: ${w.opts.statePath} is not an import state`)), w.err.join('\n'));
  assert.is(r.lines.length, 12);
  // Lines written twice fold to the same sessions.
  assert.equal([...sessions(w).keys()].sort(), ALL_IDS);
  assert.ok(JSON.parse(readFileSync(w.opts.statePath, 'utf8')).logs);
});

imp("a sub-agent's transcript (Claude Code 2.1 layout) adds its files to the parent session only", async ({ w }) => {
  await runImport(w.opts, w.io);
  const parent = '5c0375b4-57a5-4f26-b12d-d022ee4e51b7';
  const agentLog = join(dirname(w.claudeLog(`${parent}.jsonl`)), parent, 'subagents', 'agent-a2271d1.jsonl');
  mkdirSync(dirname(agentLog), { recursive: true });
  const base = { isSidechain: true, agentId: 'a2271d1', sessionId: parent, cwd: '/path/to/Demo/todo-app', gitBranch: 'other' };
  writeFileSync(
    agentLog,
    [
      { ...base, type: 'user', timestamp: '2025-09-07T09:53:00.000Z', message: { role: 'user', content: 'Sub-agent task' } },
      { ...base, type: 'assistant', timestamp: '2025-09-07T09:53:10.000Z', message: { role: 'assistant', content: [{ type: 'tool_use', name: 'Edit', input: { file_path: '/path/to/Demo/todo-app/package.json' } }] } },
    ]
      .map((o) => JSON.stringify(o) + '\n')
      .join(''),
  );
  const r = await runImport(w.opts, w.io);
  assert.equal(r.lines, [{ id: parent, files: ['/path/to/Demo/todo-app/package.json'] }]);
  const s = sessions(w).get(parent)!;
  assert.is(s.cwd, '/path/to/Demo');
  assert.is(s.branch, 'main');
  assert.is(s.startedAt, ms('2025-09-07T09:52:03Z'));
  assert.equal(s.files, ['/path/to/Demo/CLAUDE.md', '/path/to/Demo/todo-app/package.json']);
});

imp('the state forgets logs that were deleted', async ({ w }) => {
  await runImport(w.opts, w.io);
  const log = w.claudeLog('hand-first-prompt.jsonl');
  rmSync(log);
  const r = await runImport(w.opts, w.io);
  assert.is(r.lines.length, 0);
  const logs = JSON.parse(readFileSync(w.opts.statePath, 'utf8')).logs;
  assert.is(Object.keys(logs).length, 11);
  assert.is(logs[log], undefined);
});

imp('a legacy Codex log ends at its mtime', async ({ w }) => {
  const log = w.codexLog(OLD_CODEX);
  const end = ms('2025-08-20T15:00:00Z');
  utimesSync(log, end / 1000, end / 1000);
  await runImport(w.opts, w.io);
  assert.is(sessions(w).get('5a1d4c2e-1111-4222-8333-944455556666')!.endedAt, end);
});

imp('default directories honour CLAUDE_CONFIG_DIR and CODEX_HOME', () => {
  assert.equal(defaultLogDirs({ CLAUDE_CONFIG_DIR: '/cfg/claude', CODEX_HOME: '/cfg/codex' }), {
    claudeDir: '/cfg/claude/projects',
    codexDir: '/cfg/codex/sessions',
  });
  assert.equal(defaultLogDirs({}), { claudeDir: join(homedir(), '.claude', 'projects'), codexDir: join(homedir(), '.codex', 'sessions') });
  assert.is(basename(defaultLogDirs({ CLAUDE_CONFIG_DIR: '' }).claudeDir), 'projects');
});

imp.run();

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseClaudeCodeLog, readClaudeCodeLines } from '../lib/sessions/importers/claude-code.js';
import { parseCodexLog, patchedPaths, readCodexLines } from '../lib/sessions/importers/codex.js';
import { changeLine, type LogSummary } from '../lib/sessions/importers/progress.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sessions');
const CLAUDE = join(FIXTURES, 'claude-code');
const CODEX = join(FIXTURES, 'codex');
const NEW_CODEX = '2025/11/20/rollout-2025-11-20T10-00-00-0199a000-0000-7000-8000-00000000000a.jsonl';
const OLD_CODEX = '2025/08/20/rollout-2025-08-20T13-20-47-5a1d4c2e-1111-4222-8333-944455556666.jsonl';
const REAL_CODEX = '2026/01/02/rollout-2026-01-02T18-39-45-019b7f94-51b4-7593-922e-ba12b5b73b52.jsonl';

const ms = (iso: string) => Date.parse(iso);
const claude = (name: string) => parseClaudeCodeLog(readFileSync(join(CLAUDE, name), 'utf8'), join(CLAUDE, name));
const codex = (rel: string, mtimeMs?: number) => parseCodexLog(readFileSync(join(CODEX, rel), 'utf8'), join(CODEX, rel), { mtimeMs });

const cc = suite('Claude Code parser');

const REAL_CLAUDE: Record<string, Omit<LogSummary, 'tool'>> = {
  '5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl': {
    id: '5c0375b4-57a5-4f26-b12d-d022ee4e51b7',
    cwd: '/path/to/Demo',
    branch: 'main',
    startedAt: ms('2025-09-07T09:52:03.071Z'),
    endedAt: ms('2025-09-07T09:54:26.499Z'),
    // Edit then MultiEdit of the same file; the two Reads of package.json are not edits.
    files: ['/path/to/Demo/CLAUDE.md'],
    title: '/orchestrator @CLAUDE.md を最新の状態にアップデートしてください',
  },
  '1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl': {
    id: '1af7fc5e-8455-4414-9ccd-011d40f70b2a',
    cwd: '/path/to/Demo',
    branch: undefined,
    startedAt: ms('2025-09-03T00:47:19.293Z'),
    endedAt: ms('2025-09-03T00:47:52.264Z'),
    files: ['/path/to/Demo/CLAUDE.md'],
    title: '/init',
  },
  'ba79134d-b6e9-4867-af0c-6941038c9e4b.jsonl': {
    id: 'ba79134d-b6e9-4867-af0c-6941038c9e4b',
    cwd: '/Users/chip/dev/ai-music',
    branch: undefined,
    startedAt: ms('2025-06-08T10:47:08.446Z'),
    endedAt: ms('2025-06-08T10:55:59.652Z'),
    files: ['/Users/chip/dev/ai-music/CLAUDE.md', '/Users/chip/dev/ai-music/requirements.txt', '/Users/chip/dev/ai-music/ai_music.py'],
    title: '/init',
  },
  'fed8ce56-bc79-401f-a83e-af084253362f.jsonl': {
    id: 'fed8ce56-bc79-401f-a83e-af084253362f',
    cwd: '/Users/chip/dev/ai-music',
    branch: undefined,
    startedAt: ms('2025-06-10T12:36:23.208Z'),
    endedAt: ms('2025-06-10T12:37:28.376Z'),
    files: [],
    title: 'AI Music Generation: Diverse Embedding Mapping',
  },
  'example-claude-code.jsonl': {
    id: 'cb947e5b-246e-4253-a953-631f7e464c6b',
    cwd: '/Users/aidancunniffe/Desktop/ghq',
    branch: 'main',
    startedAt: ms('2025-09-11T13:28:05.638Z'),
    endedAt: ms('2025-09-11T13:29:40.096Z'),
    files: ['/Users/aidancunniffe/Desktop/ghq/src/app/globals.css', '/Users/aidancunniffe/Desktop/ghq/src/game/HistoryLog.tsx'],
    title: 'Make the colors green and yellow',
  },
  'claude-code-with-thinking.jsonl': {
    id: 'dac34307-159f-4fcd-9c21-35210246ad38',
    cwd: '/Users/svarlamov/projects/testing-git-2',
    branch: 'master',
    startedAt: ms('2025-12-16T00:35:39.299Z'),
    endedAt: ms('2025-12-16T00:35:54.952Z'),
    files: ['/Users/svarlamov/projects/testing-git-2/index.ts'],
    title: 'Add Hello World Header Comment to index.ts',
  },
};

for (const [name, want] of Object.entries(REAL_CLAUDE)) {
  cc(`real log ${name}`, () => {
    assert.equal(claude(name), { tool: 'claude-code', ...want });
  });
}

cc('summaries, snapshots, sidechains, images, unknown blocks and junk lines neither throw nor hide anything', () => {
  const text = readFileSync(join(CLAUDE, 'hand-edge-cases.jsonl'), 'utf8');
  const { progress, malformed } = readClaudeCodeLines(text.split('\n'), undefined);
  assert.is(malformed, 3);
  assert.equal(claude('hand-edge-cases.jsonl'), {
    tool: 'claude-code',
    // The file name is no UUID, so the lines' sessionId names it, lower-cased.
    id: '0a1b2c3d-0000-4000-8000-000000000001',
    // The sidechain's cwd and branch are the sub-agent's, not the session's; "" hides no branch.
    cwd: '/home/dev/shop',
    branch: 'fix/checkout',
    // The snapshot's nested time (09:00) and the line with a bad time do not count.
    startedAt: ms('2026-02-01T10:00:00Z'),
    endedAt: ms('2026-02-01T10:08:00Z'),
    files: ['/home/dev/shop/lib/cart.ts', '/home/dev/shop/lib/sub.ts', '/home/dev/shop/analysis.ipynb'],
    title: 'Refactor the checkout flow',
  });
  assert.ok(progress.main);
});

cc('the title is the first prompt a person typed, on one line of at most 80 characters', () => {
  const s = claude('hand-first-prompt.jsonl');
  assert.ok(s.title!.startsWith('Please rewrite the introduction of the blog post so that it explains why'), s.title);
  assert.is([...s.title!].length, 80);
  assert.ok(s.title!.endsWith('…'));
  assert.not.match(s.title!, /\n|  /);
});

cc('a truncated last line is skipped, the lines before it count', () => {
  const text = readFileSync(join(CLAUDE, 'hand-truncated.jsonl'), 'utf8');
  assert.not.ok(text.endsWith('\n'));
  assert.is(readClaudeCodeLines(text.split('\n'), undefined).malformed, 1);
  const s = claude('hand-truncated.jsonl');
  assert.equal(s.files, ['/home/dev/api/src/server.ts']);
  assert.is(s.endedAt, ms('2026-02-01T12:01:00Z'));
});

cc('the file name wins over the sessionId of copied history', () => {
  const line = (sid: string, t: string) =>
    JSON.stringify({ type: 'user', sessionId: sid, cwd: '/w', timestamp: t, message: { role: 'user', content: 'hi' } });
  const text = [line('11111111-1111-4111-8111-111111111111', '2026-01-01T10:00:00Z'), line('22222222-2222-4222-8222-222222222222', '2026-01-01T11:00:00Z')].join('\n');
  assert.is(parseClaudeCodeLog(text, '/p/22222222-2222-4222-8222-222222222222.jsonl').id, '22222222-2222-4222-8222-222222222222');
  assert.is(parseClaudeCodeLog(text).id, '11111111-1111-4111-8111-111111111111');
});

cc('garbage of every shape never throws', () => {
  const junk = ['', '{', '42', '"x"', '{"sessionId":7}', '{"type":"summary","summary":null}', '{"type":"user","sessionId":"s","message":{"content":[null,1,"x",{"type":"tool_use","name":"Edit","input":null},{"type":"tool_use","name":"toString","input":{}}]}}'];
  const s = parseClaudeCodeLog(junk.join('\n'));
  assert.is(s.id, 's');
  assert.equal(s.files, []);
});

cc('a log of sub-agent lines only adds files to its parent session', () => {
  const text = readFileSync(join(CLAUDE, 'hand-edge-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"isSidechain":true'));
  const { progress } = readClaudeCodeLines(text, undefined);
  assert.not.ok(progress.main);
  assert.equal(changeLine(undefined, progress), { id: '0a1b2c3d-0000-4000-8000-000000000001', files: ['/home/dev/shop/lib/sub.ts'] });
});

cc.run();

const cx = suite('Codex parser');

cx('real log (cli 0.77.0): meta, branch, times; shell calls without apply_patch touch no file', () => {
  assert.equal(codex(REAL_CODEX), {
    tool: 'codex',
    id: '019b7f94-51b4-7593-922e-ba12b5b73b52',
    cwd: '/Users/Nikita_Levyankov/repos/EPMCDME/codemie-ai/codemie-code',
    branch: 'codex',
    // session_meta's own timestamp is 17 ms before its line's.
    startedAt: ms('2026-01-02T16:39:45.332Z'),
    endedAt: ms('2026-01-02T16:39:58.808Z'),
    files: [],
    title: 'what is current repository about? summarize purpuse and explain goals',
  });
});

cx('current shape: custom_tool_call and function_call apply_patch, relative to the workdir', () => {
  assert.equal(codex(NEW_CODEX), {
    tool: 'codex',
    id: '0199a000-0000-7000-8000-00000000000a',
    cwd: '/home/dev/shop',
    branch: 'feature/cart',
    startedAt: ms('2025-11-20T10:00:00Z'),
    endedAt: ms('2025-11-20T10:05:00Z'),
    files: ['lib/cart.ts', 'lib/discount.ts', 'lib/old-cart.ts', 'lib/price.ts', 'lib/pricing.ts', 'README.md', '/home/dev/shop/docs/guide.md'],
    title: 'Add a discount field to the cart',
  });
  const text = readFileSync(join(CODEX, NEW_CODEX), 'utf8');
  assert.is(readCodexLines(text.split('\n'), undefined).malformed, 1);
});

cx('older shape: bare header and items, cwd from the environment context', () => {
  assert.equal(codex(OLD_CODEX), {
    tool: 'codex',
    id: '5a1d4c2e-1111-4222-8333-944455556666',
    cwd: '/home/dev/legacy',
    branch: 'main',
    startedAt: ms('2025-08-20T13:20:47.060Z'),
    endedAt: ms('2025-08-20T13:20:47.060Z'),
    files: ['src/config.rs', 'src/loader.rs'],
    title: 'rename the config loader',
  });
});

cx('older shape: the end is the mtime, unless that is more than a day after the start', () => {
  const start = ms('2025-08-20T13:20:47.060Z');
  assert.is(codex(OLD_CODEX, start + 3_600_000).endedAt, start + 3_600_000);
  assert.is(codex(OLD_CODEX, start + 90 * 86_400_000).endedAt, start);
  // Current logs carry their own times; the mtime is not used.
  assert.is(codex(NEW_CODEX, ms('2025-11-20T12:00:00Z')).endedAt, ms('2025-11-20T10:05:00Z'));
});

cx('patchedPaths reads every header kind once', () => {
  const patch = '*** Begin Patch\n*** Update File: a.ts\n@@\n-x\n+y\n*** Move to: b.ts\n*** Add File: /abs/c.ts\n+z\n*** Delete File: d.ts\n*** Update File: a.ts\n*** End Patch';
  assert.equal(patchedPaths(patch), ['a.ts', 'b.ts', '/abs/c.ts', 'd.ts']);
});

cx('garbage of every shape never throws', () => {
  const junk = ['{', 'null', '[]', '{"type":"session_meta","payload":{"id":5}}', '{"type":"response_item","payload":{"type":"function_call","name":"shell","arguments":"[1]"}}', '{"type":"response_item","payload":{"type":"custom_tool_call","name":"apply_patch","input":7}}', '{"type":"response_item","payload":{"type":"local_shell_call","action":null}}', '{"type":"event_msg","payload":{"type":"user_message","message":null}}'];
  const s = parseCodexLog(junk.join('\n'));
  assert.is(s.id, undefined);
  assert.equal(s.files, []);
});

cx.run();

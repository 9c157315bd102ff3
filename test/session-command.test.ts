import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CommandDeps } from '../lib/commands/deps.js';
import { recordEnd, recordTouch, sessionEnd, sessionStart, sessionTouch } from '../lib/commands/session.js';
import { rejectsWith } from './helpers/in-process.js';
import { readIndex } from '../lib/sessions/index-file.js';
import { lastActivity, type Session } from '../lib/sessions/session.js';

interface Ctx {
  dir: string;
  indexPath: string;
  deps: Pick<CommandDeps, 'warn'>;
}

const s = suite<Ctx>('lore session start|touch|end');

s.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'lore-session-'));
  ctx.indexPath = join(ctx.dir, 'lore', 'sessions.jsonl');
  ctx.deps = { warn: (l) => assert.unreachable(l) };
});
s.after.each((ctx) => rmSync(ctx.dir, { recursive: true, force: true }));

function session(ctx: Ctx, id: string): Session {
  const found = readIndex(ctx.indexPath, (m) => assert.unreachable(m)).sessions.get(id);
  assert.ok(found, `session ${id} is in the index`);
  return found!;
}

/** The index keeps whole seconds. */
function assertNow(ms: number | null | undefined, before: number, after: number) {
  assert.type(ms, 'number');
  assert.ok(ms! >= Math.floor(before / 1000) * 1000 && ms! <= after, `${ms} is between ${before} and ${after}`);
}

s('start appends the first line and returns the id; touch and end fold into it', async (ctx) => {
  const id = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
  const t0 = Date.now();
  const printed = await sessionStart({ indexPath: ctx.indexPath, id, tool: 'claude-code', cwd: join(ctx.dir, 'repo'), branch: 'main' });
  const t1 = Date.now();
  assert.is(printed, id);
  let got = session(ctx, id);
  assert.is(got.tool, 'claude-code');
  assert.is(got.cwd, join(ctx.dir, 'repo'));
  assert.is(got.branch, 'main');
  assertNow(got.startedAt, t0, t1);
  assert.is(got.endedAt, null);
  assert.is(got.files, null);

  await sessionTouch({ indexPath: ctx.indexPath, id, files: ['/abs/a.ts', 'src/b.ts'], cwd: join(ctx.dir, 'repo') }, ctx.deps);
  await sessionTouch({ indexPath: ctx.indexPath, id, files: ['/abs/a.ts', '/abs/c.ts'] }, ctx.deps);
  got = session(ctx, id);
  assert.equal(got.files, ['/abs/a.ts', join(ctx.dir, 'repo', 'src/b.ts'), '/abs/c.ts']);
  assert.is(got.endedAt, null);

  const t2 = Date.now();
  await sessionEnd({ indexPath: ctx.indexPath, id }, ctx.deps);
  const t3 = Date.now();
  got = session(ctx, id);
  assertNow(got.endedAt, t2, t3);
  assert.is(got.startedAt! <= got.endedAt!, true);

  const lines = readFileSync(ctx.indexPath, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.is(lines.length, 4);
  assert.equal(Object.keys(lines[0]), ['id', 'tool', 'cwd', 'branch', 'started_at', 'ended_at']);
  assert.is(lines[0].ended_at, null);
  assert.equal(Object.keys(lines[1]), ['id', 'files', 'seen_at']);
  assert.equal(lines[1].files, ['/abs/a.ts', join(ctx.dir, 'repo', 'src/b.ts')]);
  assert.ok(Date.parse(lines[1].seen_at) >= t0 - 1000, 'a touch says when it happened');
  assert.equal(Object.keys(lines[3]), ['id', 'ended_at']);
});

s('seen_at folds to the latest activity, whatever order the lines arrive in', (ctx) => {
  const id = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
  mkdirSync(join(ctx.dir, 'lore'), { recursive: true });
  writeFileSync(
    ctx.indexPath,
    [
      { id, cwd: '/p', started_at: '2026-01-01T10:00:00Z', ended_at: null },
      { id, files: ['a'], seen_at: '2026-01-01T12:00:00Z' },
      { id, files: ['b'], seen_at: '2026-01-01T11:00:00Z' },
    ]
      .map((l) => JSON.stringify(l) + '\n')
      .join(''),
  );
  const got = session(ctx, id);
  assert.is(got.seenAt, Date.parse('2026-01-01T12:00:00Z'));
  assert.is(lastActivity(got), Date.parse('2026-01-01T12:00:00Z'));
  assert.is(lastActivity({ ...got, seenAt: undefined }), Date.parse('2026-01-01T10:00:00Z'));
});

s('committing_at is set by the start of an agent\'s git commit and cleared by its end', (ctx) => {
  const id = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
  mkdirSync(join(ctx.dir, 'lore'), { recursive: true });
  const lines = [
    { id, cwd: '/p', started_at: '2026-01-01T10:00:00Z', ended_at: null },
    { id, committing_at: '2026-01-01T10:05:00Z', seen_at: '2026-01-01T10:05:00Z' },
  ];
  writeFileSync(ctx.indexPath, lines.map((l) => JSON.stringify(l) + '\n').join(''));
  assert.is(session(ctx, id).committingAt, Date.parse('2026-01-01T10:05:00Z'));
  writeFileSync(ctx.indexPath, JSON.stringify({ id, committing_at: null }) + '\n', { flag: 'a' });
  assert.is(session(ctx, id).committingAt, null);
});

s('start without an id makes a UUID; tool defaults to manual and cwd to the current directory', async (ctx) => {
  const id = await sessionStart({ indexPath: ctx.indexPath });
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const got = session(ctx, id);
  assert.is(got.tool, 'manual');
  assert.is(got.cwd, process.cwd());
  assert.is(got.branch, undefined);
});

s('UUIDs are stored lower-case, so touch and end may use any case', async (ctx) => {
  const id = await sessionStart({ indexPath: ctx.indexPath, id: 'C9731A91-4F2B-4E8A-9C3D-1A2B3C4D5E6F' });
  assert.is(id, 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f');
  await sessionTouch({ indexPath: ctx.indexPath, id: 'C9731A91-4F2B-4E8A-9C3D-1A2B3C4D5E6F', files: ['/x'] }, ctx.deps);
  await sessionEnd({ indexPath: ctx.indexPath, id: ' C9731A91-4F2B-4E8A-9C3D-1A2B3C4D5E6F ' }, ctx.deps);
  const got = session(ctx, id);
  assert.equal(got.files, ['/x']);
  assert.type(got.endedAt, 'number');
});

s('the agent hooks record touch and end of an id lore has not seen yet', async (ctx) => {
  recordTouch(ctx.indexPath, 'hook-made-id', ['/w/a.ts']);
  recordEnd(ctx.indexPath, 'hook-made-id');
  const got = session(ctx, 'hook-made-id');
  assert.equal(got.files, ['/w/a.ts']);
  assert.type(got.endedAt, 'number');
  assert.is(got.startedAt, undefined);
});

s('touch and end take a unique prefix, as every command does', async (ctx) => {
  const id = await sessionStart({ indexPath: ctx.indexPath, id: 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f', cwd: '/p' });
  await sessionStart({ indexPath: ctx.indexPath, id: 'd0e1f2a3-0000-4000-8000-000000000003', cwd: '/p' });
  await sessionTouch({ indexPath: ctx.indexPath, id: 'C973', files: ['/x'] }, ctx.deps);
  await sessionEnd({ indexPath: ctx.indexPath, id: 'c9731a91' }, ctx.deps);
  const got = session(ctx, id);
  assert.equal(got.files, ['/x']);
  assert.type(got.endedAt, 'number');
  assert.is(session(ctx, 'd0e1f2a3-0000-4000-8000-000000000003').endedAt, null);
  assert.not.ok(readIndex(ctx.indexPath, () => {}).sessions.has('c9731a91'), 'no session is made from the prefix');
});

s('touch and end refuse an id lore does not know, or a prefix of several, and write nothing', async (ctx) => {
  await sessionStart({ indexPath: ctx.indexPath, id: 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f', cwd: '/p' });
  await sessionStart({ indexPath: ctx.indexPath, id: 'c9731a92-0000-4000-8000-000000000002', cwd: '/p' });
  const before = readFileSync(ctx.indexPath, 'utf8');
  await rejectsWith(sessionEnd({ indexPath: ctx.indexPath, id: 'dead0000' }, ctx.deps), 'UNKNOWN_SESSION');
  await rejectsWith(sessionTouch({ indexPath: ctx.indexPath, id: 'dead0000', files: ['/a'] }, ctx.deps), 'UNKNOWN_SESSION');
  await rejectsWith(sessionEnd({ indexPath: ctx.indexPath, id: 'c9731a9' }, ctx.deps), 'AMBIGUOUS_SESSION');
  await rejectsWith(sessionTouch({ indexPath: ctx.indexPath, id: 'c9731a9', files: ['/a'] }, ctx.deps), 'AMBIGUOUS_SESSION');
  assert.is(readFileSync(ctx.indexPath, 'utf8'), before);
});

s('an empty id is a BAD_ARGUMENT and writes nothing', async (ctx) => {
  await rejectsWith(sessionStart({ indexPath: ctx.indexPath, id: '' }), 'BAD_ARGUMENT');
  await rejectsWith(sessionTouch({ indexPath: ctx.indexPath, id: '  ', files: ['/a'] }, ctx.deps), 'BAD_ARGUMENT');
  await rejectsWith(sessionEnd({ indexPath: ctx.indexPath, id: '' }, ctx.deps), 'BAD_ARGUMENT');
  assert.not.ok(existsSync(ctx.indexPath));
});

s('touch with no file is a BAD_ARGUMENT', async (ctx) => {
  await rejectsWith(sessionTouch({ indexPath: ctx.indexPath, id: 'x', files: [] }, ctx.deps), 'BAD_ARGUMENT');
  await rejectsWith(sessionTouch({ indexPath: ctx.indexPath, id: 'x', files: [''] }, ctx.deps), 'BAD_ARGUMENT');
  assert.not.ok(existsSync(ctx.indexPath));
});

s.run();

import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, gitNote, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { startMcp, texts, type McpSession } from './helpers/mcp.js';
import { formatRecord } from '../lib/links/record.js';

interface Ctx {
  w: World;
  repo: string;
  elsewhere: string;
  first: string;
  head: string;
  m?: McpSession;
}

const READ_TOOLS = ['lore_blame', 'lore_get_linked_sessions', 'lore_get_session', 'lore_list_sessions', 'lore_search'];

/** a.txt: lines 1 and 3 from the first commit, line 2 from HEAD, which session a is linked to. */
function setUp(ctx: Ctx): void {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.elsewhere = join(ctx.w.dir, 'elsewhere');
  mkdirSync(ctx.elsewhere);
  ctx.first = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\ntwo\nthree\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\nTWO\nthree\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', title: 'Fix login bug', files: ['a.txt'] },
    { id: SID.b, tool: 'codex', cwd: ctx.repo, started_at: '2026-01-12T10:00:00Z', ended_at: '2026-01-12T11:00:00Z' },
    { id: SID.c, cwd: join(ctx.repo, 'lib'), started_at: '2026-01-11T10:00:00Z' },
    { id: SID.d, tool: 'codex', cwd: ctx.elsewhere, started_at: '2026-01-14T10:00:00Z', ended_at: '2026-01-14T11:00:00Z' },
  ]);
  const r = lore(ctx.w, ctx.repo, ['link', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
}

/** What the CLI prints with --json, for comparing the two faces of one command. */
function cliJson(ctx: Ctx, args: string[]): unknown {
  const r = lore(ctx.w, ctx.repo, args);
  assert.is(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Every test closes its client (so uvu can exit) and checks stdout carried only protocol messages. */
async function closeClient(ctx: Ctx): Promise<void> {
  const m = ctx.m;
  ctx.m = undefined;
  if (!m) return;
  await m.close();
  assert.equal(m.errors, [], 'no protocol errors: nothing but messages on stdout');
}

async function tearDown(ctx: Ctx): Promise<void> {
  await closeClient(ctx);
  ctx.w.cleanup();
}

/** Suites that only read share one world (building it spawns git and lore); each test has its own server. */
function readOnly(name: string) {
  const s = suite<Ctx>(name);
  s.before(setUp);
  s.after.each(closeClient);
  s.after((ctx) => ctx.w.cleanup());
  return s;
}

const tools = readOnly('lore mcp: read tools');

tools('lists the read tools, each with input and output schemas, and no lore_link', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const { tools: list } = await ctx.m.client.listTools();
  assert.equal(list.map((t) => t.name).sort(), READ_TOOLS);
  for (const t of list) {
    assert.is(t.inputSchema.type, 'object', t.name);
    assert.is(t.outputSchema?.type, 'object', t.name);
    assert.is(t.annotations?.readOnlyHint, true, t.name);
    assert.ok(t.description, t.name);
  }
  const r = await ctx.m.call('lore_link', { session: 'c9731a91' });
  assert.is(r.isError, true);
  assert.match(texts(r)[0], /lore_link not found/);
  assert.is(gitNote(ctx.w, ctx.repo, ctx.first), null);
});

tools('lore_get_linked_sessions answers what lore show --commit --json prints, for any ref', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const r = await ctx.m.call('lore_get_linked_sessions', { commit: 'HEAD' });
  assert.not.ok(r.isError, texts(r).join('\n'));
  const data = r.structuredContent as any;
  assert.equal(JSON.parse(texts(r)[0]), data, 'the text item is the same JSON');
  assert.is(data.commit.sha, ctx.head);
  assert.is(data.commit.subject, 'Fix login bug');
  assert.is(data.sessions.length, 1);
  const s = data.sessions[0];
  assert.equal(
    [s.id, s.tool, s.started_at, s.ended_at, s.branch, s.link.method, s.link.confidence],
    [SID.a, 'claude-code', '2026-01-13T10:02:11Z', '2026-01-13T10:41:40Z', 'main', 'manual', null],
  );
  assert.equal(data, cliJson(ctx, ['show', '--commit', 'HEAD', '--json']));
  for (const ref of [{}, { commit: 'main' }, { commit: ctx.head.slice(0, 7) }]) {
    const again = await ctx.m.call('lore_get_linked_sessions', ref);
    assert.equal(again.structuredContent, data, JSON.stringify(ref));
  }
  const none = await ctx.m.call('lore_get_linked_sessions', { commit: 'HEAD~1' });
  assert.equal((none.structuredContent as any).sessions, []);
});

tools('lore_get_session takes a prefix and answers the session and its commits', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const r = await ctx.m.call('lore_get_session', { session: 'C9731A91' });
  assert.not.ok(r.isError, texts(r).join('\n'));
  const data = r.structuredContent as any;
  assert.is(data.session.id, SID.a);
  assert.is(data.session.title, 'Fix login bug');
  assert.is(data.session.in_index, true);
  assert.equal(data.session.files, ['a.txt'], 'the files it edited');
  assert.equal(data.repositories, [ctx.repo]);
  assert.equal(
    data.commits.map((c: any) => [c.sha, c.subject, c.link.method]),
    [[ctx.head, 'Fix login bug', 'manual']],
  );
  assert.equal(data, cliJson(ctx, ['show', 'c9731a91', '--json']));
});

tools('lore_list_sessions: newest first, filtered by directory and time, limited with a total', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const ids = async (args: Record<string, unknown>) => {
    const r = await ctx.m!.call('lore_list_sessions', args);
    assert.not.ok(r.isError, texts(r).join('\n'));
    const data = r.structuredContent as any;
    return { ids: data.sessions.map((s: any) => s.id), total: data.total };
  };
  // Only the served repository's sessions (cwd inside it, subdirectories too): not elsewhere's SID.d.
  assert.equal(await ids({}), { ids: [SID.a, SID.b, SID.c], total: 3 });
  assert.equal(await ids({ repo: 'lib' }), { ids: [SID.c], total: 1 });
  // b ended before the 13th; c never ended, so it is still active then.
  assert.equal(await ids({ since: '2026-01-13' }), { ids: [SID.a, SID.c], total: 2 });
  assert.equal(await ids({ since: '2026-01-13T10:41:41Z', repo: '.' }), { ids: [SID.c], total: 1 });
  assert.equal(await ids({ limit: 2 }), { ids: [SID.a, SID.b], total: 3 });
  const full = (await ctx.m.call('lore_list_sessions', { limit: 1 })).structuredContent as any;
  assert.equal(full.sessions[0], (cliJson(ctx, ['sessions', '--json']) as unknown[])[1]);
});

tools('lore_list_sessions with --all-repos: every repository, and a directory elsewhere', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo, ['--all-repos']);
  const ids = async (args: Record<string, unknown>) => ((await ctx.m!.call('lore_list_sessions', args)).structuredContent as any).sessions.map((s: any) => s.id);
  assert.equal(await ids({}), [SID.d, SID.a, SID.b, SID.c]);
  assert.equal(await ids({ repo: ctx.elsewhere }), [SID.d]);
  assert.equal(await ids({ since: '2026-01-13' }), [SID.d, SID.a, SID.c]);
});

tools('lore_blame: a line, a range and the whole file, with commits and linked sessions', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const rows = async (args: Record<string, unknown>) => {
    const r = await ctx.m!.call('lore_blame', args);
    assert.not.ok(r.isError, texts(r).join('\n'));
    const data = r.structuredContent as any;
    assert.is(data.file, 'a.txt');
    return data.ranges.map((x: any) => [x.start, x.end, x.commit.sha, x.sessions.map((s: any) => `${s.id} ${s.link.method}`)]);
  };
  assert.equal(await rows({ file: 'a.txt', line: 2 }), [[2, 2, ctx.head, [`${SID.a} manual`]]]);
  assert.equal(await rows({ file: 'a.txt', line: 2, end_line: 3 }), [
    [2, 2, ctx.head, [`${SID.a} manual`]],
    [3, 3, ctx.first, []],
  ]);
  assert.equal(await rows({ file: 'a.txt' }), [
    [1, 1, ctx.first, []],
    [2, 2, ctx.head, [`${SID.a} manual`]],
    [3, 3, ctx.first, []],
  ]);
  const r = await ctx.m.call('lore_blame', { file: 'a.txt', line: 2 });
  assert.equal(r.structuredContent, cliJson(ctx, ['blame', 'a.txt:2', '--json']));
});

tools.run();

const errors = readOnly('lore mcp: errors are tool errors');

errors('a bad ref or an unknown session says what the CLI says, and the server keeps serving', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const bad = await ctx.m.call('lore_get_linked_sessions', { commit: 'no-such-branch' });
  assert.is(bad.isError, true);
  assert.is(texts(bad)[0], "unknown revision 'no-such-branch'");
  assert.match(texts(bad)[1], /^hint: /);
  assert.is(lore(ctx.w, ctx.repo, ['show', '--commit', 'no-such-branch']).stderr.split('\n')[0], `Error: ${texts(bad)[0]}`);

  const unknown = await ctx.m.call('lore_get_session', { session: 'ffff' });
  assert.is(unknown.isError, true);
  assert.is(texts(unknown)[0], "no session matches 'ffff'");
  assert.is(lore(ctx.w, ctx.repo, ['show', 'ffff']).stderr.split('\n')[0], `Error: ${texts(unknown)[0]}`);

  const ambiguous = await ctx.m.call('lore_get_session', { session: 'c9731a9' });
  assert.is(ambiguous.isError, true);
  assert.match(texts(ambiguous)[0], /^session prefix 'c9731a9' is ambiguous/);
  assert.match(texts(ambiguous)[1], SID.b);

  const ok = await ctx.m.call('lore_get_session', { session: 'c9731a91' });
  assert.not.ok(ok.isError);
  assert.is(ctx.m.stderr(), '', 'user errors are answers, not bugs to log');
});

errors('bad arguments: missing file, end_line alone, a range backwards, an unreadable since, a wrong type', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['lore_blame', { file: 'nope.txt' }, /nope\.txt/],
    ['lore_blame', { file: 'a.txt', end_line: 2 }, /^end_line needs line/],
    ['lore_blame', { file: 'a.txt', line: 3, end_line: 2 }, /^bad line range '3-2'/],
    ['lore_blame', { file: 'a.txt', line: 9 }, /a\.txt/],
    ['lore_list_sessions', { since: 'last tuesday' }, /^since must be an ISO 8601 date or time, not 'last tuesday'/],
    ['lore_get_session', {}, /session/],
    ['lore_list_sessions', { limit: -1 }, /limit/],
  ];
  for (const [name, args, message] of cases) {
    const r = await ctx.m.call(name, args);
    assert.is(r.isError, true, `${name} ${JSON.stringify(args)}`);
    assert.match(texts(r)[0], message, `${name} ${JSON.stringify(args)}`);
  }
});

errors('outside a repository the session tools work and the commit tools say why they cannot', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.elsewhere);
  assert.match(ctx.m.stderr(), /is not inside a git repository/);
  const list = await ctx.m.call('lore_list_sessions', { repo: '.' });
  assert.equal((list.structuredContent as any).sessions.map((s: any) => s.id), [SID.d]);
  const r = await ctx.m.call('lore_get_linked_sessions', {});
  assert.is(r.isError, true);
  assert.is(texts(r)[0], `not inside a git repository: ${ctx.elsewhere}`);
});

errors.run();

const write = suite<Ctx>('lore mcp --allow-write: lore_link');
write.before.each(setUp);
write.after.each(tearDown);

write('is listed, writes a manual link git can read, and linking again changes nothing', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo, ['--allow-write']);
  const { tools: list } = await ctx.m.client.listTools();
  assert.equal(list.map((t) => t.name).sort(), [...READ_TOOLS, 'lore_link'].sort());
  assert.is(list.find((t) => t.name === 'lore_link')?.annotations?.readOnlyHint, false);

  const r = await ctx.m.call('lore_link', { session: 'c9731a92', commit: 'HEAD~1' });
  assert.not.ok(r.isError, texts(r).join('\n'));
  assert.equal(r.structuredContent, {
    session: SID.b,
    commit: { sha: ctx.first, short: ctx.first.slice(0, 7), subject: 'first' },
    method: 'manual',
    confidence: null,
    created: true,
  });
  assert.equal(JSON.parse(texts(r)[0]), r.structuredContent);
  const recs = noteRecords(ctx.w, ctx.repo, ctx.first);
  assert.equal(recs.map((x) => [x.session, x.method, x.tool, x.linked_by]), [[SID.b, 'manual', 'codex', 'me@example.com']]);
  const note = gitNote(ctx.w, ctx.repo, 'HEAD~1');

  const again = await ctx.m.call('lore_link', { session: SID.b, commit: ctx.first });
  assert.is((again.structuredContent as any).created, false);
  assert.is(gitNote(ctx.w, ctx.repo, 'HEAD~1'), note);

  // On a commit an auto link already names, the answer says what is there.
  git(ctx.w, ctx.repo, ['notes', '--ref=lore', 'add', '-f', '-m', formatRecord({ v: 1, session: SID.a, method: 'auto', confidence: 0.72, linked_at: '2026-01-13T10:45:00Z' }), 'HEAD']);
  const auto = await ctx.m.call('lore_link', { session: SID.a, commit: 'HEAD' });
  assert.equal([(auto.structuredContent as any).method, (auto.structuredContent as any).confidence, (auto.structuredContent as any).created], ['auto', 0.72, false]);

  const linked = await ctx.m.call('lore_get_linked_sessions', { commit: 'HEAD~1' });
  assert.equal((linked.structuredContent as any).sessions.map((s: any) => s.id), [SID.b]);
});

write('links to HEAD by default; a bad session or ref writes nothing', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo, ['--allow-write']);
  const notesBefore = git(ctx.w, ctx.repo, ['rev-parse', 'refs/notes/lore']);
  for (const [args, message] of [
    [{ session: 'ffff' }, "no session matches 'ffff'"],
    [{ session: 'c9731a92', commit: 'no-such-branch' }, "unknown revision 'no-such-branch'"],
  ] as const) {
    const r = await ctx.m.call('lore_link', args);
    assert.is(r.isError, true);
    assert.is(texts(r)[0], message);
  }
  assert.is(git(ctx.w, ctx.repo, ['rev-parse', 'refs/notes/lore']), notesBefore);
  const r = await ctx.m.call('lore_link', { session: 'd0e1' });
  assert.is((r.structuredContent as any).commit.sha, ctx.head);
  assert.equal(noteRecords(ctx.w, ctx.repo, ctx.head).map((x) => x.session), [SID.a, SID.c]);
});

write.run();

const proc = suite<Ctx>('lore mcp: the process');
proc.before.each(setUp);
proc.after.each(tearDown);

proc('index warnings go to stderr, never stdout', async (ctx) => {
  appendFileSync(join(ctx.w.loreHome, 'sessions.jsonl'), '{not json\n');
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const r = await ctx.m.call('lore_list_sessions', {});
  assert.is((r.structuredContent as any).total, 3);
  assert.match(ctx.m.stderr(), /sessions\.jsonl:5: skipped a malformed session line/);
});

proc('--repo serves another directory', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.elsewhere, ['--repo', ctx.repo]);
  const r = await ctx.m.call('lore_blame', { file: 'a.txt', line: 2 });
  assert.equal((r.structuredContent as any).ranges[0].sessions.map((s: any) => s.id), [SID.a]);
});

proc('exits 0 when stdin closes, having printed nothing; a missing --repo is an Error', (ctx) => {
  const r = lore(ctx.w, ctx.repo, ['mcp']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, '');
  const missing = lore(ctx.w, ctx.repo, ['mcp', '--repo', 'nope']);
  assert.is(missing.code, 2);
  assert.is(missing.stdout, '');
  assert.is(missing.stderr.split('\n')[0], `Error: --repo: no such directory: ${join(ctx.repo, 'nope')}`);
});

proc.run();

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, LORE_BIN, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { startMcp, texts, type McpSession } from './helpers/mcp.js';

/** Issue 20, defect 3 and the MCP half of 4: the server stays within its repository and survives bad messages. */
interface Ctx {
  w: World;
  repo: string;
  other: string;
  m?: McpSession;
}

const SECRET = 'Rotate the payroll API key';

const scope = suite<Ctx>('hostile: the MCP server answers about its repository only');
scope.before((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'shop');
  ctx.other = makeRepo(ctx.w, 'payroll');
  commit(ctx.w, ctx.repo, { message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  commit(ctx.w, ctx.other, { message: SECRET, date: '2026-01-13T11:30:00Z' });
  addSessions(ctx.w, [
    { id: SID.a, cwd: ctx.repo, started_at: '2026-01-13T10:00:00Z', title: 'Fix login bug', files: [`${ctx.repo}/login.ts`] },
    { id: SID.d, cwd: ctx.other, started_at: '2026-01-13T11:00:00Z', title: 'payroll keys', files: [`${ctx.other}/keys.ts`] },
  ]);
  for (const [dir, id] of [[ctx.repo, 'c9731a91'], [ctx.other, 'e5f6a7b8']]) {
    const r = lore(ctx.w, dir, ['link', id]);
    assert.is(r.code, 0, r.stderr);
  }
});
scope.after.each(async (ctx) => {
  await ctx.m?.close();
  ctx.m = undefined;
});
scope.after((ctx) => ctx.w.cleanup());

scope('lore_list_sessions {} lists only this repository; another directory is refused', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const all = await ctx.m.call('lore_list_sessions', {});
  assert.equal((all.structuredContent as any).sessions.map((s: any) => s.id), [SID.a]);
  assert.not.match(texts(all).join('\n'), /payroll/);
  const elsewhere = await ctx.m.call('lore_list_sessions', { repo: ctx.other });
  assert.is(elsewhere.isError, true);
  assert.match(texts(elsewhere)[0], /outside the repository this server answers for/);
  assert.not.match(texts(elsewhere).join('\n'), /payroll keys/);
});

scope('lore_get_session opens no other repository: a session of another one is unknown here', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.w.dir, ['--repo', ctx.repo]);
  const theirs = await ctx.m.call('lore_get_session', { session: 'e5f6a7b8' });
  assert.is(theirs.isError, true);
  assert.not.match(texts(theirs).join('\n'), new RegExp(`${SECRET}|payroll`));
  const ours = await ctx.m.call('lore_get_session', { session: 'c9731a91' });
  assert.not.ok(ours.isError, texts(ours).join('\n'));
  assert.equal((ours.structuredContent as any).repositories, [ctx.repo]);
  assert.equal((ours.structuredContent as any).commits.map((c: any) => c.subject), ['Fix login bug']);
});

scope('--all-repos widens it, as an explicit choice', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo, ['--all-repos']);
  const all = await ctx.m.call('lore_list_sessions', {});
  assert.equal((all.structuredContent as any).sessions.map((s: any) => s.id), [SID.d, SID.a]);
  const theirs = await ctx.m.call('lore_get_session', { session: 'e5f6a7b8' });
  assert.not.ok(theirs.isError, texts(theirs).join('\n'));
  assert.equal((theirs.structuredContent as any).commits.map((c: any) => c.subject), [SECRET]);
});

scope('a 1 MB commit argument is a clean tool error, and the server keeps serving', async (ctx) => {
  ctx.m = await startMcp(ctx.w, ctx.repo);
  const r = await ctx.m.call('lore_get_linked_sessions', { commit: 'a'.repeat(1_000_000) });
  assert.is(r.isError, true);
  assert.match(texts(r)[0], /^an argument of 100000\d bytes is too long to pass to git$/);
  assert.is(ctx.m.stderr(), '', 'a user error, not a bug to log');
  const ok = await ctx.m.call('lore_get_linked_sessions', {});
  assert.not.ok(ok.isError, texts(ok).join('\n'));
});

scope.run();

/** A raw JSON-RPC peer: what a broken or hostile client writes, byte for byte. */
class Peer {
  private buffered = '';
  private readonly replies: any[] = [];
  private waiting: (() => void) | null = null;
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';

  constructor(w: World, cwd: string) {
    this.child = spawn(process.execPath, [LORE_BIN, 'mcp'], { cwd, env: w.env });
    this.child.stderr.on('data', (d) => (this.stderr += d));
    this.child.stdout.on('data', (d) => {
      this.buffered += d;
      for (let nl = this.buffered.indexOf('\n'); nl !== -1; nl = this.buffered.indexOf('\n')) {
        this.replies.push(JSON.parse(this.buffered.slice(0, nl)));
        this.buffered = this.buffered.slice(nl + 1);
      }
      this.waiting?.();
    });
  }

  write(text: string | Buffer): void {
    this.child.stdin.write(text);
  }

  async next(): Promise<any> {
    while (this.replies.length === 0) {
      if (this.child.exitCode !== null) throw new Error(`the server exited ${this.child.exitCode}: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 200);
      });
    }
    return this.replies.shift();
  }

  async end(): Promise<number | null> {
    this.child.stdin.end();
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
    return this.child.exitCode;
  }
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'peer', version: '0' } },
});

const proto = suite<{ w: World; repo: string }>('hostile: bad JSON-RPC messages');
proto.before((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { message: 'first' });
});
proto.after((ctx) => ctx.w.cleanup());

proto('a message over 10 MiB gets a JSON-RPC error, and the next request its answer', async ({ w, repo }) => {
  const peer = new Peer(w, repo);
  const big = Buffer.alloc(11 * 1024 * 1024, 'x');
  peer.write(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":9,"method":"tools/list","params":{"pad":"'), big, Buffer.from('"}}\n')]));
  const refused = await peer.next();
  assert.is(refused.id, null);
  assert.is(refused.error.code, -32600);
  assert.match(refused.error.message, /larger than 10485760 bytes/);
  peer.write(INITIALIZE + '\n');
  const init = await peer.next();
  assert.is(init.id, 1);
  assert.is(init.result.serverInfo.name, 'lore');
  assert.is(await peer.end(), 0);
});

proto('a line that is not JSON, or not JSON-RPC, gets an error naming it; the server stays up', async ({ w, repo }) => {
  const peer = new Peer(w, repo);
  peer.write('{not json\n');
  assert.equal((await peer.next()).error.code, -32700);
  peer.write('{"jsonrpc":"2.0","id":7}\n');
  const invalid = await peer.next();
  assert.equal([invalid.id, invalid.error.code], [7, -32600]);
  peer.write(INITIALIZE + '\n');
  assert.is((await peer.next()).id, 1);
  assert.is(await peer.end(), 0);
});

proto.run();

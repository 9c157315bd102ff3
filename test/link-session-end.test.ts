import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { ago, gitRun, installHooks, linkedSessions } from './helpers/hooks.js';

/** Issue 21: a session that ends is linked to the commits made in its window that no hook linked. */
const end = suite<{ w: World; repo: string }>('linking at session end');

end.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'before the session', files: { 'src/a.ts': '0\n' }, date: ago(120) });
});
end.after.each((ctx) => ctx.w.cleanup());

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Waits for what a detached process does; the deadline only stops a broken test from hanging. */
function eventually<T>(what: string, get: () => T | undefined): T {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = get();
    if (got !== undefined) return got;
    if (Date.now() > deadline) assert.unreachable(`timed out waiting for ${what}`);
    sleep(100);
  }
}

const notesRef = (w: World, repo: string) => spawnSync('git', ['rev-parse', '-q', '--verify', 'refs/notes/lore'], { cwd: repo, env: w.env, encoding: 'utf8' }).stdout.trim();

/** Runs an installed Claude Code hook as Claude Code does: its command through the shell, the event on stdin. */
function claudeEvent(w: World, repo: string, name: string, payload: Record<string, unknown>): void {
  const settings = JSON.parse(readFileSync(join(repo, '.claude/settings.json'), 'utf8'));
  const command = settings.hooks[name].at(-1).hooks[0].command;
  // The payload's shape: https://docs.anthropic.com/en/docs/claude-code/hooks (hook input).
  const input = JSON.stringify({ session_id: SID.a, transcript_path: '/tmp/t.jsonl', cwd: repo, hook_event_name: name, ...payload });
  const r = spawnSync('sh', ['-c', command], { cwd: repo, env: w.env, input, encoding: 'utf8', timeout: 60_000 });
  assert.equal([r.status, r.stdout, r.stderr], [0, '', '']);
}

/** A commit no hook links (LORE_SKIP=1, as from a GUI client without lore), at `date`. */
function unhookedCommit(w: World, repo: string, message: string, files: Record<string, string>, date: string, teammate = false): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(w, repo, ['add', '-A']);
  const who = teammate ? { GIT_AUTHOR_NAME: 'Them', GIT_AUTHOR_EMAIL: 'them@example.com', GIT_COMMITTER_NAME: 'Them', GIT_COMMITTER_EMAIL: 'them@example.com' } : {};
  const r = gitRun(w, repo, ['commit', '-q', '-m', message], { LORE_SKIP: '1', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...who });
  assert.is(r.code, 0, r.stderr);
  return git(w, repo, ['rev-parse', 'HEAD']);
}

/** The commits an hour of work leaves: the session's own, a teammate's, and one made by hand on other files. */
function workInWindow(w: World, repo: string, dates: { mine: string[]; teammate: string; byHand: string }) {
  const mine = dates.mine.map((date, k) => unhookedCommit(w, repo, `agent work ${k}`, { 'src/a.ts': `${k + 1}\n` }, date));
  const teammate = unhookedCommit(w, repo, 'teammate', { 'src/a.ts': 'theirs\n' }, dates.teammate, true);
  const byHand = unhookedCommit(w, repo, 'by hand', { 'docs/notes.md': 'mine\n' }, dates.byHand);
  return { mine, teammate, byHand };
}

end("Claude Code's SessionEnd, through the installed agent hook, links the commits made with LORE_SKIP=1", ({ w, repo }) => {
  assert.is(installHooks(w, repo, ['--agent', 'claude-code']).code, 0);
  claudeEvent(w, repo, 'SessionStart', { source: 'startup' });
  claudeEvent(w, repo, 'PostToolUse', { tool_name: 'Write', tool_input: { file_path: join(repo, 'src/a.ts'), content: '1\n' }, tool_response: { success: true } });
  const now = new Date().toISOString();
  const { mine, teammate, byHand } = workInWindow(w, repo, { mine: [now, now], teammate: now, byHand: now });
  for (const sha of [...mine, teammate, byHand]) assert.equal(linkedSessions(w, repo, sha), [], 'LORE_SKIP=1 and the teammate leave no link');

  claudeEvent(w, repo, 'SessionEnd', { reason: 'exit' });
  eventually('the link at session end', () => (linkedSessions(w, repo, mine[1]).length > 0 ? true : undefined));
  for (const sha of mine) {
    const records = noteRecords(w, repo, sha);
    assert.equal(records.map((r) => [r.session, r.method, r.tool]), [[SID.a, 'backfill', 'claude-code']]);
  }
  assert.equal(linkedSessions(w, repo, teammate), [], "a teammate's commit is not the session's");
  assert.equal(linkedSessions(w, repo, byHand), [], 'a commit of files the session never edited is not its');
  assert.equal(linkedSessions(w, repo, 'HEAD~4'), [], 'a commit from before the session is not its');
});

end('`lore session end <prefix>` links the session and prints what it linked; ending twice adds nothing', ({ w, repo }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: ago(60), ended_at: null, tool: 'claude-code', files: [join(repo, 'src/a.ts')] }]);
  const { mine, teammate, byHand } = workInWindow(w, repo, { mine: [ago(50), ago(40)], teammate: ago(30), byHand: ago(20) });
  const r = lore(w, repo, ['session', 'end', 'c9731a']);
  assert.is(r.code, 0, r.stderr);
  const short = (sha: string) => sha.slice(0, 7);
  assert.equal(r.stdout.split('\n').filter(Boolean).sort(), mine.map((sha) => `  Linked session c9731a91 -> commit ${short(sha)}`).sort());
  assert.is(r.stderr, '');
  for (const sha of mine) assert.equal(linkedSessions(w, repo, sha), [SID.a]);
  assert.equal(linkedSessions(w, repo, teammate), []);
  assert.equal(linkedSessions(w, repo, byHand), []);

  const ref = notesRef(w, repo);
  const index = readFileSync(join(w.loreHome, 'sessions.jsonl'), 'utf8');
  const again = lore(w, repo, ['session', 'end', SID.a]);
  assert.equal([again.code, again.stdout, again.stderr], [0, '', '']);
  assert.is(notesRef(w, repo), ref, 'no notes commit the second time');
  assert.is(readFileSync(join(w.loreHome, 'sessions.jsonl'), 'utf8'), index, 'the session keeps its first end');
  // What the agent hook runs in the background, run in the foreground: nothing more either.
  assert.is(lore(w, repo, ['hooks', 'session-ended', '--session', SID.a]).code, 0);
  assert.is(notesRef(w, repo), ref);
});

end('a session without file data is linked on time alone, to its own commits; commits linked already stay as they are', ({ w, repo }) => {
  addSessions(w, [{ id: SID.b, cwd: repo, started_at: ago(60), ended_at: null, tool: 'codex' }]);
  const { mine, teammate, byHand } = workInWindow(w, repo, { mine: [ago(50)], teammate: ago(30), byHand: ago(20) });
  assert.is(lore(w, repo, ['link', SID.b, '--commit', byHand]).code, 0);
  const r = lore(w, repo, ['session', 'end', 'c9731a92']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n').filter(Boolean), [`  Linked session c9731a92 -> commit ${mine[0].slice(0, 7)}`]);
  assert.equal(noteRecords(w, repo, byHand).map((l) => l.method), ['manual']);
  assert.equal(linkedSessions(w, repo, teammate), []);
});

end('--no-link and git config lore.linkOnEnd=false end the session without linking', ({ w, repo }) => {
  addSessions(w, [
    { id: SID.a, cwd: repo, started_at: ago(60), ended_at: null, tool: 'claude-code' },
    { id: SID.b, cwd: repo, started_at: ago(60), ended_at: null, tool: 'claude-code' },
  ]);
  commit(w, repo, { message: 'in the window', date: ago(30) });
  const r = lore(w, repo, ['session', 'end', SID.a, '--no-link']);
  assert.equal([r.code, r.stdout, r.stderr], [0, '', '']);
  git(w, repo, ['config', 'lore.linkOnEnd', 'false']);
  assert.equal(lore(w, repo, ['session', 'end', SID.b]).stdout, '');
  assert.equal(linkedSessions(w, repo), []);
  const ended = JSON.parse(lore(w, repo, ['sessions', '--json']).stdout) as { active: boolean }[];
  assert.equal(ended.map((s) => s.active), [false, false]);
});

end('`lore session end` of an id lore does not know is an error and writes no phantom session', ({ w, repo }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: ago(60), ended_at: null }]);
  const index = join(w.loreHome, 'sessions.jsonl');
  const before = readFileSync(index, 'utf8');
  const r = lore(w, repo, ['session', 'end', 'dead0000']);
  assert.is(r.code, 1);
  assert.equal(r.stderr.split('\n').filter(Boolean), ["Error: no session matches 'dead0000'", 'hint: Run `lore sessions` to list the sessions lore knows.']);
  assert.is(readFileSync(index, 'utf8'), before);
  mkdirSync(join(repo, 'sub'));
  assert.is(lore(w, join(repo, 'sub'), ['session', 'touch', 'dead0000', 'x.ts']).code, 1);
  assert.is(readFileSync(index, 'utf8'), before);
});

end('an import that reads a log to its end links the session; --no-link and a second import add nothing', ({ w, repo }) => {
  const id = '7d2c1a00-1111-4222-8333-444455556666';
  const line = (timestamp: string, content: unknown, type = 'assistant') =>
    JSON.stringify({ sessionId: id, cwd: repo, gitBranch: 'main', isSidechain: false, type, timestamp, uuid: timestamp, message: { role: type, content } }) + '\n';
  const edit = [{ type: 'tool_use', id: 't1', name: 'Edit', input: { file_path: join(repo, 'src/a.ts'), old_string: '0', new_string: '1' } }];
  const log = line('2026-01-13T10:00:00.000Z', 'Fix src/a.ts', 'user') + line('2026-01-13T10:05:00.000Z', edit) + line('2026-01-13T10:20:00.000Z', [{ type: 'text', text: 'Done.' }]);
  const projects = join(w.home, '.claude', 'projects', '-proj');
  mkdirSync(projects, { recursive: true });
  writeFileSync(join(projects, `${id}.jsonl`), log);
  const { mine, teammate, byHand } = workInWindow(w, repo, { mine: ['2026-01-13T10:15:00Z'], teammate: '2026-01-13T10:16:00Z', byHand: '2026-01-13T10:17:00Z' });

  const dry = lore(w, repo, ['import', '--no-link']);
  assert.is(dry.code, 0, dry.stderr);
  assert.equal(linkedSessions(w, repo, mine[0]), []);
  rmSync(join(w.loreHome), { recursive: true });
  const r = lore(w, repo, ['import']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `\n  Linked session 7d2c1a00 -> commit ${mine[0].slice(0, 7)}\n`);
  assert.equal(noteRecords(w, repo, mine[0]).map((l) => [l.session, l.method]), [[id, 'backfill']]);
  assert.equal(linkedSessions(w, repo, teammate), []);
  assert.equal(linkedSessions(w, repo, byHand), []);
  const ref = notesRef(w, repo);
  assert.not.match(lore(w, repo, ['import']).stdout, 'Linked');
  assert.is(notesRef(w, repo), ref);
});

end.run();

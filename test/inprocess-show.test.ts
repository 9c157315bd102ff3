/**
 * show, show --commit, blame and sessions called in-process: each returns its result as
 * data, its JSON form is what `--json` prints, and lib/cli renders the text from it.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blameLines } from '../lib/cli/blame-render.js';
import { sessionsLines } from '../lib/cli/sessions-render.js';
import { commitSessionsLines, sessionLines } from '../lib/cli/show-render.js';
import { blame, blameJson } from '../lib/commands/blame.js';
import { listSessions, sessionsJson } from '../lib/commands/sessions.js';
import { showCommit, showCommitJson } from '../lib/commands/show-commit.js';
import { showSession, showSessionJson } from '../lib/commands/show.js';
import { addSessions, commit, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { enterWorld } from './helpers/in-process.js';
import { noteLine, setNote, short } from './helpers/show.js';

interface Ctx {
  w: World;
  repo: string;
  sha: string;
  warnings: string[];
  leave: () => void;
}

const t = suite<Ctx>('commands return results: show, blame, sessions');

t.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.leave = enterWorld(ctx.w);
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\ntwo\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.sha = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\nTWO\nthree\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:00:00Z', ended_at: '2026-01-13T10:40:00Z', title: 'Fix the login bug' },
    { id: SID.c, cwd: '/elsewhere', started_at: '2026-01-14T08:00:00Z', ended_at: '2026-01-14T09:00:00Z' },
  ]);
  setNote(ctx.w, ctx.repo, ctx.sha, [noteLine(SID.a, 'manual')]);
  ctx.warnings = [];
});
t.after.each((ctx) => {
  ctx.leave();
  ctx.w.cleanup();
});

const deps = (ctx: Ctx) => ({ warn: (line: string) => void ctx.warnings.push(line) });

t('listSessions returns the sessions newest first, and every id for short ids', async (ctx) => {
  const r = await listSessions({ cwd: ctx.repo }, deps(ctx));
  assert.equal(r.sessions.map((s) => s.id), [SID.c, SID.a]);
  assert.is(r.known, 2);
  assert.equal(new Set(r.ids), new Set([SID.a, SID.c]));
  const json = sessionsJson(r);
  assert.is(json[1].title, 'Fix the login bug');
  assert.is(json[1].ended_at, '2026-01-13T10:40:00Z');
  assert.is(sessionsLines(r)[0].split(/\s+/)[0], 'SESSION');

  const within = await listSessions({ cwd: ctx.repo, within: ctx.repo, limit: 0 }, deps(ctx));
  assert.equal(within.sessions, []);
  assert.is(within.known, 1, 'only the session inside the repository counts');
  assert.match(sessionsLines(within)[0], /^1 session\(s\) in .*; --limit 0 shows none$/);
  assert.equal(ctx.warnings, []);
});

t('showSession returns the session, its repositories and commits; --json prints its JSON form', async (ctx) => {
  const r = await showSession({ cwd: ctx.repo, session: SID.a.slice(0, 8) }, deps(ctx));
  assert.is(r.id, SID.a);
  assert.is(r.session?.title, 'Fix the login bug');
  assert.equal(r.repositories, [ctx.repo]);
  assert.equal(r.found[0].commits.map((c) => c.sha), [ctx.sha]);
  const json = showSessionJson(r);
  assert.equal(json.commits[0], {
    sha: ctx.sha,
    short: short(ctx.w, ctx.repo),
    subject: 'Fix login bug',
    date: '2026-01-13T10:30:00Z',
    repo: ctx.repo,
    link: { method: 'manual', confidence: null, linked_at: '2026-01-13T10:45:00Z', linked_by: null },
  });
  assert.ok(sessionLines(r).includes(`Linked commits in ${ctx.repo}:`));
  const printed = lore(ctx.w, ctx.repo, ['show', SID.a, '--json']);
  assert.is(printed.stdout, JSON.stringify(json, null, 2) + '\n');
});

t('showCommit returns the commit and its sessions; the text renders from them', async (ctx) => {
  const r = await showCommit({ cwd: ctx.repo, ref: 'HEAD' }, deps(ctx));
  assert.is(r.commit.sha, ctx.sha);
  assert.equal(r.sessions.map((s) => s.link.session), [SID.a]);
  assert.is(r.sessions[0].session?.tool, 'claude-code');
  const json = showCommitJson(r);
  assert.equal(json.commit, { sha: ctx.sha, short: short(ctx.w, ctx.repo), subject: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  assert.is(json.sessions[0].id, SID.a);
  assert.is(json.sessions[0].in_index, true);
  const lines = commitSessionsLines(r, (id) => id.slice(0, 8), null);
  assert.ok(lines.includes('1 linked session:'));
  assert.ok(lines.includes(`  ${SID.a.slice(0, 8)}`));

  const first = await showCommit({ cwd: ctx.repo, ref: 'HEAD~1' }, deps(ctx));
  assert.equal(first.sessions, []);
  assert.is(commitSessionsLines(first, (id) => id, null).at(-1), `No sessions linked to commit ${first.commit.short}`);
});

t('blame returns runs of lines with their commits and sessions; --json prints its JSON form', async (ctx) => {
  const r = await blame({ cwd: ctx.repo, target: 'a.txt:2-3' }, deps(ctx));
  assert.is(r.file, 'a.txt');
  assert.is(r.last, 3);
  assert.equal(r.ranges.map((run) => [run.start, run.end, run.commit.sha, run.lines]), [[2, 3, ctx.sha, ['TWO', 'three']]]);
  assert.equal(r.ranges[0].sessions.map((s) => [s.link.session, s.title]), [[SID.a, 'Fix the login bug']]);
  const json = blameJson(r);
  assert.is(json.root, ctx.repo);
  assert.equal(json.ranges[0].sessions[0].link.method, 'manual');
  const lines = blameLines(r, (id) => id.slice(0, 8));
  assert.is(lines[0], `L2-3  ${short(ctx.w, ctx.repo)}  ${SID.a.slice(0, 8)} (manual)`);
  assert.is(lines.at(-1), '    3 | three');
  const printed = lore(ctx.w, ctx.repo, ['blame', 'a.txt:2-3', '--json']);
  assert.is(printed.stdout, JSON.stringify(json, null, 2) + '\n');
});

t('a wrong blame target is the command\'s error, with its text', async (ctx) => {
  try {
    await blame({ cwd: ctx.repo, target: 'a.txt:9' }, deps(ctx));
    assert.unreachable('a line past the end is an error');
  } catch (e) {
    assert.is((e as Error).message, 'line 9 is past the end of a.txt, which has 3 lines at HEAD');
  }
});

t.run();

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, gitNote, lore, makeRepo, makeWorld, noteRecords, type Run, type World } from './helpers/env.js';
import { noteLine, setNote } from './helpers/show.js';

/**
 * Issue 20, defect 2: nothing from a teammate's note, the index or a log reaches the
 * terminal raw. The payload holds what rewrites a terminal: an OSC title ended by BEL,
 * clear-screen, CR, BS, DEL, a C1 CSI and a right-to-left override.
 */
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\r\b\x7f\x9b\u202e';
const SHOWN = '\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x08\\u007f\\u009b\\u202e';
// Every character the sanitiser must never let through, newline aside.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function assertNothingRaw(r: Run, what: string) {
  assert.not.match(r.stdout, RAW, `${what}: stdout is raw: ${JSON.stringify(r.stdout)}`);
  assert.not.match(r.stderr, RAW, `${what}: stderr is raw: ${JSON.stringify(r.stderr)}`);
}

interface Ctx {
  w: World;
  repo: string;
  head: string;
}

// The payload leads, so that the id's first eight characters, which lore prints, hold it.
const TEAMMATE = `${HOSTILE}ffffffff`;
const note = suite<Ctx>("hostile: a teammate's note");
note.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\ntwo\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  setNote(ctx.w, ctx.repo, ctx.head, [noteLine(TEAMMATE, 'manual', { linked_by: `mallory${HOSTILE}@example.com`, tool: `t${HOSTILE}` })]);
});
note.after.each((ctx) => ctx.w.cleanup());

note('show --commit, blame, show and unlink make its session and linked_by visible', ({ w, repo }) => {
  const runs: [string, Run][] = [
    ['show --commit', lore(w, repo, ['show', '--commit', 'HEAD'])],
    ['blame', lore(w, repo, ['blame', 'a.txt'])],
    // Only the notes know this session: it takes its full id (a prefix would not be trusted).
    ['show', lore(w, repo, ['show', TEAMMATE])],
    ['unlink --dry-run', lore(w, repo, ['unlink', TEAMMATE, '--dry-run'])],
    ['unlink --commit --dry-run', lore(w, repo, ['unlink', TEAMMATE, '--commit', 'HEAD', '--dry-run'])],
  ];
  for (const [what, r] of runs) {
    assert.is(r.code, 0, `${what}: ${r.stderr}`);
    assertNothingRaw(r, what);
  }
  for (const [what, r] of runs) assert.ok(r.stdout.includes('\\x1b]0;pw'), `${what} shows the id's escape: ${r.stdout}`);
  assert.ok(runs[0][1].stdout.includes(`mallory${SHOWN}@example.com`), runs[0][1].stdout);
  const unlinked = lore(w, repo, ['unlink', TEAMMATE, '--yes']);
  assert.is(unlinked.code, 0, unlinked.stderr);
  assertNothingRaw(unlinked, 'unlink --yes');
  assert.is(gitNote(w, repo), null);
});

note('--json stays exact JSON: it parses to the very values the note holds', ({ w, repo }) => {
  for (const args of [['show', '--commit', 'HEAD', '--json'], ['blame', 'a.txt', '--json']]) {
    const r = lore(w, repo, args);
    assert.is(r.code, 0, r.stderr);
    assertNothingRaw(r, args.join(' '));
    const text = JSON.stringify(JSON.parse(r.stdout));
    assert.ok(text.includes(JSON.stringify(TEAMMATE).slice(1, -1)), `${args.join(' ')} keeps the session id exactly: ${r.stdout}`);
  }
  assert.is(noteRecords(w, repo)[0].session, TEAMMATE);
});

const index = suite<Ctx>('hostile: the index and a log');
index.before.each((ctx) => {
  ctx.w = makeWorld();
  // The repository's own path holds the payload, so the session's cwd does too.
  ctx.repo = makeRepo(ctx.w, `proj${HOSTILE.replace('\r', '')}`);
  ctx.head = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'first' });
  addSessions(ctx.w, [
    {
      id: 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f',
      cwd: ctx.repo,
      started_at: new Date(Date.now() - 600_000).toISOString(),
      title: `Fix${HOSTILE}`,
      tool: `agent${HOSTILE}`,
      branch: `main${HOSTILE}`,
      // a.txt too: the commit's file, so --current's evidence links the session.
      files: [`${ctx.repo}/a${HOSTILE}.txt`, `${ctx.repo}/a.txt`],
    },
  ]);
});
index.after.each((ctx) => ctx.w.cleanup());

index('sessions, show and link --current make title, tool, branch, files and cwd visible', ({ w, repo }) => {
  const runs: [string, Run][] = [
    ['sessions', lore(w, repo, ['sessions'])],
    ['show', lore(w, repo, ['show', 'c9731a91'])],
    ['link --current', lore(w, repo, ['link', '--current'])],
    ['show after link', lore(w, repo, ['show', 'c9731a91'])],
    ['show --commit', lore(w, repo, ['show', '--commit', 'HEAD'])],
  ];
  for (const [what, r] of runs) {
    assert.is(r.code, 0, `${what}: ${r.stderr}`);
    assertNothingRaw(r, what);
  }
  assert.match(runs[0][1].stdout, `agent${SHOWN}`);
  assert.match(runs[1][1].stdout, `Fix${SHOWN}`);
  assert.match(runs[2][1].stdout, /Linked session c9731a91/);
  assert.is(noteRecords(w, repo).length, 1);
});

index('sessions --json parses to the index values exactly', ({ w, repo }) => {
  const r = lore(w, repo, ['sessions', '--json']);
  assert.is(r.code, 0, r.stderr);
  assertNothingRaw(r, 'sessions --json');
  const [s] = JSON.parse(r.stdout);
  assert.is(s.title, `Fix${HOSTILE}`);
  assert.is(s.branch, `main${HOSTILE}`);
  assert.is(s.cwd, repo);
});

note.run();
index.run();

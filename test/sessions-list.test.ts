import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addSessions, lore, makeRepo, makeWorld, SID } from './helpers/env.js';

test('lore sessions lists id8, start, end (or active, or stale), tool, directory, branch, newest first; --json too', () => {
  const w = makeWorld();
  try {
    addSessions(w, [
      { id: SID.a, tool: 'claude-code', cwd: '/home/me/shop', branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', title: 'Fix the login bug' },
      { id: SID.c, cwd: '/home/me/blog', started_at: '2026-01-14T08:00:00Z' },
      { id: SID.a, files: ['a.ts'] },
    ]);
    const r = lore(w, w.dir, ['sessions']);
    assert.is(r.code, 0, r.stderr);
    assert.is(
      r.stdout,
      [
        'SESSION   STARTED           ENDED             TOOL         DIRECTORY      BRANCH  TITLE',
        'd0e1f2a3  2026-01-14 08:00  stale             -            /home/me/blog  -       -',
        'c9731a91  2026-01-13 10:02  2026-01-13 10:41  claude-code  /home/me/shop  main    Fix the login bug',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(lore(w, w.dir, ['sessions', '--json']).stdout);
    assert.equal(json.map((s: { id: string }) => s.id), [SID.c, SID.a]);
    assert.equal(json[1], {
      id: SID.a,
      tool: 'claude-code',
      title: 'Fix the login bug',
      cwd: '/home/me/shop',
      branch: 'main',
      branches: ['main'],
      started_at: '2026-01-13T10:02:11Z',
      ended_at: '2026-01-13T10:41:40Z',
      active: false,
      stale: false,
      files: ['a.ts'],
    });
    assert.is(json[0].active, true);
    assert.is(json[0].stale, true, 'no end, and no activity for months: the agent never said it ended');
    assert.is(lore(w, w.dir, ['sessions', '--limit', '1']).stdout.trim().split('\n').length, 2);
  } finally {
    w.cleanup();
  }
});

test('--repo DIR and --here keep the sessions of one directory tree; long titles are cut to one line', () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    mkdirSync(join(repo, 'lib'));
    mkdirSync(join(w.dir, 'repo-old'));
    addSessions(w, [
      { id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z', title: `A very long first prompt\nthat goes on ${'and on '.repeat(20)}` },
      { id: SID.b, cwd: join(repo, 'lib'), started_at: '2026-01-13T11:00:00Z' },
      { id: SID.c, cwd: join(w.dir, 'repo-old'), started_at: '2026-01-13T12:00:00Z' },
    ]);
    const ids = (r: { stdout: string }) => r.stdout.trim().split('\n').slice(1).map((l) => l.split(' ')[0]);
    assert.equal(ids(lore(w, join(repo, 'lib'), ['sessions', '--here'])), ['c9731a92', 'c9731a91']);
    assert.equal(ids(lore(w, w.dir, ['sessions', '--repo', 'repo'])), ['c9731a92', 'c9731a91']);
    const row = lore(w, repo, ['sessions', '--here']).stdout.split('\n')[2];
    assert.match(row, / A very long first prompt that goes on and on .*…$/);
    assert.ok(row.split('  ').pop()!.trim().length <= 60);
    const none = lore(w, w.dir, ['sessions', '--here']);
    assert.is(none.code, 1);
    assert.match(none.stderr, /^Error: not inside a git repository/);
  } finally {
    w.cleanup();
  }
});

test('short ids are as long as they must be to name one session, as git abbreviates', () => {
  const w = makeWorld();
  try {
    const ids = ['0a1b2c3d-0000-4000-8000-000000000001', '0a1b2c3d-0000-4000-8000-000000000002', '0a1b2c3d-1000-4000-8000-000000000003', 'ffff0000-0000-4000-8000-000000000004'];
    addSessions(w, ids.map((id, i) => ({ id, cwd: '/p', started_at: `2026-01-1${i}T10:00:00Z` })));
    const shown = lore(w, w.dir, ['sessions']).stdout.trim().split('\n').slice(1).map((l) => l.split(' ')[0]);
    assert.equal(shown, ['ffff0000', '0a1b2c3d-1', '0a1b2c3d-0000-4000-8000-000000000002', '0a1b2c3d-0000-4000-8000-000000000001']);
    // Each one names its session to every other command.
    for (const [i, short] of shown.entries()) {
      const r = lore(w, w.dir, ['show', short, '--json']);
      assert.is(r.code, 0, `${short}: ${r.stderr}`);
      assert.is(JSON.parse(r.stdout).session.id, ids[ids.length - 1 - i]);
    }
  } finally {
    w.cleanup();
  }
});

test('an active session with recent activity is active, whenever it started', () => {
  const w = makeWorld();
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  try {
    addSessions(w, [
      { id: SID.a, cwd: '/home/me/shop', started_at: ago(600) },
      { id: SID.a, seen_at: ago(90) },
      { id: SID.b, cwd: '/home/me/shop', started_at: ago(610) },
      { id: SID.b, seen_at: ago(130) },
    ]);
    const json = JSON.parse(lore(w, w.dir, ['sessions', '--json']).stdout);
    assert.equal(json.map((s: { id: string; stale: boolean }) => [s.id, s.stale]), [[SID.a, false], [SID.b, true]]);
    const rows = lore(w, w.dir, ['sessions']).stdout.split('\n');
    assert.match(rows[1], /^c9731a91 .* active /);
    assert.match(rows[2], /^c9731a92 .* stale /);
  } finally {
    w.cleanup();
  }
});

test.run();

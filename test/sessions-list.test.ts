import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, lore, makeWorld, SID } from './helpers/env.js';

test('lore sessions lists id8, start, end (or active, or stale), tool, directory, branch, newest first; --json too', () => {
  const w = makeWorld();
  try {
    addSessions(w, [
      { id: SID.a, tool: 'claude-code', cwd: '/home/me/shop', branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z' },
      { id: SID.c, cwd: '/home/me/blog', started_at: '2026-01-14T08:00:00Z' },
      { id: SID.a, files: ['a.ts'] },
    ]);
    const r = lore(w, w.dir, ['sessions']);
    assert.is(r.code, 0, r.stderr);
    assert.is(
      r.stdout,
      [
        'SESSION   STARTED           ENDED             TOOL         DIRECTORY      BRANCH',
        'd0e1f2a3  2026-01-14 08:00  stale             -            /home/me/blog  -',
        'c9731a91  2026-01-13 10:02  2026-01-13 10:41  claude-code  /home/me/shop  main',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(lore(w, w.dir, ['sessions', '--json']).stdout);
    assert.equal(json.map((s: { id: string }) => s.id), [SID.c, SID.a]);
    assert.equal(json[1], {
      id: SID.a,
      tool: 'claude-code',
      title: null,
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

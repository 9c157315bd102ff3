import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, lore, makeWorld, SID } from './helpers/env.js';

test('lore sessions lists id8, start, end or active, tool, directory, branch, newest first; --json too', () => {
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
        'd0e1f2a3  2026-01-14 08:00  active            -            /home/me/blog  -',
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
      files: ['a.ts'],
    });
    assert.is(lore(w, w.dir, ['sessions', '--limit', '1']).stdout.trim().split('\n').length, 2);
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

test.run();

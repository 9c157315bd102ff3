import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, loreAsync, makeRepo, makeWorld, noteRecords } from './helpers/env.js';

test('12 processes linking at once to one commit lose no link', async () => {
  const w = makeWorld();
  try {
    const repo = makeRepo(w);
    const head = commit(w, repo, { date: '2026-01-13T10:00:00Z' });
    const ids = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(8, 'a')}-0000-4000-8000-${String(i).padStart(12, '0')}`);
    addSessions(w, ids.map((id) => ({ id, cwd: repo, started_at: '2026-01-13T09:00:00Z' })));
    const runs = await Promise.all(ids.map((id) => loreAsync(w, repo, ['link', id])));
    for (const r of runs) assert.is(r.code, 0, r.stderr);
    const sessions = noteRecords(w, repo, head).map((r) => r.session);
    assert.equal(sessions, [...ids].sort());
    // Each link is its own notes commit on one line of history: nothing was overwritten.
    assert.is(git(w, repo, ['rev-list', '--count', 'refs/notes/lore']), '12');
    assert.is(git(w, repo, ['for-each-ref', 'refs/lore-scratch']), '', 'no scratch refs left behind');
  } finally {
    w.cleanup();
  }
});

test.run();

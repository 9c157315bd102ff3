import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatNote, parseNote } from '../lib/links/record.js';
import { addSessions, commit, gitNote, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { setNote } from './helpers/show.js';

/** Issue 20, defect 6b: a note's fields are checked on read; a wrong one is ignored for display, its line kept. */
const s = suite<{ w: World; repo: string }>('hostile: note records validated on read');
s.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { message: 'first', date: '2026-01-13T09:00:00Z' });
});
s.after.each((ctx) => ctx.w.cleanup());

const BAD = [
  `{"v":1,"session":"${SID.a}","method":"auto","confidence":1e999,"linked_at":"2026-01-13T10:45:00Z"}`,
  `{"v":1,"session":"${SID.b}","method":"backfill","confidence":-5,"linked_at":"yesterday","linked_by":42}`,
];

s('parseNote leaves the wrong fields out, and formatNote writes the lines back as they were', () => {
  const note = parseNote(BAD.join('\n'));
  const [a, b] = [note.records.get(SID.a)!, note.records.get(SID.b)!];
  assert.is(a.confidence, undefined);
  assert.is(a.linked_at, '2026-01-13T10:45:00Z');
  assert.is(b.confidence, undefined);
  assert.is(b.linked_at, '');
  assert.is(b.linked_by, undefined);
  assert.equal(note.foreign, []);
  assert.is(formatNote(note), [...BAD].sort().join('\n') + '\n');
});

s('show --commit prints no Infinity% nor -500%, and --json holds nulls; link keeps the lines as they are', ({ w, repo }) => {
  setNote(w, repo, 'HEAD', BAD);
  const r = lore(w, repo, ['show', '--commit', 'HEAD']);
  assert.is(r.code, 0, r.stderr);
  assert.not.match(r.stdout, /Infinity|NaN|-500%|%/);
  assert.match(r.stdout, /auto, 2026-01-13 10:45/);
  const json = JSON.parse(lore(w, repo, ['show', '--commit', 'HEAD', '--json']).stdout);
  const links = json.sessions.map((x: { link: unknown }) => x.link);
  assert.equal(links.map((l: { confidence: unknown }) => l.confidence), [null, null]);
  assert.ok(links.some((l: { linked_at: unknown }) => l.linked_at === null), JSON.stringify(links));
  addSessions(w, [{ id: SID.c, cwd: repo, started_at: '2026-01-13T08:00:00Z' }]);
  const linked = lore(w, repo, ['link', SID.c.slice(0, 8)]);
  assert.is(linked.code, 0, linked.stderr);
  const lines = gitNote(w, repo)!.trimEnd().split('\n');
  assert.is(lines.length, 3);
  for (const line of BAD) assert.ok(lines.includes(line), `kept: ${line}\nin:\n${lines.join('\n')}`);
});

s.run();

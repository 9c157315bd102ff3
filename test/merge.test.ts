import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countLinks, diffNotes, mergeNotes, type Notes } from '../lib/links/merge.js';
import { formatRecord, type LinkRecord } from '../lib/links/record.js';

const C1 = '1'.repeat(40);
const C2 = '2'.repeat(40);

function rec(session: string, over: Partial<LinkRecord> = {}): string {
  return formatRecord({ v: 1, session, method: 'manual', linked_at: '2026-01-13T10:00:00Z', linked_by: 'me@example.com', ...over });
}

/** A note's text from its lines, sorted as lore writes them. */
function note(...lines: string[]): string {
  return [...lines].sort().join('\n') + '\n';
}

function notes(entries: Record<string, string[]>): Notes {
  return new Map(Object.entries(entries).map(([sha, lines]) => [sha, note(...lines)]));
}

const A = rec('aaaaaaaa-0000-4000-8000-000000000001');
const B = rec('bbbbbbbb-0000-4000-8000-000000000002');
const C = rec('cccccccc-0000-4000-8000-000000000003');
const FOREIGN = '{"v":2,"session":"from-the-future"}';

const cases: { name: string; base: Record<string, string[]>; ours: Record<string, string[]>; theirs: Record<string, string[]>; merged: Record<string, string[]> }[] = [
  { name: 'nothing anywhere', base: {}, ours: {}, theirs: {}, merged: {} },
  { name: 'a link added on their side only', base: {}, ours: {}, theirs: { [C1]: [A] }, merged: { [C1]: [A] } },
  { name: 'a link added on our side only', base: {}, ours: { [C1]: [A] }, theirs: {}, merged: { [C1]: [A] } },
  { name: 'links added on both sides, different commits', base: {}, ours: { [C1]: [A] }, theirs: { [C2]: [B] }, merged: { [C1]: [A], [C2]: [B] } },
  { name: 'links added on both sides, same commit', base: {}, ours: { [C1]: [A] }, theirs: { [C1]: [B] }, merged: { [C1]: [A, B] } },
  { name: 'added to an existing note on both sides', base: { [C1]: [A] }, ours: { [C1]: [A, B] }, theirs: { [C1]: [A, C] }, merged: { [C1]: [A, B, C] } },
  { name: 'the same link added on both sides', base: {}, ours: { [C1]: [A] }, theirs: { [C1]: [A] }, merged: { [C1]: [A] } },
  { name: 'unlinked by them, untouched by us: stays removed', base: { [C1]: [A, B] }, ours: { [C1]: [A, B] }, theirs: { [C1]: [B] }, merged: { [C1]: [B] } },
  { name: 'unlinked by us, untouched by them: stays removed', base: { [C1]: [A, B] }, ours: { [C1]: [B] }, theirs: { [C1]: [A, B] }, merged: { [C1]: [B] } },
  { name: 'last link unlinked by them: the note goes', base: { [C1]: [A] }, ours: { [C1]: [A] }, theirs: {}, merged: {} },
  { name: 'unlinked by them while we added to the note', base: { [C1]: [A] }, ours: { [C1]: [A, B] }, theirs: {}, merged: { [C1]: [B] } },
  { name: 'unlinked on both sides', base: { [C1]: [A, B] }, ours: { [C1]: [B] }, theirs: { [C1]: [B] }, merged: { [C1]: [B] } },
  {
    name: 'unlinked by them, relinked differently by us: the link is kept',
    base: { [C1]: [A] },
    ours: { [C1]: [rec('aaaaaaaa-0000-4000-8000-000000000001', { method: 'auto', confidence: 0.9 })] },
    theirs: {},
    merged: { [C1]: [rec('aaaaaaaa-0000-4000-8000-000000000001', { method: 'auto', confidence: 0.9 })] },
  },
  {
    name: 'both changed one record: the surer method wins',
    base: {},
    ours: { [C1]: [rec('aaaaaaaa-0000-4000-8000-000000000001', { method: 'auto', confidence: 0.7 })] },
    theirs: { [C1]: [A] },
    merged: { [C1]: [A] },
  },
  {
    name: 'both changed one record, same method: the earlier link wins',
    base: {},
    ours: { [C1]: [rec('aaaaaaaa-0000-4000-8000-000000000001', { linked_at: '2026-01-14T00:00:00Z' })] },
    theirs: { [C1]: [A] },
    merged: { [C1]: [A] },
  },
  {
    name: 'both changed one record, a full tie: the same pick from either side',
    base: {},
    ours: { [C1]: [rec('aaaaaaaa-0000-4000-8000-000000000001', { linked_by: 'zed@example.com' })] },
    theirs: { [C1]: [A] },
    merged: { [C1]: [A] },
  },
  { name: 'foreign lines added on either side are kept', base: {}, ours: { [C1]: [A, FOREIGN] }, theirs: { [C1]: [B, 'not json'] }, merged: { [C1]: [A, B, FOREIGN, 'not json'] } },
  { name: 'a foreign line removed on one side stays removed', base: { [C1]: [A, FOREIGN] }, ours: { [C1]: [A, B, FOREIGN] }, theirs: { [C1]: [A] }, merged: { [C1]: [A, B] } },
];

for (const c of cases) {
  test(c.name, () => {
    const [base, ours, theirs, want] = [notes(c.base), notes(c.ours), notes(c.theirs), notes(c.merged)];
    assert.equal(mergeNotes(base, ours, theirs), want);
    // Merging from the other clone gives the same notes: both clones converge.
    assert.equal(mergeNotes(base, theirs, ours), want);
  });
}

test('a note only one side touched is taken verbatim, even when lore would write it differently', () => {
  const odd = `${A}\n${A}\n`; // a duplicate line, as a git union merge may leave
  const merged = mergeNotes(new Map(), new Map(), new Map([[C1, odd]]));
  assert.is(merged.get(C1), odd);
});

test('diffNotes lists new texts and removals', () => {
  const from = notes({ [C1]: [A], [C2]: [B] });
  const to = notes({ [C1]: [A, C] });
  assert.equal(diffNotes(from, to), new Map<string, string | null>([[C1, note(A, C)], [C2, null]]));
  assert.equal(diffNotes(to, to), new Map());
});

test('countLinks counts links gained and lost, not notes', () => {
  const from = notes({ [C1]: [A, B], [C2]: [C] });
  const to = notes({ [C1]: [A, C, FOREIGN] });
  assert.equal(countLinks(from, to), { added: 1, removed: 2 });
  assert.equal(countLinks(new Map(), from), { added: 3, removed: 0 });
});

test.run();

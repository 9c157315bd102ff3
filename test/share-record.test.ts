import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mergeRecordFiles } from '../lib/sessions/shared-merge.js';
import { formatSharedRecord, parseSharedRecord, recordPath, shareableId, type SharedRecord } from '../lib/sessions/shared-record.js';

const FULL: SharedRecord = {
  version: 1,
  id: '019b7f94-51b4-7593-922e-ba12b5b73b52',
  tool: 'codex',
  model: 'gpt-5',
  started_at: '2026-01-02T16:39:45Z',
  ended_at: '2026-01-02T17:00:00Z',
  branch: 'main',
  files: ['README.md', 'src/app.ts'],
  prompt_count: 2,
  title: 'fix it',
  prompts: ['fix it', 'and test it'],
  share: 'prompts',
  shared_by: 'alice@example.com',
  shared_at: '2026-01-13T10:45:00Z',
};

test('the record format is pinned: key order, no spaces, a trailing newline, unknown keys left out', () => {
  assert.is(
    formatSharedRecord(FULL),
    '{"version":1,"id":"019b7f94-51b4-7593-922e-ba12b5b73b52","tool":"codex","model":"gpt-5","started_at":"2026-01-02T16:39:45Z","ended_at":"2026-01-02T17:00:00Z","branch":"main","files":["README.md","src/app.ts"],"prompt_count":2,"title":"fix it","prompts":["fix it","and test it"],"share":"prompts","shared_by":"alice@example.com","shared_at":"2026-01-13T10:45:00Z"}\n',
  );
  // Built in another key order, with keys unknown: the same bytes as the fields say.
  const sparse = { shared_at: '2026-01-13T10:45:00Z', share: 'summary', id: 'ab12', version: 1 } as SharedRecord;
  assert.is(formatSharedRecord(sparse), '{"version":1,"id":"ab12","share":"summary","shared_at":"2026-01-13T10:45:00Z"}\n');
  assert.equal(parseSharedRecord(formatSharedRecord(FULL)), FULL);
});

test('a reader takes only version-1 records; a wrong-typed field is dropped, not trusted', () => {
  assert.is(parseSharedRecord('not json'), null);
  assert.is(parseSharedRecord('{"version":2,"id":"ab","share":"summary","shared_at":"x"}'), null);
  assert.is(parseSharedRecord('{"version":1,"id":"ab","share":"everything","shared_at":"x"}'), null);
  const r = parseSharedRecord('{"version":1,"id":"ab","files":"a.ts","prompt_count":-1,"share":"summary","shared_at":"2026-01-13T10:45:00Z","extra":1}')!;
  assert.is(r.files, undefined);
  assert.is(r.prompt_count, undefined);
});

test('a record\'s path: the first two characters of its id, hex or not; unsafe ids get none', () => {
  assert.is(recordPath('019b7f94-51b4'), '01/019b7f94-51b4.json');
  assert.is(recordPath('session-x'), 'se/session-x.json');
  for (const id of ['ab/../cd', '.hidden', 'a', 'tab\there', 'ab.']) assert.not.ok(shareableId(id), id);
  assert.ok(shareableId('019b7f94-51b4-7593-922e-ba12b5b73b52'));
});

test('records merge three ways: each side\'s kept, the later shared_at wins, a removal does not beat a change', () => {
  const at = (id: string, when: string, title = 't') => formatSharedRecord({ ...FULL, id, title, shared_at: when });
  const base = new Map([['ab/ab.json', at('ab', '2026-01-01T00:00:00Z')], ['cd/cd.json', at('cd', '2026-01-01T00:00:00Z')]]);
  const ours = new Map([...base, ['ab/ab.json', at('ab', '2026-01-03T00:00:00Z', 'ours')], ['ef/ef.json', at('ef', '2026-01-02T00:00:00Z')]]);
  const theirs = new Map([['ab/ab.json', at('ab', '2026-01-02T00:00:00Z', 'theirs')], ['gh/gh.json', at('gh', '2026-01-02T00:00:00Z')]]);
  theirs.set('cd/cd.json', at('cd', '2026-01-05T00:00:00Z', 'changed'));
  ours.delete('cd/cd.json');
  const merged = mergeRecordFiles(base, ours, theirs);
  assert.equal([...merged.keys()].sort(), ['ab/ab.json', 'cd/cd.json', 'ef/ef.json', 'gh/gh.json']);
  assert.is(parseSharedRecord(merged.get('ab/ab.json')!)!.title, 'ours', 'the later shared_at');
  assert.is(parseSharedRecord(merged.get('cd/cd.json')!)!.title, 'changed');
  // Either way round, the same answer.
  assert.equal(mergeRecordFiles(base, theirs, ours), merged);
});

test.run();

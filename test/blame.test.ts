import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { noteLine, setNote, short } from './helpers/show.js';

interface Ctx {
  w: World;
  repo: string;
  s1: string;
  s2: string;
}

const b = suite<Ctx>('lore blame');

/** The first line of each run of lines (its range, commit and sessions), without the lines below it. */
const heads = (stdout: string) => stdout.split('\n').filter((l) => /^L\d/.test(l)).map((l) => l + '\n').join('');

// first: a.txt lines 1-6; fix: rewrites lines 2-3 and adds line 7, and cuts b-d out of moved.txt.
b.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  const first = commit(ctx.w, ctx.repo, {
    files: { 'a.txt': 'l1\nl2\nl3\nl4\nl5\nl6\n', 'moved.txt': 'a\nb\nc\nd\ne\n', 'lib/x.ts': 'x\n', 'notes:v2.txt': 'n\n', 'empty.txt': '' },
    message: 'first',
    date: '2026-01-13T09:00:00Z',
  });
  const fix = commit(ctx.w, ctx.repo, {
    files: { 'a.txt': 'l1\nL2\nL3\nl4\nl5\nl6\nl7\n', 'moved.txt': 'a\ne\n' },
    message: 'Fix login bug',
    date: '2026-01-13T10:30:00Z',
  });
  addSessions(ctx.w, [{ id: SID.a, cwd: ctx.repo, started_at: '2026-01-13T10:00:00Z' }]);
  setNote(ctx.w, ctx.repo, fix, [noteLine(SID.a, 'manual'), noteLine(SID.b, 'auto', { confidence: 0.72 })]);
  ctx.s1 = short(ctx.w, ctx.repo, first);
  ctx.s2 = short(ctx.w, ctx.repo, fix);
});
b.after.each((ctx) => ctx.w.cleanup());

b('one row per run of lines from one commit: its sessions, the commit subject, the session titles, the code', ({ w, repo, s1, s2 }) => {
  addSessions(w, [{ id: SID.a, title: 'Make the login work' }]);
  const r = lore(w, repo, ['blame', 'a.txt']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      `L1    ${s1}  (no linked session)`,
      '    commit   first',
      '    1 | l1',
      '',
      `L2-3  ${s2}  c9731a91 (manual), c9731a92 (auto 72%)`,
      '    commit   Fix login bug',
      '    session  c9731a91  Make the login work',
      '    2 | L2',
      '    3 | L3',
      '',
      `L4-6  ${s1}  (no linked session)`,
      '    commit   first',
      '    4 | l4',
      '    5 | l5',
      '    6 | l6',
      '',
      `L7    ${s2}  c9731a91 (manual), c9731a92 (auto 72%)`,
      '    commit   Fix login bug',
      '    session  c9731a91  Make the login work',
      '    7 | l7',
      '',
    ].join('\n'),
  );
  assert.is(r.stderr, '');
});

b('line numbers line up from the widest, and blank lines of code stay blank', ({ w, repo }) => {
  commit(w, repo, { files: { 'long.txt': Array.from({ length: 10 }, (_, i) => (i === 8 ? '' : `x${i + 1}`)).join('\n') + '\n' }, message: 'long' });
  const r = lore(w, repo, ['blame', 'long.txt:8-10']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n').slice(2), ['     8 | x8', '     9 |', '    10 | x10', '']);
});

b('lines git blames in two pieces but from one commit make one row', ({ w, repo, s1 }) => {
  const r = lore(w, repo, ['blame', 'moved.txt']);
  assert.is(r.code, 0, r.stderr);
  assert.is(heads(r.stdout), `L1-2  ${s1}  (no linked session)\n`);
});

b('FILE:LINE and FILE:LINE-END show only those lines', ({ w, repo, s1, s2 }) => {
  const range = lore(w, repo, ['blame', 'a.txt:3-5']);
  assert.is(range.code, 0, range.stderr);
  assert.is(heads(range.stdout), `L3    ${s2}  c9731a91 (manual), c9731a92 (auto 72%)\nL4-5  ${s1}  (no linked session)\n`);
  const one = lore(w, repo, ['blame', 'a.txt:7']);
  assert.is(heads(one.stdout), `L7  ${s2}  c9731a91 (manual), c9731a92 (auto 72%)\n`);
});

b('--json: ranges with their commit and linked sessions', ({ w, repo, s1, s2 }) => {
  const r = lore(w, repo, ['blame', 'a.txt:1-2', '--json']);
  assert.is(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.is(json.file, 'a.txt');
  assert.is(json.root, repo);
  assert.equal(
    json.ranges.map((x: { start: number; end: number; commit: { short: string; subject: string } }) => [x.start, x.end, x.commit.short, x.commit.subject]),
    [
      [1, 1, s1, 'first'],
      [2, 2, s2, 'Fix login bug'],
    ],
  );
  assert.match(json.ranges[1].commit.sha, /^[0-9a-f]{40}$/);
  assert.equal(json.ranges[0].sessions, []);
  assert.equal(json.ranges[1].sessions, [
    { id: SID.a, title: null, link: { method: 'manual', confidence: null, linked_at: '2026-01-13T10:45:00Z', linked_by: null } },
    { id: SID.b, title: null, link: { method: 'auto', confidence: 0.72, linked_at: '2026-01-13T10:45:00Z', linked_by: null } },
  ]);
  assert.equal(json.ranges.map((x: { lines: string[] }) => x.lines), [['l1'], ['L2']]);
  const empty = JSON.parse(lore(w, repo, ['blame', 'empty.txt', '--json']).stdout);
  assert.equal(empty, { file: 'empty.txt', root: repo, ranges: [] });
});

b('paths are relative to the current directory, from any subdirectory', ({ w, repo, s1 }) => {
  const sub = join(repo, 'lib');
  const here = lore(w, sub, ['blame', 'x.ts']);
  assert.is(here.code, 0, here.stderr);
  assert.is(heads(here.stdout), `L1  ${s1}  (no linked session)\n`);
  const up = lore(w, sub, ['blame', '../a.txt:1', '--json']);
  assert.is(JSON.parse(up.stdout).file, 'a.txt');
  const abs = lore(w, sub, ['blame', join(repo, 'lib/x.ts'), '--json']);
  assert.is(JSON.parse(abs.stdout).file, 'lib/x.ts');
});

b("a ':' in a file name: no numeric suffix, or the whole name exists, means it is part of the name", ({ w, repo, s1 }) => {
  const plain = lore(w, repo, ['blame', 'notes:v2.txt']);
  assert.is(plain.code, 0, plain.stderr);
  assert.is(heads(plain.stdout), `L1  ${s1}  (no linked session)\n`);
  assert.is(heads(lore(w, repo, ['blame', 'notes:v2.txt:1']).stdout), `L1  ${s1}  (no linked session)\n`);
  commit(w, repo, { files: { 'weird:2': 'w\n' }, message: 'weird' });
  const weird = lore(w, repo, ['blame', 'weird:2', '--json']);
  assert.is(weird.code, 0, weird.stderr);
  assert.is(JSON.parse(weird.stdout).file, 'weird:2');
});

b('an empty file says so', ({ w, repo }) => {
  const r = lore(w, repo, ['blame', 'empty.txt']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, 'empty.txt is empty at HEAD\n');
});

b('mistakes are errors: outside the repository, missing, untracked, a directory, a bad or too long range', ({ w, repo }) => {
  writeFileSync(join(w.dir, 'outside.txt'), 'o\n');
  writeFileSync(join(repo, 'new.txt'), 'n\n');
  mkdirSync(join(repo, 'lib', 'deep'), { recursive: true });
  const cases: [string, string, number, string | RegExp][] = [
    [repo, '../outside.txt', 2, `Error: '../outside.txt' is outside the repository ${repo}\n`],
    [join(repo, 'lib', 'deep'), '../../../outside.txt', 2, `Error: '../../../outside.txt' is outside the repository ${repo}\n`],
    [repo, 'nope.txt', 1, "Error: no such file: 'nope.txt'\n"],
    [repo, 'nope.txt:3', 1, "Error: no such file: 'nope.txt'\n"],
    [repo, 'new.txt', 1, /^Error: 'new.txt' is not in HEAD\n/],
    [repo, 'lib', 2, "Error: 'lib' is a directory; blame works on one file\n"],
    [repo, 'a.txt:0', 2, /^Error: bad line range '0'/],
    [repo, 'a.txt:5-3', 2, /^Error: bad line range '5-3'/],
    [repo, 'a.txt:8', 2, 'Error: line 8 is past the end of a.txt, which has 7 lines at HEAD\nhint: Line numbers are those of the file as committed at HEAD.\n'],
    [repo, 'a.txt:6-9', 2, /^Error: line 9 is past the end of a.txt, which has 7 lines/],
    [repo, 'empty.txt:1', 2, /^Error: line 1 is past the end of empty.txt, which has 0 lines/],
    [w.dir, 'outside.txt', 1, /^Error: not inside a git repository/],
  ];
  for (const [cwd, arg, code, stderr] of cases) {
    const r = lore(w, cwd, ['blame', arg]);
    assert.is(r.code, code, `${arg}: ${r.stderr}`);
    if (typeof stderr === 'string') assert.is(r.stderr, stderr, arg);
    else assert.match(r.stderr, stderr, arg);
    assert.is(r.stdout, '', arg);
  }
});

b('session ids are as long as needed to be unique among the index and the notes, so show resolves them', ({ w, repo, s2 }) => {
  const twin = 'c9731a91-5000-4000-8000-000000000009';
  const other = commit(w, repo, { files: { 'o.txt': 'o\n' }, message: 'other', date: '2026-01-13T11:00:00Z' });
  addSessions(w, [{ id: twin, cwd: repo, started_at: '2026-01-13T10:50:00Z' }]);
  // A note-only id sharing c9731a92's first 9 characters.
  setNote(w, repo, other, [noteLine('c9731a92-1000-4000-8000-00000000000a', 'manual')]);
  const r = lore(w, repo, ['blame', 'a.txt:2']);
  assert.is(r.code, 0, r.stderr);
  assert.is(heads(r.stdout), `L2  ${s2}  c9731a91-4 (manual), c9731a92-0 (auto 72%)\n`);
  const show = lore(w, repo, ['show', 'c9731a91-4']);
  assert.is(show.code, 0, show.stderr);
  assert.match(show.stdout, `Session    ${SID.a}`);
  const commitView = lore(w, repo, ['show', '--commit', s2]);
  assert.match(commitView.stdout, /^  c9731a91-4$/m);
  assert.match(commitView.stdout, /^  c9731a92-0  \(not in the session index\)$/m);
});

b.run();

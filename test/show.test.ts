import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { noteLine, setNote, short } from './helpers/show.js';

interface Ctx {
  w: World;
  repo: string;
  first: string;
  tests: string;
  fix: string;
}

function setup(ctx: Ctx): void {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  ctx.first = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.tests = commit(ctx.w, ctx.repo, { files: { 'b.txt': 'two\n' }, message: 'Add tests', date: '2026-01-13T10:15:00Z' });
  ctx.fix = commit(ctx.w, ctx.repo, { files: { 'c.txt': 'three\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', title: 'Fix login bug', files: ['src/auth.ts'] },
    { id: SID.b, tool: 'codex', cwd: ctx.repo, started_at: '2026-01-12T10:00:00Z', ended_at: '2026-01-13T11:00:00Z' },
    { id: SID.c, cwd: ctx.repo, started_at: '2026-01-13T08:00:00Z' },
  ]);
}

const TEAMMATE = 'ffffffff-0000-4000-8000-000000000009';

// ---------------------------------------------------------------- lore show <SESSION>

const show = suite<Ctx>('lore show <SESSION>');
show.before.each(setup);
show.after.each((ctx) => ctx.w.cleanup());

show('lists the session facts and its commits, newest first', ({ w, repo, tests, fix }) => {
  setNote(w, repo, tests, [noteLine(SID.a, 'auto', { confidence: 0.85 })]);
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  const [t, f] = [short(w, repo, tests), short(w, repo, fix)];
  assert.is(t.length, 7);
  const r = lore(w, repo, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      'Session    c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f',
      'Title      Fix login bug',
      'Tool       claude-code',
      'Time       2026-01-13 10:02 - 10:41',
      'Branch     main',
      `Directory  ${repo}`,
      '',
      `Linked commits in ${repo}:`,
      '  COMMIT   DATE              LINK      SUBJECT',
      `  ${f}  2026-01-13 10:30  manual    Fix login bug`,
      `  ${t}  2026-01-13 10:15  auto 85%  Add tests`,
      '',
    ].join('\n'),
  );
  assert.is(r.stderr, '');
});

show('a session over two days shows both dates; an active one says so', ({ w, repo }) => {
  const b = lore(w, repo, ['show', SID.b]);
  assert.is(b.code, 0, b.stderr);
  assert.match(b.stdout, '\nTime       2026-01-12 10:00 - 2026-01-13 11:00\n');
  assert.match(b.stdout, '\nBranch     -\n');
  assert.not.match(b.stdout, 'Title');
  const c = lore(w, repo, ['show', 'd0e1']);
  assert.match(c.stdout, '\nTool       -\nTime       2026-01-13 08:00 - active\n');
});

show('no links: says where it looked, exit 0', ({ w, repo }) => {
  const r = lore(w, repo, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith(`\nNo linked commits in ${repo}\n`), r.stdout);
});

show('--json: session facts, the repositories searched, commits newest first', ({ w, repo, tests, fix }) => {
  setNote(w, repo, tests, [noteLine(SID.a, 'auto', { confidence: 0.85, linked_by: 'me@example.com' })]);
  setNote(w, repo, fix, [noteLine(SID.a, 'manual'), noteLine(SID.b, 'manual')]);
  const r = lore(w, repo, ['show', 'c9731a91', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), {
    session: {
      id: SID.a,
      tool: 'claude-code',
      title: 'Fix login bug',
      started_at: '2026-01-13T10:02:11Z',
      ended_at: '2026-01-13T10:41:40Z',
      branch: 'main',
      cwd: repo,
      in_index: true,
      files: ['src/auth.ts'],
    },
    repositories: [repo],
    commits: [
      {
        sha: fix,
        short: short(w, repo, fix),
        subject: 'Fix login bug',
        date: '2026-01-13T10:30:00Z',
        repo,
        link: { method: 'manual', confidence: null, linked_at: '2026-01-13T10:45:00Z', linked_by: null },
      },
      {
        sha: tests,
        short: short(w, repo, tests),
        subject: 'Add tests',
        date: '2026-01-13T10:15:00Z',
        repo,
        link: { method: 'auto', confidence: 0.85, linked_at: '2026-01-13T10:45:00Z', linked_by: 'me@example.com' },
      },
    ],
    rewritten: [],
  });
});

show("looks in the session's own repository and in the current one", ({ w, repo, fix }) => {
  const other = makeRepo(w, 'other');
  const there = commit(w, other, { message: 'elsewhere', date: '2026-01-13T10:35:00Z' });
  setNote(w, repo, fix, [noteLine(SID.a, 'manual')]);
  setNote(w, other, there, [noteLine(SID.a, 'backfill')]);
  const r = lore(w, other, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  const tail = r.stdout.slice(r.stdout.indexOf('Linked commits'));
  assert.is(
    tail,
    [
      `Linked commits in ${repo}:`,
      '  COMMIT   DATE              LINK    SUBJECT',
      `  ${short(w, repo, fix)}  2026-01-13 10:30  manual  Fix login bug`,
      '',
      `Linked commits in ${other}:`,
      '  COMMIT   DATE              LINK      SUBJECT',
      `  ${short(w, other, there)}  2026-01-13 10:35  backfill  elsewhere`,
      '',
    ].join('\n'),
  );
  const json = JSON.parse(lore(w, other, ['show', 'c9731a91', '--json']).stdout);
  assert.equal(json.repositories, [repo, other]);
  assert.equal(json.commits.map((c: { sha: string; repo: string }) => [c.sha, c.repo]), [
    [there, other],
    [fix, repo],
  ]);

  // Outside any repository, the session's own repository is still searched.
  const outside = lore(w, w.dir, ['show', 'c9731a91', '--json']);
  assert.is(outside.code, 0, outside.stderr);
  assert.equal(JSON.parse(outside.stdout).repositories, [repo]);
});

show('a session whose directory is gone, run outside a repository: nothing to search, exit 0', ({ w }) => {
  addSessions(w, [{ id: SID.d, cwd: `${w.dir}/gone`, started_at: '2026-01-13T10:00:00Z' }]);
  const r = lore(w, w.dir, ['show', 'e5f6']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith('\nNo linked commits: no git repository found for this session\n'), r.stdout);
});

show('a linked commit missing from the repository still shows', ({ w, repo }) => {
  git(w, repo, ['checkout', '-q', '-b', 'doomed']);
  const lost = commit(w, repo, { message: 'lost', date: '2026-01-13T10:40:00Z' });
  setNote(w, repo, lost, [noteLine(SID.a, 'manual')]);
  git(w, repo, ['checkout', '-q', 'main']);
  git(w, repo, ['branch', '-q', '-D', 'doomed']);
  git(w, repo, ['reflog', 'expire', '--expire-unreachable=now', '--all']);
  git(w, repo, ['gc', '-q', '--prune=now']);
  assert.throws(() => git(w, repo, ['cat-file', '-e', lost]));
  const r = lore(w, repo, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `\n  ${lost.slice(0, 7)}  ?     manual  (commit not in this repository)\n`);
  const json = JSON.parse(lore(w, repo, ['show', 'c9731a91', '--json']).stdout);
  assert.equal([json.commits[0].sha, json.commits[0].subject, json.commits[0].date], [lost, null, null]);
  // Cut as git abbreviates every other commit here.
  git(w, repo, ['config', 'core.abbrev', '12']);
  assert.match(lore(w, repo, ['show', 'c9731a91']).stdout, `\n  ${lost.slice(0, 12)}  ?     manual  (commit not in this repository)\n`);
});

show('a session only the notes know: by full id it shows, by prefix the error names it', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(TEAMMATE, 'manual', { tool: 'codex' })]);
  const r = lore(w, repo, ['show', TEAMMATE]);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith(`Session  ${TEAMMATE}  (not in the session index)\nTool     codex\n\nLinked commits in ${repo}:\n`), r.stdout);
  const json = JSON.parse(lore(w, repo, ['show', TEAMMATE.toUpperCase(), '--json']).stdout);
  assert.equal(json.session, { id: TEAMMATE, tool: 'codex', title: null, started_at: null, ended_at: null, branch: null, cwd: null, in_index: false, files: null });
  const p = lore(w, repo, ['show', 'ffff']);
  assert.is(p.code, 1);
  assert.is(p.stderr, `Error: no session in the index matches 'ffff'\nhint: Linked here but not in the index: ${TEAMMATE}; give the full id.\n`);
});

show('unknown, ambiguous and missing sessions are errors', ({ w, repo }) => {
  const unknown = lore(w, repo, ['show', 'abcd']);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /^Error: no session matches 'abcd'\nhint: .*lore sessions/);
  assert.is(unknown.stdout, '');
  const amb = lore(w, repo, ['show', 'c9731a9']);
  assert.is(amb.code, 1);
  assert.match(amb.stderr, /^Error: session prefix 'c9731a9' is ambiguous/);
  // With no argument, git's habit: the sessions of HEAD.
  const none = lore(w, repo, ['show']);
  assert.is(none.code, 0, none.stderr);
  assert.equal(none, lore(w, repo, ['show', '--commit', 'HEAD']));
  const both = lore(w, repo, ['show', 'c9731a91', '--commit', 'HEAD']);
  assert.is(both.code, 2);
  assert.is(both.stderr, 'Error: give a session or --commit, not both\n');
});

show.run();

// ---------------------------------------------------------------- lore show --commit <REF>

const byCommit = suite<Ctx>('lore show --commit <REF>');
byCommit.before.each(setup);
byCommit.after.each((ctx) => ctx.w.cleanup());

byCommit('the commit and each linked session, a session missing from the index included', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [
    noteLine(SID.a, 'manual', { linked_by: 'me@example.com', tool: 'claude-code' }),
    noteLine(SID.b, 'auto', { confidence: 0.72, linked_by: 'me@example.com' }),
    noteLine(TEAMMATE, 'backfill', { linked_by: 'mate@example.com', tool: 'gemini' }),
    'a line another tool wrote',
  ]);
  const f = short(w, repo, fix);
  const r = lore(w, repo, ['show', '--commit', 'HEAD']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      `Commit  ${f}  Fix login bug`,
      'Date    2026-01-13 10:30',
      '',
      '3 linked sessions:',
      '',
      '  c9731a91',
      '    Title      Fix login bug',
      '    Tool       claude-code',
      '    Time       2026-01-13 10:02 - 10:41',
      '    Branch     main',
      `    Directory  ${repo}`,
      '    Linked     manual by me@example.com, 2026-01-13 10:45',
      '',
      '  c9731a92',
      '    Tool       codex',
      '    Time       2026-01-12 10:00 - 2026-01-13 11:00',
      '    Branch     -',
      `    Directory  ${repo}`,
      '    Linked     auto 72% by me@example.com, 2026-01-13 10:45',
      '',
      '  ffffffff  (not in the session index)',
      '    Tool    gemini',
      '    Linked  backfill by mate@example.com, 2026-01-13 10:45',
      '',
    ].join('\n'),
  );
});

byCommit('--json: stable fields for scripts', ({ w, repo, fix }) => {
  setNote(w, repo, fix, [noteLine(SID.a, 'auto', { confidence: 0.85, linked_by: 'me@example.com' }), noteLine(TEAMMATE, 'manual')]);
  const r = lore(w, repo, ['show', '--commit', fix.slice(0, 10), '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), {
    commit: { sha: fix, short: short(w, repo, fix), subject: 'Fix login bug', date: '2026-01-13T10:30:00Z' },
    sessions: [
      {
        id: SID.a,
        tool: 'claude-code',
        title: 'Fix login bug',
        started_at: '2026-01-13T10:02:11Z',
        ended_at: '2026-01-13T10:41:40Z',
        branch: 'main',
        cwd: repo,
        in_index: true,
        files: ['src/auth.ts'],
        link: { method: 'auto', confidence: 0.85, linked_at: '2026-01-13T10:45:00Z', linked_by: 'me@example.com' },
      },
      {
        id: TEAMMATE,
        tool: null,
        title: null,
        started_at: null,
        ended_at: null,
        branch: null,
        cwd: null,
        in_index: false,
        files: null,
        link: { method: 'manual', confidence: null, linked_at: '2026-01-13T10:45:00Z', linked_by: null },
      },
    ],
  });
});

byCommit('a link made by lore link shows up', ({ w, repo, first }) => {
  assert.is(lore(w, repo, ['link', 'c9731a91', '--commit', 'HEAD~2']).code, 0);
  const json = JSON.parse(lore(w, repo, ['show', '--commit', first, '--json']).stdout);
  assert.equal(json.sessions.map((s: { id: string; link: { method: string; linked_by: string } }) => [s.id, s.link.method, s.link.linked_by]), [
    [SID.a, 'manual', 'me@example.com'],
  ]);
});

byCommit('no links: says so, exit 0; JSON has an empty list', ({ w, repo, first }) => {
  const f = short(w, repo, first);
  const r = lore(w, repo, ['show', '--commit', 'HEAD~2']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, `Commit  ${f}  first\nDate    2026-01-13 09:00\n\nNo sessions linked to commit ${f}\n`);
  assert.equal(JSON.parse(lore(w, repo, ['show', '--commit', 'HEAD~2', '--json']).stdout).sessions, []);
});

byCommit('a bad ref, a tree, outside a repository: Error', ({ w, repo }) => {
  const bad = lore(w, repo, ['show', '--commit', 'nope']);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /^Error: unknown revision 'nope'\n/);
  assert.is(bad.stdout, '');
  const tree = lore(w, repo, ['show', '--commit', 'HEAD^{tree}']);
  assert.match(tree.stderr, /^Error: 'HEAD\^\{tree\}' is a tree, not a commit/);
  const outside = lore(w, w.dir, ['show', '--commit', 'HEAD']);
  assert.is(outside.code, 1);
  assert.match(outside.stderr, /^Error: not inside a git repository/);
});

byCommit.run();

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, gitNote, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';
import { endSession, gitRun, hookCommit, installHooks, linkedSessions, printed, startSession } from './helpers/hooks.js';

const rewrite = suite<{ w: World; repo: string }>('lore hooks: links follow amend and rebase');

rewrite.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'base', files: { 'base.txt': 'base\n' } });
  const r = installHooks(ctx.w, ctx.repo);
  assert.is(r.code, 0, r.stderr);
});
rewrite.after.each((ctx) => ctx.w.cleanup());

const rec = (session: string, linkedAt: string) =>
  JSON.stringify({ v: 1, session, method: 'current', linked_at: linkedAt, linked_by: 'me@example.com', tool: 'claude-code' });

/** Writes a note as lore would (sorted lines), with chosen link times. */
function setNote(w: World, repo: string, rev: string, lines: string[]): void {
  git(w, repo, ['notes', '--ref=lore', 'add', '-f', '-m', [...lines].sort().join('\n'), rev]);
}

const head = (w: World, repo: string, rev = 'HEAD') => git(w, repo, ['rev-parse', rev]);

/** A feature branch off base with two commits, and main moved on by one commit. */
function featureBranch(w: World, repo: string): [string, string] {
  git(w, repo, ['checkout', '-q', '-b', 'feature']);
  assert.is(hookCommit(w, repo, { message: 'f1' }).code, 0);
  const f1 = head(w, repo);
  assert.is(hookCommit(w, repo, { message: 'f2' }).code, 0);
  const f2 = head(w, repo);
  git(w, repo, ['checkout', '-q', 'main']);
  commit(w, repo, { message: 'main moves on' });
  git(w, repo, ['checkout', '-q', 'feature']);
  return [f1, f2];
}

rewrite('amend: the link moves to the new commit, once, with its first link time', ({ w, repo }) => {
  startSession(w, repo, SID.a);
  hookCommit(w, repo, { message: 'work' });
  const old = head(w, repo);
  setNote(w, repo, old, [rec(SID.a, '2026-01-13T10:00:00Z')]);
  startSession(w, repo, SID.b);
  // The post-commit hook links a and b to the amended commit now; git copies the old line of a.
  const r = hookCommit(w, repo, { args: ['--amend'], newFile: false, message: 'work, amended' });
  assert.is(r.code, 0, r.stderr);
  const amended = head(w, repo);
  assert.is.not(amended, old);
  const recs = noteRecords(w, repo, amended);
  assert.equal(recs.map((x) => x.session), [SID.a, SID.b]);
  assert.is(recs[0].linked_at, '2026-01-13T10:00:00Z');
});

rewrite('amend with no session active: the old links are carried as they were', ({ w, repo }) => {
  hookCommit(w, repo, { message: 'work' });
  setNote(w, repo, 'HEAD', [rec(SID.a, '2026-01-13T10:00:00Z'), rec(SID.b, '2026-01-13T10:01:00Z')]);
  const before = gitNote(w, repo);
  const r = hookCommit(w, repo, { args: ['--amend'], newFile: false, message: 'amended' });
  assert.is(r.code, 0, r.stderr);
  assert.equal(printed(r), []);
  assert.is(gitNote(w, repo), before);
});

rewrite('rebase: every rewritten commit keeps its own links', ({ w, repo }) => {
  startSession(w, repo, SID.a, 60);
  const [f1, f2] = featureBranch(w, repo);
  assert.equal(linkedSessions(w, repo, f1), [SID.a]);
  setNote(w, repo, f2, [rec(SID.b, '2026-01-13T10:00:00Z')]);
  endSession(w, SID.a);
  const r = gitRun(w, repo, ['rebase', '-q', 'main']);
  assert.is(r.code, 0, r.stderr);
  const [n1, n2] = [head(w, repo, 'HEAD~1'), head(w, repo)];
  assert.ok(n1 !== f1 && n2 !== f2);
  assert.equal(linkedSessions(w, repo, n1), [SID.a]);
  assert.equal(linkedSessions(w, repo, n2), [SID.b]);
});

rewrite('rebase while a session is active: replayed commits are not claimed by it', ({ w, repo }) => {
  featureBranch(w, repo);
  startSession(w, repo, SID.c);
  const r = gitRun(w, repo, ['rebase', '-q', 'main']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(printed(r), []);
  assert.is(gitNote(w, repo, 'HEAD~1'), null);
  assert.is(gitNote(w, repo), null);
});

rewrite('cherry-pick while a session is active: the picked commits are not claimed by it', ({ w, repo }) => {
  featureBranch(w, repo);
  git(w, repo, ['checkout', '-q', 'main']);
  startSession(w, repo, SID.c);
  for (const picks of [['feature~1'], ['feature~1', 'feature']]) {
    const r = gitRun(w, repo, ['cherry-pick', '--keep-redundant-commits', ...picks]);
    assert.is(r.code, 0, r.stderr);
    assert.is(gitNote(w, repo), null, picks.join(' '));
  }
});

rewrite('a commit made with git commit at a rebase stop is new work and is linked', ({ w, repo }) => {
  featureBranch(w, repo);
  startSession(w, repo, SID.c);
  const stop = gitRun(w, repo, ['rebase', '-q', '-i', 'main'], { GIT_SEQUENCE_EDITOR: "sed -i -e '1s/^pick/edit/'" });
  assert.is(stop.code, 0, stop.stderr);
  assert.is(gitNote(w, repo), null, 'the replayed commit is not linked');
  const c = hookCommit(w, repo, { message: 'new at the stop' });
  assert.is(c.code, 0, c.stderr);
  const added = head(w, repo);
  assert.equal(linkedSessions(w, repo, added), [SID.c]);
  assert.is(gitRun(w, repo, ['rebase', '--continue']).code, 0);
  assert.equal(linkedSessions(w, repo, 'HEAD~1'), [SID.c]);
  assert.is(gitNote(w, repo), null);
});

/** Two commits that name session a with different link times, and b on the second. */
function twoLinkedCommits(w: World, repo: string): void {
  hookCommit(w, repo, { message: 'one' });
  setNote(w, repo, 'HEAD', [rec(SID.a, '2026-01-13T10:00:00Z')]);
  hookCommit(w, repo, { message: 'two' });
  setNote(w, repo, 'HEAD', [rec(SID.a, '2026-01-13T10:05:00Z'), rec(SID.b, '2026-01-13T10:06:00Z')]);
}

for (const [command, editorEnv] of [
  ['fixup', {}],
  ['squash', { GIT_EDITOR: 'true' }],
] as const) {
  rewrite(`rebase -i with ${command}: the links of both commits, one line per session`, ({ w, repo }) => {
    twoLinkedCommits(w, repo);
    const r = gitRun(w, repo, ['rebase', '-q', '-i', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: `sed -i -e '2s/^pick/${command}/'`, ...editorEnv });
    assert.is(r.code, 0, r.stderr);
    assert.is(git(w, repo, ['rev-list', '--count', 'HEAD']), '2');
    assert.is(gitNote(w, repo), [rec(SID.a, '2026-01-13T10:00:00Z'), rec(SID.b, '2026-01-13T10:06:00Z')].join('\n') + '\n');
  });
}

rewrite("without lore's post-rewrite, git's cat_sort_uniq alone keeps two lines for one session", ({ w, repo }) => {
  twoLinkedCommits(w, repo);
  const r = gitRun(w, repo, ['rebase', '-q', '-i', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: "sed -i -e '2s/^pick/fixup/'", LORE_SKIP: '1' });
  assert.is(r.code, 0, r.stderr);
  assert.equal(linkedSessions(w, repo), [SID.a, SID.a, SID.b]);
});

rewrite('without notes.rewriteRef the post-rewrite hook still carries the links', ({ w, repo }) => {
  git(w, repo, ['config', '--local', '--unset-all', 'notes.rewriteRef']);
  hookCommit(w, repo, { message: 'work' });
  setNote(w, repo, 'HEAD', [rec(SID.a, '2026-01-13T10:00:00Z')]);
  assert.is(hookCommit(w, repo, { args: ['--amend'], newFile: false, message: 'amended' }).code, 0);
  assert.is(gitNote(w, repo), rec(SID.a, '2026-01-13T10:00:00Z') + '\n');
});

rewrite.run();

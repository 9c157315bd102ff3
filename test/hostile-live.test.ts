import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';

/** Issue 20, defect 6a: `lore show SESSION` lists live commits; an amended one is named, not listed. */
const s = suite<{ w: World; repo: string; old: string }>('hostile: only live commits in show SESSION');
s.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
  commit(ctx.w, ctx.repo, { message: 'first', date: '2026-01-13T09:00:00Z' });
  ctx.old = commit(ctx.w, ctx.repo, { files: { 'a.txt': 'one\n' }, message: 'Fix login bug', date: '2026-01-13T10:30:00Z' });
  addSessions(ctx.w, [{ id: SID.a, cwd: ctx.repo, started_at: '2026-01-13T10:00:00Z', tool: 'claude-code' }]);
  const r = lore(ctx.w, ctx.repo, ['link', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
});
s.after.each((ctx) => ctx.w.cleanup());

/** An amend that keeps the author time, as `git commit --amend` does, with the note copied as lore's hooks have git do. */
function amend(w: World, repo: string): string {
  git(w, repo, ['-c', 'notes.rewriteRef=refs/notes/lore', 'commit', '-q', '--amend', '--allow-empty', '-m', 'Fix login bug'], { GIT_COMMITTER_DATE: '2026-01-13T10:50:00Z' });
  return git(w, repo, ['rev-parse', 'HEAD']);
}

s('after an amend the pre-amend commit is not listed, and the line says where the link went', ({ w, repo, old }) => {
  const now = amend(w, repo);
  const [o, n] = [old.slice(0, 7), now.slice(0, 7)];
  const r = lore(w, repo, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.some((l) => l.startsWith(`  ${n}  `)), r.stdout);
  assert.not.ok(lines.some((l) => l.startsWith(`  ${o}  `)), r.stdout);
  assert.ok(lines.includes(`  ${o} was rewritten as ${n} (amend or rebase), which carries the link; not listed`), r.stdout);
  const json = JSON.parse(lore(w, repo, ['show', 'c9731a91', '--json']).stdout);
  assert.equal(json.commits.map((c: { sha: string }) => c.sha), [now]);
  assert.equal(json.rewritten.map((c: { sha: string; rewritten_as: string }) => [c.sha, c.rewritten_as]), [[old, now]]);
});

s('a linked commit no ref reaches and nothing replaced is named as such', ({ w, repo, old }) => {
  git(w, repo, ['reset', '-q', '--hard', 'HEAD~1']);
  const r = lore(w, repo, ['show', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `  ${old.slice(0, 7)} is on no branch or tag any more (rewritten or dropped); not listed`);
  git(w, repo, ['tag', 'keep', old]);
  assert.match(lore(w, repo, ['show', 'c9731a91']).stdout, new RegExp(`^  ${old.slice(0, 7)}  2026-01-13 10:30  manual  Fix login bug$`, 'm'));
});

s.run();

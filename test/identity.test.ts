import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

/**
 * The user's identity as git resolves it: a global ~/.gitconfig under a repository's own
 * settings, includeIf sections, .mailmap, the environment. Each test makes lore link, and
 * asks who the notes commit, `linked_by`, `--auto` and `--backfill` think the user is.
 */
const identity = suite<{ w: World }>('identity by git own resolution');
identity.before.each((ctx) => {
  ctx.w = makeWorld();
  appendFileSync(ctx.w.env.GIT_CONFIG_GLOBAL!, '[user]\n\tname = Me At Home\n\temail = home@example.com\n');
});
identity.after.each((ctx) => ctx.w.cleanup());

const FILES = { 'lib/auth.ts': 'a\n', 'lib/session.ts': 'b\n' };

/** A commit the session made: in its window, its files, its branch. */
function workedOn(w: World, repo: string, opts: { authorEmail?: string } = {}): string {
  commit(w, repo, { files: { 'README.md': 'x\n' }, message: 'init', date: '2026-01-12T09:00:00Z' });
  const sha = commit(w, repo, { files: FILES, message: 'Fix login bug', date: '2026-01-13T10:30:00Z', ...opts });
  addSessions(w, [{ id: SID.a, tool: 'claude-code', cwd: repo, branch: 'main', started_at: '2026-01-13T10:02:11Z', ended_at: '2026-01-13T10:41:40Z', files: Object.keys(FILES) }]);
  return sha;
}

/** Who made the notes commit, as git shows it: `name <email>` of author and committer. */
function notesCommitBy(w: World, repo: string): string {
  return git(w, repo, ['log', '-1', '--format=%an <%ae> / %cn <%ce>', 'refs/notes/lore']);
}

/** The confidence `--auto` gives the session for HEAD: 100% for the user's own commit, 50% for another's. */
function autoConfidence(w: World, repo: string, cwd = repo): string {
  const r = lore(w, cwd, ['link', '--auto', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  return /(?:Would link|Skipped) c9731a91 (?:-> \w+ )?\(confidence: (\d+%)/.exec(r.stdout)?.[1] ?? r.stdout;
}

function backfill(w: World, cwd: string): string {
  const r = lore(w, cwd, ['link', '--auto', '--backfill', '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  return r.stdout;
}

identity("the repository's user.email wins over the global one everywhere", ({ w }) => {
  const repo = makeRepo(w, 'shop', { identity: false });
  git(w, repo, ['config', 'user.email', 'work@example.com']);
  const head = workedOn(w, repo);
  assert.is(git(w, repo, ['log', '-1', '--format=%ae']), 'work@example.com', 'git commits as the work address');

  assert.is(autoConfidence(w, repo), '100%', '--auto does not halve the user\'s own commit');
  const found = backfill(w, repo);
  assert.match(found, `Would link c9731a91 -> ${head.slice(0, 8)} Fix login bug`);
  assert.not.match(found, 'by other authors');

  const r = lore(w, repo, ['link', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.is(noteRecords(w, repo, head)[0].linked_by, 'work@example.com');
  assert.is(notesCommitBy(w, repo), 'Me At Home <work@example.com> / Me At Home <work@example.com>');
});

identity('an includeIf "gitdir:" identity is the one used inside that directory', ({ w }) => {
  const inc = join(w.home, 'work.gitconfig');
  writeFileSync(inc, '[user]\n\tname = Me At Work\n\temail = corp@example.com\n');
  appendFileSync(w.env.GIT_CONFIG_GLOBAL!, `[includeIf "gitdir:${w.dir}/work/"]\n\tpath = ${inc}\n`);
  const repo = makeRepo(w, 'work/shop', { identity: false });
  const head = workedOn(w, repo);
  assert.is(git(w, repo, ['log', '-1', '--format=%ae']), 'corp@example.com');

  assert.is(autoConfidence(w, repo), '100%');
  assert.not.match(backfill(w, repo), 'by other authors');
  assert.is(lore(w, repo, ['link', 'c9731a91']).code, 0);
  assert.is(noteRecords(w, repo, head)[0].linked_by, 'corp@example.com');
  assert.is(notesCommitBy(w, repo), 'Me At Work <corp@example.com> / Me At Work <corp@example.com>');
});

identity("an old address .mailmap maps to the user's is the user's, also from a subdirectory", ({ w }) => {
  const repo = makeRepo(w, 'shop', { identity: false });
  git(w, repo, ['config', 'user.email', 'new@example.com']);
  const old = workedOn(w, repo, { authorEmail: 'old@example.com' });
  const sub = join(repo, 'lib');
  assert.match(backfill(w, sub), 'Skipped 1 commit(s) by other authors', 'without .mailmap the old address is someone else');
  assert.is(autoConfidence(w, repo, sub), '50%');

  writeFileSync(join(repo, '.mailmap'), 'Me <new@example.com> <old@example.com>\n');
  const found = backfill(w, sub);
  assert.match(found, `Would link c9731a91 -> ${old.slice(0, 8)} Fix login bug`);
  assert.not.match(found, 'by other authors');
  assert.is(autoConfidence(w, repo, sub), '100%');
});

identity("the user's own old address, mapped by .mailmap, matches commits made as the new one", ({ w }) => {
  const repo = makeRepo(w, 'shop', { identity: false });
  git(w, repo, ['config', 'user.email', 'old@example.com']);
  workedOn(w, repo, { authorEmail: 'new@example.com' });
  assert.is(autoConfidence(w, repo), '50%');
  writeFileSync(join(repo, '.mailmap'), 'Me <new@example.com> <old@example.com>\n');
  assert.is(autoConfidence(w, repo), '100%');
  assert.not.match(backfill(w, repo), 'by other authors');
});

identity("git's environment variables win over the config, EMAIL over nothing", ({ w }) => {
  const repo = makeRepo(w, 'shop', { identity: false });
  git(w, repo, ['config', 'user.email', 'work@example.com']);
  const head = workedOn(w, repo);
  const bot = { GIT_COMMITTER_NAME: 'Release Bot', GIT_COMMITTER_EMAIL: 'bot@example.com' };
  assert.is(lore(w, repo, ['link', 'c9731a91'], { env: bot }).code, 0);
  assert.is(noteRecords(w, repo, head)[0].linked_by, 'bot@example.com');
  assert.is(notesCommitBy(w, repo), 'Release Bot <bot@example.com> / Release Bot <bot@example.com>');

  const bare = makeRepo(w, 'bare-config', { identity: false });
  writeFileSync(w.env.GIT_CONFIG_GLOBAL!, '[init]\n\tdefaultBranch = main\n[user]\n\tname = Me\n');
  const sha = commit(w, bare, { message: 'by EMAIL', date: '2026-01-13T10:30:00Z', authorEmail: 'mail@example.com' });
  const r = lore(w, bare, ['link', 'c9731a91', '--commit', sha], { env: { EMAIL: 'mail@example.com' } });
  assert.is(r.code, 0, r.stderr);
  assert.is(noteRecords(w, bare, sha)[0].linked_by, 'mail@example.com');
});

identity.run();

/** A team in a temp world: one bare remote, clones of it, each with its own identity. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { addLink, formatNote, formatRecord, parseNote } from '../../lib/links/record.js';
import { commit, git, gitNote, makeWorld, type World } from './env.js';

/**
 * A bare remote holding `commits` commits on main. Its reflog keeps every position
 * refs/notes/lore ever had, so a test can prove the ref only moved forward.
 */
export function makeRemote(w: World, commits: number): { remote: string; shas: string[] } {
  const remote = join(w.dir, 'remote.git');
  git(w, w.dir, ['init', '-q', '--bare', '-b', 'main', remote]);
  git(w, remote, ['config', 'core.logAllRefUpdates', 'always']);
  const seed = cloneRepo(w, remote, 'seed', 'seed@example.com');
  const shas = Array.from({ length: commits }, (_, i) => commit(w, seed, { message: `commit ${i + 1}`, date: `2026-01-13T10:${String(i).padStart(2, '0')}:00Z` }));
  git(w, seed, ['push', '-q', 'origin', 'main']);
  return { remote, shas };
}

export function cloneRepo(w: World, remote: string, rel: string, email: string): string {
  const dir = join(w.dir, rel);
  git(w, w.dir, ['clone', '-q', remote, dir]);
  git(w, dir, ['config', 'user.name', rel]);
  git(w, dir, ['config', 'user.email', email]);
  return dir;
}

/**
 * Links sessions to a commit as lore writes them, with plain git: a lore process per link
 * would make these tests slow, and how links are made is not what they test.
 */
export function link(w: World, clone: string, sha: string, sessions: string[]): void {
  const note = parseNote(gitNote(w, clone, sha));
  const by = git(w, clone, ['config', 'user.email']);
  for (const session of sessions) addLink(note, { v: 1, session, method: 'manual', linked_at: '2026-01-13T11:00:00Z', linked_by: by });
  git(w, clone, ['notes', '--ref=lore', 'add', '-f', '-m', formatNote(note)!, sha]);
}

const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

function fastImport(w: World, repo: string, stream: string): void {
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, env: w.env, input: stream, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** `n` commits on a new branch in one fast-import: seconds where `git commit` would take minutes. */
export function manyCommits(w: World, repo: string, branch: string, n: number): string[] {
  const t0 = Date.parse('2026-01-13T12:00:00Z') / 1000;
  const commits = Array.from({ length: n }, (_, i) => `commit refs/heads/${branch}\ncommitter Bulk <bulk@example.com> ${t0 + i} +0000\n${data(`bulk ${i}`)}`);
  fastImport(w, repo, commits.join(''));
  return git(w, repo, ['rev-list', '--reverse', branch]).split('\n').slice(-n);
}

/** One notes commit linking `session` to every commit of `shas`, none of which has a note yet. */
export function linkMany(w: World, repo: string, shas: string[], session: string): void {
  const by = git(w, repo, ['config', 'user.email']);
  const line = formatRecord({ v: 1, session, method: 'auto', confidence: 0.8, linked_at: '2026-01-13T12:00:00Z', linked_by: by });
  const parent = spawnSync('git', ['rev-parse', '-q', '--verify', 'refs/notes/lore'], { cwd: repo, env: w.env }).status === 0 ? 'from refs/notes/lore^0\n' : '';
  const notes = shas.map((sha) => `N inline ${sha}\n${data(line + '\n')}`).join('');
  fastImport(w, repo, `commit refs/notes/lore\ncommitter Bulk <${by}> ${Date.parse('2026-01-13T12:00:00Z') / 1000} +0000\n${data('bulk links')}${parent}${notes}`);
}

/** Sessions linked to each commit in a repository's refs/notes/lore, as plain git reads them. */
export function linksIn(w: World, repo: string, shas: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const sha of shas) {
    const r = spawnSync('git', ['notes', '--ref=lore', 'show', sha], { cwd: repo, env: w.env, encoding: 'utf8' });
    if (r.status !== 0) continue;
    out[sha] = r.stdout.trim().split('\n').map((l) => JSON.parse(l).session as string);
  }
  return out;
}

/** Every position refs/notes/lore had in the remote, oldest first. */
function remoteHistory(w: World, remote: string): string[] {
  const r = spawnSync('git', ['reflog', 'show', '--format=%H', 'refs/notes/lore'], { cwd: remote, env: w.env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n').filter(Boolean).reverse() : [];
}

/** Nothing was force-pushed: each position of the remote's notes ref is an ancestor of the next. */
export function assertOnlyForward(w: World, remote: string): void {
  const tips = remoteHistory(w, remote);
  for (let i = 1; i < tips.length; i++) {
    const r = spawnSync('git', ['merge-base', '--is-ancestor', tips[i - 1], tips[i]], { cwd: remote, env: w.env });
    assert.is(r.status, 0, `remote refs/notes/lore moved from ${tips[i - 1]} to ${tips[i]}, not a descendant`);
  }
}

/** No compare-and-swap scratch ref is left behind in a clone. */
export function assertNoScratch(w: World, clone: string): void {
  assert.is(git(w, clone, ['for-each-ref', 'refs/lore-scratch']), '');
}

/** The merge workflow's cast: a bare remote, the developer's clone, and a clone playing the hosting service. */
export interface MergeTeam {
  w: World;
  remote: string;
  /** Where the sessions ran and the links are. */
  dev: string;
  /** Its merge buttons make new commits, where no hook of lore's runs. */
  server: string;
}

export function mergeTeam(): MergeTeam {
  const w = makeWorld();
  const { remote } = makeRemote(w, 2);
  return { w, remote, dev: cloneRepo(w, remote, 'dev', 'me@example.com'), server: cloneRepo(w, remote, 'server', 'server@example.com') };
}

/** The server's "Squash and merge" of `branch` onto main, pushed; returns the squash commit. */
export function squashOnServer(t: MergeTeam, branch: string): string {
  const dates = { GIT_COMMITTER_DATE: '2026-01-14T12:00:00Z', GIT_AUTHOR_DATE: '2026-01-14T12:00:00Z' };
  git(t.w, t.server, ['fetch', '-q', 'origin']);
  git(t.w, t.server, ['merge', '-q', '--squash', `origin/${branch}`], dates);
  git(t.w, t.server, ['commit', '-q', '-m', `${branch} (#1)`], dates);
  git(t.w, t.server, ['push', '-q', 'origin', 'main']);
  return git(t.w, t.server, ['rev-parse', 'HEAD']);
}

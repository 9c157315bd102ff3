import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, git, lore, makeRepo, makeWorld, SID, type World } from './helpers/env.js';
import { hookCommit, installHooks, linkedSessions, printed, startSession, writeScript } from './helpers/hooks.js';

const layouts = suite<{ w: World; repo: string }>('lore hooks: where the hooks go');

layouts.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w, 'proj');
  commit(ctx.w, ctx.repo, { message: 'first' });
});
layouts.after.each((ctx) => ctx.w.cleanup());

const USER_POST_COMMIT = `#!/bin/sh
set -e
echo "user post-commit ran" >> "$(git rev-parse --git-dir)/user-hook.log"
exit 0
`;
const USER_POST_REWRITE = `#!/bin/sh
echo "user post-rewrite $1" >> "$(git rev-parse --git-dir)/user-hook.log"
cat >> "$(git rev-parse --git-dir)/user-hook.log"
`;

layouts("an existing hook keeps running, with its standard input; uninstall gives it back byte for byte", ({ w, repo }) => {
  const hooksDir = join(repo, '.git/hooks');
  writeScript(join(hooksDir, 'post-commit'), USER_POST_COMMIT);
  writeScript(join(hooksDir, 'post-rewrite'), USER_POST_REWRITE);
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `post-commit: installed, as a block in your existing hook, which still runs (${hooksDir}/post-commit)`);
  assert.ok(readFileSync(join(hooksDir, 'post-commit'), 'utf8').endsWith(USER_POST_COMMIT.slice('#!/bin/sh\n'.length)));

  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(linkedSessions(w, repo), [SID.a]);
  const old = git(w, repo, ['rev-parse', 'HEAD']);
  assert.is(hookCommit(w, repo, { args: ['--amend'], newFile: false, message: 'amended' }).code, 0);
  const amended = git(w, repo, ['rev-parse', 'HEAD']);
  const log = readFileSync(join(repo, '.git/user-hook.log'), 'utf8');
  assert.is(log, `user post-commit ran\nuser post-commit ran\nuser post-rewrite amend\n${old} ${amended}\n`);

  const u = lore(w, repo, ['hooks', 'uninstall']);
  assert.is(u.code, 0, u.stderr);
  assert.match(u.stdout, `post-commit: removed lore's block; the rest of your hook stays (${hooksDir}/post-commit)`);
  assert.is(readFileSync(join(hooksDir, 'post-commit'), 'utf8'), USER_POST_COMMIT);
  assert.is(readFileSync(join(hooksDir, 'post-rewrite'), 'utf8'), USER_POST_REWRITE);
});

layouts('an existing hook git skips (not executable) gets the block and a warning, not the bit', ({ w, repo }) => {
  const path = join(repo, '.git/hooks/post-commit');
  writeFileSync(path, '#!/bin/sh\necho disabled\n', { mode: 0o644 });
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `warning: git skips ${path} because it is not executable; to run it: chmod +x ${path}`);
  assert.is(statSync(path).mode & 0o777, 0o644);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: installed, but not executable, so git skips it (${path})`);
});

layouts('a hook that is not a shell script is left alone, and nothing is written', ({ w, repo }) => {
  const path = join(repo, '.git/hooks/post-rewrite');
  writeScript(path, '#!/usr/bin/env python3\nprint("hi")\n');
  const r = installHooks(w, repo);
  assert.is(r.code, 1);
  assert.match(r.stderr, `Error: ${path} is not a shell script (#!/usr/bin/env python3), so lore cannot add its part to it\nhint: Call lore's hook from it yourself: sh '`);
  assert.ok(!existsSync(join(repo, '.git/hooks/post-commit')));
  assert.is(readFileSync(path, 'utf8'), '#!/usr/bin/env python3\nprint("hi")\n');
});

layouts('a relative core.hooksPath, installed from a subdirectory', ({ w, repo }) => {
  git(w, repo, ['config', 'core.hooksPath', '.githooks']);
  const sub = join(repo, 'src');
  mkdirSync(sub);
  const r = installHooks(w, sub);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `post-commit: installed (${repo}/.githooks/post-commit)`);
  assert.ok(!existsSync(join(repo, '.git/hooks/post-commit')));
  startSession(w, repo, SID.a);
  assert.is(hookCommit(w, repo).code, 0);
  assert.equal(linkedSessions(w, repo), [SID.a]);
});

layouts('an absolute core.hooksPath of this repository', ({ w, repo }) => {
  const dir = join(w.dir, 'my-hooks');
  git(w, repo, ['config', 'core.hooksPath', dir]);
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'post-commit')) && existsSync(join(dir, 'post-rewrite')));
  startSession(w, repo, SID.a);
  assert.is(hookCommit(w, repo).code, 0);
  assert.equal(linkedSessions(w, repo), [SID.a]);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: installed (${dir}/post-commit)`);
});

layouts('a core.hooksPath from the global config is not written to; the error says what to do', ({ w, repo }) => {
  const dir = join(w.dir, 'global-hooks');
  git(w, repo, ['config', '--global', 'core.hooksPath', dir]);
  const configBefore = readFileSync(join(repo, '.git/config'), 'utf8');
  const r = installHooks(w, repo);
  assert.is(r.code, 1);
  const [error, hint] = r.stderr.split('\n');
  assert.is(error, `Error: core.hooksPath comes from your global git config (${dir}): hooks there run in every repository, so lore does not write them`);
  assert.ok(hint.startsWith(`hint: Give this repository its own hooks and run lore hooks install again: git config --local core.hooksPath '${repo}/.git/hooks'.`), hint);
  assert.ok(!existsSync(dir));
  assert.is(readFileSync(join(repo, '.git/config'), 'utf8'), configBefore);
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: not installed (${dir}/post-commit)`);
});

/** Husky 9 as `husky` sets it up: git runs .husky/_/<hook>, which runs .husky/<hook> with sh -e. */
function fakeHusky(w: World, repo: string): void {
  writeScript(
    join(repo, '.husky/_/h'),
    '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\n[ "${HUSKY-}" = "0" ] && exit 0\nsh -e "$s" "$@"\n',
  );
  for (const hook of ['pre-commit', 'post-commit', 'post-rewrite']) writeScript(join(repo, '.husky/_', hook), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n');
  writeFileSync(join(repo, '.husky/pre-commit'), 'echo "husky pre-commit ran" >> .git/user-hook.log\n');
  git(w, repo, ['config', 'core.hooksPath', '.husky/_']);
}

layouts('Husky: lore goes into the user-level .husky/ files, never the generated .husky/_/', ({ w, repo }) => {
  fakeHusky(w, repo);
  writeFileSync(join(repo, '.husky/post-commit'), 'echo "husky post-commit ran" >> .git/user-hook.log\n');
  const generated = readFileSync(join(repo, '.husky/_/post-commit'), 'utf8');
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  const husky = join(repo, '.husky');
  assert.equal(r.stdout.split('\n').slice(0, 3), [
    `Husky runs this repository's hooks: lore's part goes into ${husky}/, not into the generated ${husky}/_/`,
    `post-commit: installed, as a block in your existing hook, which still runs (${husky}/post-commit)`,
    `post-rewrite: installed (${husky}/post-rewrite)`,
  ]);
  assert.is(readFileSync(join(repo, '.husky/_/post-commit'), 'utf8'), generated);

  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.equal(printed(c), [`lore: Linked session c9731a91 -> commit ${git(w, repo, ['rev-parse', '--short', 'HEAD'])}`]);
  assert.equal(linkedSessions(w, repo), [SID.a]);
  assert.is(readFileSync(join(repo, '.git/user-hook.log'), 'utf8'), 'husky pre-commit ran\nhusky post-commit ran\n');
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: installed via husky (${husky}/post-commit)\npost-rewrite: installed via husky (${husky}/post-rewrite)\n`);

  lore(w, repo, ['hooks', 'uninstall']);
  assert.is(readFileSync(join(repo, '.husky/post-commit'), 'utf8'), 'echo "husky post-commit ran" >> .git/user-hook.log\n');
  assert.ok(!existsSync(join(repo, '.husky/post-rewrite')));
});

layouts('Husky 4-8 (core.hooksPath=.husky): the block goes after husky.sh, which re-runs the file', ({ w, repo }) => {
  writeScript(join(repo, '.husky/_/husky.sh'), 'if [ -z "$husky_skip_init" ]; then\n  husky_skip_init=1\n  export husky_skip_init\n  sh -e "$0" "$@"\n  exit $?\nfi\n');
  const user = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\necho "husky post-commit ran" >> .git/user-hook.log\n';
  writeScript(join(repo, '.husky/post-commit'), user);
  git(w, repo, ['config', 'core.hooksPath', '.husky']);
  assert.is(installHooks(w, repo).code, 0);
  const lines = readFileSync(join(repo, '.husky/post-commit'), 'utf8').split('\n');
  assert.equal(lines.slice(0, 3), ['#!/usr/bin/env sh', '. "$(dirname -- "$0")/_/husky.sh"', '# >>> lore >>>']);
  startSession(w, repo, SID.a);
  const c = hookCommit(w, repo);
  assert.is(c.code, 0, c.stderr);
  assert.is(printed(c).length, 1, 'lore ran once');
  assert.equal(linkedSessions(w, repo), [SID.a]);
  assert.is(readFileSync(join(repo, '.git/user-hook.log'), 'utf8'), 'husky post-commit ran\n');
  lore(w, repo, ['hooks', 'uninstall']);
  assert.is(readFileSync(join(repo, '.husky/post-commit'), 'utf8'), user);
});

layouts('lefthook: install prints the YAML to add, edits nothing, exits 0; status reads lefthook.yml', ({ w, repo }) => {
  const yml = join(repo, 'lefthook.yml');
  writeFileSync(yml, 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n');
  const r = installHooks(w, repo);
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.is(lines[0], `lefthook manages this repository's hooks, so lore does not edit ${yml}. Add these lines to it, then run: lefthook install`);
  const yaml = lines.slice(2, 15);
  assert.equal(yaml.map((l) => l.replace(/run: sh '.*\/hooks\/(post-\w+)'$/, 'run: sh <lore>/hooks/$1')), [
    'post-commit:',
    '  commands:',
    '    lore:',
    '      run: sh <lore>/hooks/post-commit',
    'post-rewrite:',
    '  commands:',
    '    lore:',
    '      run: sh <lore>/hooks/post-rewrite',
    '      use_stdin: true',
    'post-merge:',
    '  commands:',
    '    lore:',
    '      run: sh <lore>/hooks/post-merge',
  ]);
  assert.match(r.stdout, "Set in this repository's git config: notes.rewriteRef=refs/notes/lor[e], notes.rewriteMode=cat_sort_uniq");
  assert.is(readFileSync(yml, 'utf8'), 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n');
  assert.ok(!existsSync(join(repo, '.git/hooks/post-commit')));
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: not installed (${yml})`);

  writeFileSync(yml, readFileSync(yml, 'utf8') + yaml.join('\n') + '\n');
  assert.match(lore(w, repo, ['hooks', 'status']).stdout, `post-commit: installed via lefthook (${yml})\npost-rewrite: installed via lefthook (${yml})\npost-merge: installed via lefthook (${yml})\n`);
  assert.match(installHooks(w, repo).stdout, `${yml} already runs lore's post-commit, post-rewrite and post-merge hooks`);
});

layouts('from a linked worktree the hooks go where git runs them: the common hooks directory', ({ w, repo }) => {
  const wt = join(w.dir, 'proj-wt');
  git(w, repo, ['worktree', 'add', '-q', '-b', 'side', wt]);
  const r = installHooks(w, wt);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `post-commit: installed (${repo}/.git/hooks/post-commit)`);
  startSession(w, wt, SID.b);
  assert.is(hookCommit(w, wt).code, 0);
  assert.equal(linkedSessions(w, wt), [SID.b]);
});

layouts.run();

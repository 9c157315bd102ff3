import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS } from '../lib/cli/commands.js';
import { addSessions, commit, git, GIT_LORE_LINK_BIN, lore, LORE_BIN, makeRepo, makeWorld, PROJECT, SID, type World } from './helpers/env.js';

interface Ctx {
  w: World;
  repo: string;
}

const conventions = suite<Ctx>("a git tool's conventions: version, help, counts, ranges");

conventions.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.repo = makeRepo(ctx.w);
});
conventions.after.each((ctx) => ctx.w.cleanup());

const VERSION = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).version as string;

conventions('--version and -V print the version, as git --version does', ({ w, repo }) => {
  for (const flag of ['--version', '-V']) {
    const r = lore(w, repo, [flag]);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, `lore version ${VERSION}\n`);
  }
  const sub = lore(w, repo, ['--version'], { bin: GIT_LORE_LINK_BIN });
  assert.is(sub.stdout, `git lore-link version ${VERSION}\n`);
});

conventions('lore help [COMMAND] prints what --help prints', ({ w, repo }) => {
  const top = lore(w, repo, ['--help']);
  assert.is(top.code, 0);
  assert.equal(lore(w, repo, ['help']), top);
  const link = lore(w, repo, ['link', '--help']);
  assert.match(link.stdout, /--backfill/);
  assert.equal(lore(w, repo, ['help', 'link']), link);
});

conventions('--help names the environment variables and the exit codes', ({ w, repo }) => {
  const help = lore(w, repo, ['--help']).stdout;
  assert.match(help, /LORE_HOME/);
  assert.match(help, /LORE_SKIP=1/);
  assert.match(help, /Exit codes: 0 success, 1 a failure, 2 a usage mistake, 70 a bug in lore\.\nStopped by Ctrl-C: exit code 130\./);
});

conventions('sessions --limit takes a count: x and -1 are usage errors, 0 does not claim there are none', ({ w, repo }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z' }]);
  for (const bad of ['x', '-1', '1.5']) {
    const r = lore(w, repo, ['sessions', `--limit=${bad}`]);
    assert.is(r.code, 2, `--limit ${bad}`);
    assert.match(r.stderr, new RegExp(`^Error: --limit must be a whole number of sessions \\(0 or more\\), not "${bad.replace('.', '\\.')}"\n`));
    assert.is(r.stdout, '');
  }
  const zero = lore(w, repo, ['sessions', '--limit', '0']);
  assert.is(zero.code, 0, zero.stderr);
  assert.not.match(zero.stdout, /No sessions/);
  assert.match(zero.stdout, /^1 session\(s\) in .*; --limit 0 shows none\n$/);
});

conventions('--commit A..B is a clear error, never silently one end of the range', ({ w, repo }) => {
  addSessions(w, [{ id: SID.a, cwd: repo, started_at: '2026-01-13T10:00:00Z' }]);
  const first = commit(w, repo, { message: 'one' });
  commit(w, repo, { message: 'two' });
  git(w, repo, ['notes', '--ref=lore', 'add', '-m', JSON.stringify({ v: 1, session: SID.a, method: 'manual', linked_at: '2026-01-13T10:00:00Z' }), 'HEAD']);
  for (const range of [`${first}..HEAD`, 'HEAD~1...HEAD', 'HEAD^!']) {
    for (const args of [['show', '--commit', range], ['link', SID.a, '--commit', range]]) {
      const r = lore(w, repo, args);
      assert.is(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, `Error: '${range}' is a range of commits; --commit takes one commit\n`);
      assert.is(r.stdout, '');
    }
  }
  assert.is(git(w, repo, ['notes', '--ref=lore', 'list']).split('\n').length, 1, 'nothing was linked');
});

conventions('man lore is installed with the package and names every command', () => {
  const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
  assert.ok(pkg.man.includes('./man/lore.1'));
  const page = readFileSync(join(PROJECT, 'man/lore.1'), 'utf8');
  for (const name of Object.keys(COMMANDS)) {
    assert.match(page, new RegExp(`^\\.(TP\\n\\.)?B(I)? "?${name}\\b`, 'm'), `man lore documents ${name}`);
  }
});

conventions('lore completion bash prints a script that completes commands and options in a real bash', ({ w, repo }) => {
  const shim = join(w.dir, 'bin');
  mkdirSync(shim);
  writeFileSync(join(shim, 'lore'), `#!/bin/sh\nexec "${process.execPath}" "${LORE_BIN}" "$@"\n`, { mode: 0o755 });
  const complete = (words: string[]) =>
    execFileSync('bash', ['-c', `source <(lore completion bash); COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _lore_completions; printf '%s\\n' "\${COMPREPLY[@]}"`], {
      cwd: repo,
      env: { ...w.env, PATH: `${shim}:${w.env.PATH}` },
      encoding: 'utf8',
    }).trim().split('\n');
  assert.equal(complete(['lore', 'li']), ['link']);
  assert.equal(complete(['lore', 'link', '--cu']), ['--current']);
  assert.equal(complete(['lore', 'co']).sort(), ['completion', 'coverage']);
  for (const shell of ['zsh', 'fish']) assert.match(lore(w, repo, ['completion', shell]).stdout, '--get-yargs-completions');
  const bad = lore(w, repo, ['completion', 'tcsh']);
  assert.is(bad.code, 2);
  assert.is(bad.stderr, "Error: no completion for the shell 'tcsh'\nhint: Give one of: bash, zsh, fish\n");
});

conventions.run();

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runsGitCommit } from '../lib/sessions/commit-command.js';

test('a shell command that runs git commit, however the agent chains it', () => {
  for (const command of [
    'git commit -m "add a"',
    'git -C /work/proj commit -am fix',
    'git -c user.name=x --no-pager commit',
    'git add -A && git commit -m "x; y"',
    'npm test; git commit --amend --no-edit',
    'cd sub && GIT_AUTHOR_DATE=now git commit -q -m msg',
    "git add . &&\n  git commit -F- <<'EOF'\nmessage\nEOF",
    'false || git commit -m retry',
  ]) {
    assert.ok(runsGitCommit(command), command);
  }
});

test('commands that only mention a commit are not one', () => {
  for (const command of [
    'git status',
    'git log --grep commit',
    'echo "git commit -m x"',
    "echo 'a && git commit'",
    'git commit-tree HEAD^{tree}',
    'git -C commit status',
    'mygit commit',
    'git show HEAD:commit',
    'echo git commit',
    '',
  ]) {
    assert.not.ok(runsGitCommit(command), command);
  }
});

test.run();

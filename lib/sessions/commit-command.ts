/**
 * Whether a shell command an agent runs makes a git commit: `git commit …`, also as
 * `git -C dir commit`, behind `VAR=x` assignments, or after `&&`, `||`, `;`, `|` or a
 * newline. Conservative: words are split the way sh would outside and inside quotes, so
 * `echo "git commit"` is not a commit, and anything lore cannot read plainly (a
 * variable for git, an alias, a script that commits) is not one either.
 */

/** git's options that take their value as the next word. */
const OPTION_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The command's simple commands, each as its words (quotes removed). */
export function simpleCommands(command: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'" || c === '"') {
      const close = command.indexOf(c, i + 1);
      const end = close === -1 ? command.length : close;
      const text = command.slice(i + 1, end);
      word = (word ?? '') + (c === '"' ? text.replace(/\\(["\\$`])/g, '$1') : text);
      i = end;
    } else if (c === '\\' && i + 1 < command.length) {
      word = (word ?? '') + (command[i + 1] === '\n' ? '' : command[i + 1]);
      i++;
    } else if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      endCommand();
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else {
      word = (word ?? '') + c;
    }
  }
  endCommand();
  return commands;
}

function isCommit(words: string[]): boolean {
  let i = 0;
  while (i < words.length && ASSIGNMENT.test(words[i])) i++;
  if (words[i] !== 'git') return false;
  for (i++; i < words.length; i++) {
    const w = words[i];
    if (OPTION_WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-')) return w === 'commit';
  }
  return false;
}

export function runsGitCommit(command: string): boolean {
  return simpleCommands(command).some(isCommit);
}

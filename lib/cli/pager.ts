import { spawn } from 'node:child_process';
import { gitPager } from '../git/pager.js';
import type { Io } from '../io.js';
import { visible } from './visible.js';

/**
 * Long output (a whole conversation) through the pager git chooses, only on a terminal; on
 * a pipe, or when git would not page, line by line as every command prints. The pager gets
 * the environment git gives it: LESS=FRX (quit when it fits one screen, keep colours, leave
 * the text on screen) and LV=-c, unless the user set them. Each line is made visible first,
 * as the process's Io does: the pager writes what it gets to the terminal.
 */
export async function page(lines: string[], cwd: string, io: Io): Promise<void> {
  const pager = io.isTTY ? await gitPager(cwd) : null;
  if (pager === null) {
    for (const line of lines) io.out(line);
    return;
  }
  const env = { ...process.env, LESS: process.env.LESS ?? 'FRX', LV: process.env.LV ?? '-c' };
  // Ctrl-C is for the pager (less clears its prompt); lore waits for it to quit, as git does.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    await new Promise<void>((done) => {
      const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
      // A reader who quits before the end closes the pipe: that is not a failure.
      child.stdin.on('error', ignore);
      // No shell to start the pager in: the lines are printed as they would be on a pipe.
      child.on('error', () => {
        for (const line of lines) io.out(line);
        done();
      });
      child.on('close', () => done());
      child.stdin.end(lines.map((l) => visible(l) + '\n').join(''));
    });
  } finally {
    process.off('SIGINT', ignore);
  }
}

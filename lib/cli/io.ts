import type { Io } from '../io.js';
import { startSpinner } from './spinner.js';
import { visible } from './visible.js';

/** How long a prompt waits on a pipe that stays open without saying anything. */
const PIPE_ANSWER_TIMEOUT_MS = 15_000;

export function processIo(): Io {
  // `lore … | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    out: (line) => process.stdout.write(visible(line) + '\n'),
    err: (line) => process.stderr.write(visible(line) + '\n'),
    ask: async (question) => {
      process.stdout.write(visible(question) + ' ');
      const answer = await readStdinLine();
      // A typed answer ends the line itself; a piped one (or none) does not.
      if (answer === null || !process.stdin.isTTY) process.stdout.write('\n');
      return answer;
    },
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
    progress: (text) => startSpinner(Boolean(process.stdout.isTTY) && !process.env.CI, text),
  };
}

function readStdinLine(): Promise<string | null> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: string | null) => {
      if (timer) clearTimeout(timer);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onEnd);
      stdin.pause();
      resolve(answer);
    };
    const onData = (chunk: Buffer | string) => {
      buffered += chunk.toString();
      const nl = buffered.indexOf('\n');
      if (nl !== -1) finish(buffered.slice(0, nl).replace(/\r$/, ''));
    };
    const onEnd = () => finish(buffered === '' ? null : buffered);
    if (!stdin.isTTY) timer = setTimeout(() => finish(buffered === '' ? null : buffered), PIPE_ANSWER_TIMEOUT_MS);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onEnd);
    stdin.resume();
  });
}

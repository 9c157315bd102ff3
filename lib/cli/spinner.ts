import type { Io } from './io.js';

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

const silent: Spinner = { update: () => {}, stop: () => {} };

/** A progress spinner on a terminal (ora, loaded only then); nothing in pipes or CI. */
export async function startSpinner(io: Io, text: string): Promise<Spinner> {
  if (!io.isTTY) return silent;
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr }).start();
  return {
    update: (t) => {
      spinner.text = t;
    },
    stop: () => {
      spinner.stop();
    },
  };
}

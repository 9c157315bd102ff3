import type { Progress } from '../io.js';

const silent: Progress = { update: () => {}, stop: () => {} };

/** A progress spinner on a terminal (ora, loaded only then); nothing in pipes or CI. */
export async function startSpinner(isTTY: boolean, text: string): Promise<Progress> {
  // ora redraws by counting wrapped lines against the terminal's width; a terminal that
  // reports no width (some ptys) makes it erase lines without end.
  if (!isTTY || !process.stderr.isTTY || !(process.stderr.columns > 0)) return silent;
  const { default: ora } = await import('ora');
  // discardStdin off: ora would otherwise take over stdin (raw mode), which the y/N prompt needs.
  const spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
  return {
    update: (t) => {
      spinner.text = t;
    },
    stop: () => {
      spinner.stop();
    },
  };
}

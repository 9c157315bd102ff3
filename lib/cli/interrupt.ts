/** 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/**
 * Ctrl-C as an AbortSignal, for a command that stops at a clean point of its own. A
 * second Ctrl-C, while it gets there, exits at once. The listener stays registered (not
 * `once`) until disposed: signal-exit (ora's cursor restore) kills the process on a signal
 * it finds no other listener for, and `once` would be gone by the time it looks.
 */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}

import { readFileSync } from 'node:fs';

/**
 * The exit status of the process a tmux pane runs, once it has exited; undefined while it runs.
 * tmux 3.3 sometimes marks a pane dead (its pty closed) without reaping the process, and then
 * `#{pane_dead_status}` stays empty for good: the zombie's own status in /proc/PID/stat
 * (field 52, as waitpid gives it) answers instead. `tmuxStatus` reads tmux's, for a process
 * tmux did reap.
 */
export function paneExit(pid: number, tmuxStatus: () => string): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    const status = tmuxStatus().trim();
    return status === '' ? undefined : Number(status);
  }
  // Fields after the command name in parentheses: state is field 3, exit_code field 52.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] !== 'Z') return undefined;
  const code = Number(fields[49]);
  return code & 0x7f ? 128 + (code & 0x7f) : (code >> 8) & 0xff;
}

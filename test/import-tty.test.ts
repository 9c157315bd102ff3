import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readIndex } from '../lib/sessions/index-file.js';
import { writeClaudeLogs } from './helpers/claude-logs.js';
import { paneExit } from './helpers/pane-exit.js';
import { LORE_BIN, lore, makeWorld } from './helpers/env.js';

/**
 * `lore import` on a real terminal (a tmux pane): the k/N counter moves while it reads,
 * and Ctrl-C stops it at a clean point. 10,000 logs take a second or two to read here
 * (longer on a busy machine): Ctrl-C is typed as soon as the counter has moved, a small
 * part of the way in.
 */
const LOGS = 10_000;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(what: () => string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await sleep(10);
  }
}

(hasTmux ? test : test.skip)('the import counter advances on a terminal, and Ctrl-C leaves a consistent index that the next import completes', async () => {
  const w = makeWorld();
  const socket = `lore-test-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  try {
    writeClaudeLogs(join(w.home, '.claude', 'projects'), LOGS, { lines: 4 });
    const command = ['env', '-u', 'CI', `HOME=${w.home}`, `LORE_HOME=${w.loreHome}`, `PATH=${w.env.PATH}`, `GIT_CONFIG_GLOBAL=${w.env.GIT_CONFIG_GLOBAL}`, 'GIT_CONFIG_NOSYSTEM=1', process.execPath, LORE_BIN, 'import'];
    tmux('new-session', '-d', '-s', 'import', '-x', '150', '-y', '20', '-c', w.dir, command.map((a) => `'${a}'`).join(' '), ';', 'set-option', '-g', 'remain-on-exit', 'on');
    const pane = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'import');
    const pid = Number(tmux('display-message', '-p', '-t', 'import', '#{pane_pid}').trim());
    const counter = () => {
      const m = new RegExp(`(\\d+)/${LOGS} logs read \\(claude-code\\)`).exec(pane());
      return m ? Number(m[1]) : undefined;
    };
    const first = await until(() => `a k/N counter:\n${pane()}`, counter);
    const second = await until(() => `the counter to advance past ${first}:\n${pane()}`, () => {
      const k = counter();
      return k !== undefined && k > first ? k : undefined;
    });
    tmux('send-keys', '-t', 'import', 'C-c');
    const status = await until(() => `the import to exit:\n${pane()}`, () => paneExit(pid, () => tmux('display-message', '-p', '-t', 'import', '#{pane_dead_status}')));
    const screen = pane();
    assert.is(status, 130, screen);
    const stopped = new RegExp(`^Interrupted: (\\d+) of ${LOGS} log\\(s\\) read and imported; \x60lore import\x60 reads the rest$`, 'm').exec(screen);
    assert.ok(stopped, screen);
    const read = Number(stopped![1]);
    assert.ok(read >= second && read < LOGS, `${first} < ${second} <= ${read} < ${LOGS}`);
    assert.match(screen, new RegExp(`claude-code: ${read} session\\(s\\) imported \\(${read} new, 0 updated\\) from ${read} log file\\(s\\)`, 'm'), screen);

    // Every line whole, one per log read: nothing half-written, nothing read twice.
    const indexPath = join(w.loreHome, 'sessions.jsonl');
    const lines = readFileSync(indexPath, 'utf8').split('\n');
    assert.is(lines.pop(), '');
    for (const line of lines) JSON.parse(line);
    assert.is(lines.length, read);
    const bad: string[] = [];
    assert.is(readIndex(indexPath, (m) => bad.push(m)).sessions.size, read);
    assert.equal(bad, []);

    const rest = lore(w, w.dir, ['import']);
    assert.is(rest.code, 0, rest.stderr);
    assert.match(rest.stdout, `claude-code: ${LOGS - read} session(s) imported (${LOGS - read} new, 0 updated) from ${LOGS} log file(s)`, rest.stdout + rest.stderr);
    assert.is(readIndex(indexPath, (m) => assert.unreachable(m)).sessions.size, LOGS);
    assert.is(readFileSync(indexPath, 'utf8').split('\n').length - 1, LOGS);
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    w.cleanup();
  }
});

test.run();

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { importLines } from '../lib/cli/import-report.js';
import { importSessions, type ImportStep } from '../lib/commands/import.js';
import { readIndex } from '../lib/sessions/index-file.js';
import { generatedId, writeClaudeLogs } from './helpers/claude-logs.js';
import { lore, makeWorld } from './helpers/env.js';

/** `lore import --json`, and an import stopped by its signal (what Ctrl-C does) in-process. */

function withBrokenFirstLog(projects: string, count: number): string[] {
  const logs = writeClaudeLogs(projects, count);
  writeFileSync(logs[0], 'not json\n' + readFileSync(logs[0], 'utf8'));
  return logs;
}

test('--json prints the report as one JSON object, warnings in it and on stderr', () => {
  const w = makeWorld();
  try {
    const projects = join(w.home, '.claude', 'projects');
    const logs = withBrokenFirstLog(projects, 3);
    const r = lore(w, w.home, ['import', '--json']);
    assert.is(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.is(lines.length, 1, r.stdout);
    const warning = `Warning: ${logs[0]}: skipped 1 line(s) that are not JSON objects`;
    assert.equal(JSON.parse(lines[0]), {
      dry_run: false,
      interrupted: false,
      logs: { read: 3, total: 3 },
      sessions: { added: 3, updated: 0 },
      skipped: 0,
      lines: 3,
      tools: [
        { tool: 'claude-code', dir: projects, found: true, logs: 3, read: 3, added: 3, updated: 0, skipped: 0 },
        { tool: 'codex', dir: join(w.home, '.codex', 'sessions'), found: false, logs: 0, read: 0, added: 0, updated: 0, skipped: 0 },
      ],
      links: [],
      errors: [warning],
    });
    assert.is(r.stderr.trim(), warning);
    const again = JSON.parse(lore(w, w.home, ['import', '--json']).stdout);
    assert.equal([again.logs, again.sessions, again.lines], [{ read: 3, total: 3 }, { added: 0, updated: 0 }, 0]);
  } finally {
    w.cleanup();
  }
});

test('an aborted import writes the logs it read, whole, and the next one reads the rest', async () => {
  const w = makeWorld();
  try {
    const claudeDir = join(w.home, '.claude', 'projects');
    withBrokenFirstLog(claudeDir, 5);
    const indexPath = join(w.loreHome, 'sessions.jsonl');
    const opts = { claudeDir, codexDir: join(w.dir, 'none'), cwd: w.dir, env: w.env, dryRun: false, link: false, indexPath, statePath: join(w.loreHome, 'import-state.json') };
    // The step before the second log aborts: the abort lands mid-import, after the first log.
    const abort = new AbortController();
    const step = (s: ImportStep) => void (s.kind === 'reading' && s.read === 1 && abort.abort());
    const stopped = await importSessions({ ...opts, signal: abort.signal }, { step });
    assert.equal([stopped.interrupted, stopped.read, stopped.total, stopped.lines.length], [true, 1, 5, 1]);
    assert.is(importLines(stopped, opts)[0], `claude-code: 1 session(s) imported (1 new, 0 updated) from 1 log file(s) in ${claudeDir}`);
    assert.equal([...readIndex(indexPath, (m) => assert.unreachable(m)).sessions.keys()], [generatedId(0)]);

    const rest = await importSessions(opts);
    assert.equal([rest.interrupted, rest.read, rest.lines.length], [false, 5, 4]);
    assert.equal([...readIndex(indexPath, (m) => assert.unreachable(m)).sessions.keys()].sort(), [0, 1, 2, 3, 4].map(generatedId));
  } finally {
    w.cleanup();
  }
});

test.run();

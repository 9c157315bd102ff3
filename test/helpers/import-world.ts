import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { ImportOptions } from '../../lib/commands/import.js';
import type { Io } from '../../lib/io.js';
import { readIndex } from '../../lib/sessions/index-file.js';
import type { Session } from '../../lib/sessions/session.js';
import { recordingIo } from './io.js';

/** A temp home to import from in-process, with the index and the import state beside it. */
export interface ImportWorld {
  dir: string;
  home: string;
  opts: ImportOptions;
  out: string[];
  err: string[];
  io: Io;
  sessions(): Map<string, Session>;
}

/**
 * `fill` puts the logs under the home (and returns the directory the import runs in);
 * Claude Code's and Codex's directories point nowhere, so only the tools under test report.
 */
export function importWorld(prefix: string, fill: (home: string, dir: string) => string, extra: Partial<ImportOptions> = {}): ImportWorld {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const home = join(dir, 'home');
  const cwd = fill(home, dir);
  const { io, out, err } = recordingIo();
  const indexPath = join(dir, 'lore', 'sessions.jsonl');
  return {
    dir,
    home,
    opts: {
      claudeDir: join(dir, 'none', 'claude'),
      codexDir: join(dir, 'none', 'codex'),
      cwd,
      env: { HOME: home },
      dryRun: false,
      indexPath,
      statePath: join(dir, 'lore', 'import-state.json'),
      ...extra,
    },
    out,
    err,
    io,
    sessions: () => readIndex(indexPath, (m) => assert.unreachable(m)).sessions,
  };
}

import * as assert from 'uvu/assert';
import { isLoreError } from '../../lib/errors.js';
import type { World } from './env.js';

/**
 * Makes the process's environment the world's (HOME, LORE_HOME, git's config) for a command
 * called in-process, which reads them from the process as lore does; returns the undo.
 */
export function enterWorld(w: World): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, w.env);
  return () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  };
}

/** That `p` fails with a LoreError of this code (a user's mistake, not a crash). */
export async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLoreError(e), String(e));
    assert.is((e as { code: string }).code, code);
    return;
  }
  assert.unreachable('expected an error');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isLoreError } from '../lib/errors.js';
import { checkBinding, loadBinding, NODEGIT_VERSION, type Binding } from '../lib/git/native-binding.js';
import { PROJECT } from './helpers/env.js';

function refusal(version: string, raw: Binding): string {
  try {
    checkBinding(version, raw);
  } catch (e) {
    assert.ok(isLoreError(e), String(e));
    assert.is(e.code, 'NATIVE_MISMATCH');
    return `${e.message} / ${e.hint}`;
  }
  assert.unreachable('accepted');
  return '';
}

test('the installed nodegit is the release lore calls, and package.json pins that release', () => {
  const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  assert.is(pkg.dependencies.nodegit, NODEGIT_VERSION);
  const raw = loadBinding();
  assert.type(raw.Repository.open, 'function');
});

test('another release, or a binding without a function lore calls, is refused with a clear error', () => {
  const raw = loadBinding();
  assert.is(refusal('0.28.0-alpha.37', raw), `nodegit 0.28.0-alpha.37 is installed, but lore calls the native binding of nodegit ${NODEGIT_VERSION} / Reinstall lore (npm install in its directory), which builds the nodegit it pins.`);
  const { Merge: _merge, ...withoutMerge } = raw;
  assert.match(refusal(NODEGIT_VERSION, withoutMerge as Binding), /^nodegit's native binding lacks Merge\.base \//);
  const renamed = { ...raw, Blame: { ...raw.Blame, file: undefined } } as unknown as Binding;
  assert.match(refusal(NODEGIT_VERSION, renamed), /lacks Blame\.file /);
});

test.run();

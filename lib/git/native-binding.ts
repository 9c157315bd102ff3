import { createRequire } from 'node:module';
import { LoreError } from '../errors.js';

/**
 * The nodegit release whose native binding libgit2.ts calls by raw signature. A binding
 * from another release may take other arguments under the same names, so it is refused
 * before the first call rather than trusted to fail loudly. package.json pins this
 * version (a test holds the two together).
 */
export const NODEGIT_VERSION = '0.28.0-alpha.36';

/** The binding's functions lore calls, by class: the ones a release could drop or rename. */
const CALLED: Record<string, string[]> = {
  Repository: ['open'],
  Reference: ['nameToId', 'create', 'createMatching', 'remove'],
  Object: ['lookup'],
  Commit: ['lookup', 'create'],
  Tree: ['lookup'],
  Blob: ['createFromBuffer'],
  Merge: ['base'],
  Treebuilder: ['create'],
  Blame: ['file'],
  Oid: ['fromString'],
  Signature: ['now'],
};

export type Binding = Record<string, Record<string, (...a: never[]) => unknown> & { prototype: Record<string, (...a: never[]) => unknown> }>;

const REINSTALL = 'Reinstall lore (npm install in its directory), which builds the nodegit it pins.';

/** Throws unless `raw` is the binding of the release lore was written for, with every function it calls. */
export function checkBinding(version: string, raw: Binding): Binding {
  if (version !== NODEGIT_VERSION) {
    throw new LoreError('NATIVE_MISMATCH', `nodegit ${version} is installed, but lore calls the native binding of nodegit ${NODEGIT_VERSION}`, REINSTALL);
  }
  const missing = Object.entries(CALLED).flatMap(([cls, fns]) => fns.filter((fn) => typeof raw[cls]?.[fn] !== 'function').map((fn) => `${cls}.${fn}`));
  if (typeof raw.Treebuilder?.prototype?.write !== 'function') missing.push('Treebuilder.prototype.write');
  if (missing.length > 0) {
    throw new LoreError('NATIVE_MISMATCH', `nodegit's native binding lacks ${missing.join(', ')}`, REINSTALL);
  }
  return raw;
}

/** nodegit's native binding, checked; one that fails to load is a clear error, not a stack. */
export function loadBinding(): Binding {
  const require = createRequire(import.meta.url);
  const { version } = require('nodegit/package.json') as { version: string };
  let raw: Binding;
  try {
    raw = require('nodegit/build/Release/nodegit.node') as Binding;
  } catch (e) {
    throw new LoreError('NATIVE_MISMATCH', `cannot load nodegit's native binding: ${(e as Error).message.split('\n')[0]}`, 'Rebuild it: npm rebuild nodegit, in lore\'s directory.');
  }
  return checkBinding(version, raw);
}

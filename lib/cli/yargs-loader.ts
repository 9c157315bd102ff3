/**
 * yargs, built without its help layout on runs that print no help.
 *
 * yargs' entry point imports cliui and string-width (~50 ms of a ~100 ms import) to lay
 * out help text, on every run. lore builds yargs from the same factory with the same
 * platform shim (yargs/lib/platform-shims/esm.mjs), except that those two are imported
 * only when the command line asks for help. Otherwise yargs still lays out a help text it
 * caches before running a command, and never prints: a layout that writes nothing stands
 * in. Failures never print it either: lore's .fail() handler prints its own one-line
 * error.
 *
 * The factory and the parser are imported by path, not package name (yargs' exports
 * hide them), so esbuild bundles them into lore (another ~20 ms less than loading ~30
 * files). These are yargs' own files at the version package.json pins; yargs ships no
 * types for them.
 */
import { notStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import type { Argv } from 'yargs';
// @ts-expect-error: untyped, see above
import { YargsFactory } from '../../node_modules/yargs/build/lib/yargs-factory.js';
// @ts-expect-error: untyped, see above
import { getProcessArgvBin } from '../../node_modules/yargs/build/lib/utils/process-argv.js';
// @ts-expect-error: untyped, see above
import Parser from '../../node_modules/yargs-parser/build/lib/index.js';
// @ts-expect-error: untyped, see above
import y18n from '../../node_modules/y18n/index.mjs';
import escalade from '../../node_modules/escalade/sync/index.mjs';

const require = createRequire(import.meta.url);
const YARGS_DIR = dirname(require.resolve('yargs/package.json'));
// yargs reads its parser settings from the nearest package.json above this: lore's, never the user's.
const MAIN_DIR = YARGS_DIR.slice(0, YARGS_DIR.lastIndexOf('node_modules'));
// The help layout, as yargs' own shim finds it (yargs has its own string-width).
const fromYargs = createRequire(join(YARGS_DIR, 'package.json'));
const dependency = async (name: string) => (await import(pathToFileURL(fromYargs.resolve(name)).href)).default;

/** Whether yargs will print help for this command line. */
export function asksForHelp(argv: string[]): boolean {
  return argv.some((a) => a === '--help' || a === '-h');
}

export async function loadYargs(withHelp: boolean): Promise<() => Argv> {
  const layout = withHelp ? await Promise.all([dependency('cliui'), dependency('string-width')]) : null;
  const noLayout = () => ({ div() {}, span() {}, toString: () => '' });
  return YargsFactory({
    assert: { notStrictEqual, strictEqual },
    cliui: layout ? layout[0] : noLayout,
    findUp: escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin,
    mainFilename: MAIN_DIR || process.cwd(),
    Parser,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync,
    readdirSync,
    require,
    getCallerFile: () => {
      throw new Error('lore declares its commands; yargs.commandDir is not used');
    },
    stringWidth: layout ? layout[1] : (text: string) => text.length,
    y18n: y18n({ directory: join(YARGS_DIR, 'locales'), updateFiles: false }),
  });
}

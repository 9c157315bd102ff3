/**
 * yargs, built without its help layout on runs that print no help.
 *
 * yargs' entry point imports cliui and string-width (~50 ms of a ~100 ms import) to lay
 * out help text, on every run. lore builds yargs from the same factory with the same
 * platform shim (yargs/lib/platform-shims/esm.mjs), except that those two are imported
 * only when the command line asks for help. Otherwise yargs still lays out a help text it
 * caches before running a command, and never prints: a layout that writes nothing stands
 * in. Failures never print it either: lore's .fail() handler prints its own one-line
 * error. The files used are yargs' own, at the exact version package.json pins.
 */
import { notStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import type { Argv } from 'yargs';

const require = createRequire(import.meta.url);
const YARGS_DIR = dirname(require.resolve('yargs/package.json'));
const fromYargs = createRequire(join(YARGS_DIR, 'package.json'));
// yargs reads its parser settings from the nearest package.json above this: lore's, never the user's.
const MAIN_DIR = YARGS_DIR.slice(0, YARGS_DIR.lastIndexOf('node_modules'));
// Files and packages exactly as yargs' own shim finds them (it has its own string-width).
const internal = (path: string) => import(pathToFileURL(join(YARGS_DIR, path)).href);
const dependency = async (name: string) => (await import(pathToFileURL(fromYargs.resolve(name)).href)).default;

/** Whether yargs will print help for this command line. */
export function asksForHelp(argv: string[]): boolean {
  return argv.some((a) => a === '--help' || a === '-h');
}

export async function loadYargs(withHelp: boolean): Promise<() => Argv> {
  const [{ YargsFactory }, { getProcessArgvBin }, Parser, y18n, escalade, layout] = await Promise.all([
    internal('build/lib/yargs-factory.js'),
    internal('build/lib/utils/process-argv.js'),
    dependency('yargs-parser'),
    dependency('y18n'),
    dependency('escalade/sync'),
    withHelp ? Promise.all([dependency('cliui'), dependency('string-width')]) : null,
  ]);
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

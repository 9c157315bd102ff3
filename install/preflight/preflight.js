/**
 * Runs before nodegit builds and fails at once, naming what is missing and the command that
 * installs it, instead of node-gyp failing minutes later with a wall of text. npm 11 runs the
 * root package's own `preinstall` only after its dependencies' install scripts, but every
 * dependency's `preinstall` before any dependency's `install`: so this is a local dependency
 * of lore (`file:install/preflight`) whose `preinstall` is this file. It must be copied, not
 * linked (`install-links=true` in .npmrc): npm builds linked dependencies after all others.
 * Plain node, nothing to import.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What nodegit's build needs, how to tell it is there, and its package per manager. */
export const NEEDS = [
  { name: 'libkrb5-dev', what: 'krb5-config or the gssapi headers', tools: ['krb5-config'], headers: ['gssapi/gssapi.h', 'gssapi.h'], apt: 'libkrb5-dev', dnf: 'krb5-devel', brew: 'krb5' },
  { name: 'libssl-dev', what: 'the openssl headers', tools: [], headers: ['openssl/ssl.h'], apt: 'libssl-dev', dnf: 'openssl-devel', brew: 'openssl@3' },
  { name: 'g++', what: 'a C++ compiler', tools: ['g++', 'c++', 'clang++'], headers: [], apt: 'g++', dnf: 'gcc-c++', brew: null },
  { name: 'make', what: 'the build tool', tools: ['make'], headers: [], apt: 'make', dnf: 'make', brew: null },
  { name: 'python3', what: 'python3, for node-gyp', tools: ['python3'], headers: [], apt: 'python3', dnf: 'python3', brew: 'python' },
];

const MANAGERS = ['apt-get', 'dnf', 'brew'];

function onPath(tool, path) {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, tool)));
}

/** The include directories a compiler searches by default, and those CPATH adds. */
export function includeDirs(env = process.env, platform = process.platform) {
  const dirs = (env.CPATH ?? '').split(delimiter).filter((d) => d !== '');
  dirs.push('/usr/include', '/usr/local/include', '/usr/include/x86_64-linux-gnu', '/usr/include/aarch64-linux-gnu');
  if (platform === 'darwin') dirs.push('/opt/homebrew/include', '/opt/homebrew/opt/openssl@3/include', '/usr/local/opt/openssl@3/include', '/Library/Developer/CommandLineTools/SDKs/MacOSX.sdk/usr/include');
  return dirs;
}

/** The needs not met on `path` (a PATH value) and in `dirs`. */
export function missing({ path, dirs, env = process.env }) {
  return NEEDS.filter((n) => {
    if (n.name === 'g++' && env.CXX) return false; // node-gyp uses $CXX when set
    if (n.name === 'python3' && env.PYTHON) return false;
    return !n.tools.some((t) => onPath(t, path)) && !n.headers.some((h) => dirs.some((d) => existsSync(join(d, h))));
  });
}

/** The command that installs `needs` with the first package manager on `path`; all three when there is none. */
export function installCommand(needs, path) {
  const manager = MANAGERS.find((m) => onPath(m, path));
  const apt = `sudo apt-get install -y ${needs.map((n) => n.apt).join(' ')}`;
  const dnf = `sudo dnf install -y ${needs.map((n) => n.dnf).join(' ')}`;
  const formulae = needs.map((n) => n.brew).filter((b) => b !== null);
  const compilers = needs.some((n) => n.brew === null) ? 'xcode-select --install' : '';
  const brew = [formulae.length > 0 ? `brew install ${formulae.join(' ')}` : '', compilers].filter((c) => c !== '').join(' && ');
  if (manager === 'apt-get') return apt;
  if (manager === 'dnf') return dnf;
  if (manager === 'brew') return brew;
  return `${apt}  (dnf: ${dnf}; brew: ${brew})`;
}

/** The message for what is missing, or null when nothing is. */
export function report(needs, path) {
  if (needs.length === 0) return null;
  const names = needs.map((n) => `${n.name} (${n.what})`).join(', ');
  return `Error: lore cannot build nodegit, these are missing: ${names}\nhint: Install them, then run npm install again: ${installCommand(needs, path)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.env.PATH ?? '';
  const message = report(missing({ path, dirs: includeDirs() }), path);
  if (message !== null) {
    process.stderr.write(message);
    process.exit(1);
  }
}

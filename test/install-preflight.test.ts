import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { includeDirs, missing, report } from '../install/preflight/preflight.js';
import { makeWorld, PROJECT, type World } from './helpers/env.js';

/** The install preflight, on a made-up machine: a PATH of empty files and fake header dirs. */
const preflight = suite<{ w: World; bin: string; inc: string }>('install preflight');
preflight.before.each((ctx) => {
  ctx.w = makeWorld();
  ctx.bin = join(ctx.w.dir, 'bin');
  ctx.inc = join(ctx.w.dir, 'include');
  mkdirSync(ctx.bin);
  mkdirSync(ctx.inc);
});
preflight.after.each((ctx) => ctx.w.cleanup());

const tools = (bin: string, names: string[]) => names.forEach((n) => writeFileSync(join(bin, n), ''));
const headers = (inc: string, paths: string[]) =>
  paths.forEach((p) => {
    mkdirSync(join(inc, p, '..'), { recursive: true });
    writeFileSync(join(inc, p), '');
  });
const names = (bin: string, inc: string, env = {}) => missing({ path: bin, dirs: [inc], env }).map((n: { name: string }) => n.name);

preflight('a machine with everything passes; gssapi headers stand in for krb5-config', ({ bin, inc }) => {
  tools(bin, ['krb5-config', 'g++', 'make', 'python3']);
  headers(inc, ['openssl/ssl.h']);
  assert.equal(names(bin, inc), []);
  assert.is(report([], bin), null);
  const noKrb5Config = join(bin, '..', 'bin2');
  mkdirSync(noKrb5Config);
  tools(noKrb5Config, ['c++', 'make', 'python3']);
  headers(inc, ['gssapi/gssapi.h']);
  assert.equal(names(noKrb5Config, inc), []);
});

preflight('each missing package is named with the install command of the package manager there', ({ bin, inc }) => {
  tools(bin, ['apt-get', 'make']);
  assert.equal(names(bin, inc), ['libkrb5-dev', 'libssl-dev', 'g++', 'python3']);
  assert.is(
    report(missing({ path: bin, dirs: [inc], env: {} }), bin),
    'Error: lore cannot build nodegit, these are missing: libkrb5-dev (krb5-config or the gssapi headers), libssl-dev (the openssl headers), g++ (a C++ compiler), python3 (python3, for node-gyp)\n' +
      'hint: Install them, then run npm install again: sudo apt-get install -y libkrb5-dev libssl-dev g++ python3\n',
  );
  const dnf = join(inc, '..', 'dnf-bin');
  mkdirSync(dnf);
  tools(dnf, ['dnf', 'g++', 'make', 'python3']);
  assert.match(report(missing({ path: dnf, dirs: [inc], env: {} }), dnf)!, 'hint: Install them, then run npm install again: sudo dnf install -y krb5-devel openssl-devel\n');
  const brew = join(inc, '..', 'brew-bin');
  mkdirSync(brew);
  tools(brew, ['brew', 'krb5-config']);
  assert.match(report(missing({ path: brew, dirs: [inc], env: {} }), brew)!, 'brew install openssl@3 python && xcode-select --install\n');
  assert.match(report(missing({ path: inc, dirs: [inc], env: {} }), inc)!, /apt-get install -y .*\(dnf: sudo dnf install -y .*; brew: brew install /);
});

preflight('CXX and PYTHON stand in for g++ and python3; CPATH adds header dirs', ({ bin, inc }) => {
  tools(bin, ['krb5-config', 'make']);
  headers(inc, ['openssl/ssl.h']);
  assert.equal(names(bin, inc, { CXX: 'clang++-17', PYTHON: '/opt/py/bin/python3' }), []);
  assert.ok(includeDirs({ CPATH: `${inc}:/elsewhere` }, 'linux').slice(0, 2).join() === `${inc},/elsewhere`);
});

preflight('run as npm runs it, it fails at once with one Error line and a hint', ({ w, bin }) => {
  tools(bin, ['apt-get']);
  const r = spawnSync(process.execPath, ['preflight.js'], { cwd: join(PROJECT, 'install/preflight'), env: { ...w.env, PATH: bin }, encoding: 'utf8' });
  assert.is(r.status, 1);
  const [error, hint, rest] = r.stderr.split('\n');
  assert.match(error, /^Error: lore cannot build nodegit, these are missing: .*g\+\+ \(a C\+\+ compiler\), make \(the build tool\), python3/);
  assert.match(hint, /^hint: Install them, then run npm install again: sudo apt-get install -y .*g\+\+ make python3$/);
  assert.is(rest, '');
  assert.is(r.stdout, '');
});

preflight.run();

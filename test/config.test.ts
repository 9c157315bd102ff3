import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commit, lore, makeRepo, makeWorld, noteRecords, SID, type World } from './helpers/env.js';

const config = suite<{ w: World; repo: string; head: string }>('session index location');
const line = (cwd: string) => JSON.stringify({ id: SID.a, cwd, started_at: '2026-01-13T10:00:00Z' }) + '\n';

config.before.each((ctx) => {
  ctx.w = makeWorld();
  delete ctx.w.env.LORE_HOME;
  ctx.repo = makeRepo(ctx.w);
  ctx.head = commit(ctx.w, ctx.repo);
});
config.after.each((ctx) => ctx.w.cleanup());

config('default: ~/.lore/sessions.jsonl', ({ w, repo, head }) => {
  mkdirSync(join(w.home, '.lore'), { recursive: true });
  writeFileSync(join(w.home, '.lore', 'sessions.jsonl'), line(repo));
  assert.is(lore(w, repo, ['link', 'c9731a91']).code, 0);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
});

config('sessionIndex in a .lorerc.json at the repository top, relative to it, found from a subdirectory', ({ w, repo, head }) => {
  writeFileSync(join(repo, '.lorerc.json'), JSON.stringify({ sessionIndex: 'meta/index.jsonl' }));
  mkdirSync(join(repo, 'meta'));
  writeFileSync(join(repo, 'meta', 'index.jsonl'), line(repo));
  mkdirSync(join(repo, 'src'));
  const r = lore(w, join(repo, 'src'), ['link', 'c9731a91']);
  assert.is(r.code, 0, r.stderr);
  assert.is(noteRecords(w, repo, head)[0].session, SID.a);
});

config('the lore key of package.json; LORE_HOME wins over it', ({ w, repo }) => {
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', lore: { sessionIndex: join(w.dir, 'elsewhere.jsonl') } }));
  writeFileSync(join(w.dir, 'elsewhere.jsonl'), line(repo));
  assert.is(lore(w, repo, ['link', 'c9731a91', '--dry-run']).code, 0);
  const withHome = lore(w, repo, ['link', 'c9731a91', '--dry-run'], { env: { LORE_HOME: join(w.dir, 'empty-home') } });
  assert.is(withHome.code, 1);
  assert.match(withHome.stderr, /no session matches/);
});

config('a broken config file is one Error: line', ({ w, repo }) => {
  writeFileSync(join(repo, '.lorerc.json'), '{ not json');
  const r = lore(w, repo, ['link', 'c9731a91']);
  assert.is(r.code, 1);
  assert.match(r.stderr, /^Error: cannot read lore's configuration/);
  assert.not.match(r.stderr, /\n\s+at /);
});

config.run();

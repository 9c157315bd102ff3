import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addSessions, commit, git, lore, makeWorld, PROJECT, SID, type World } from './helpers/env.js';
import { cloneRepo, link, makeRemote } from './helpers/remotes.js';

interface Ctx {
  w: World;
  dev: string;
  /** The pull request's commits, oldest first. */
  pr: string[];
}

const pr = suite<Ctx>("coverage and log of a pull request's commits");

pr.before.each((ctx) => {
  ctx.w = makeWorld();
  const { remote } = makeRemote(ctx.w, 2);
  ctx.dev = cloneRepo(ctx.w, remote, 'dev', 'me@example.com');
  git(ctx.w, ctx.dev, ['checkout', '-q', '-b', 'feature']);
  ctx.pr = ['one', 'two', 'three', 'four'].map((name, i) =>
    commit(ctx.w, ctx.dev, { files: { [`${name}.txt`]: `${name}\n` }, message: `add ${name}`, date: `2026-01-14T10:${i}0:00Z` }),
  );
  link(ctx.w, ctx.dev, ctx.pr[0], [SID.a]);
  link(ctx.w, ctx.dev, ctx.pr[1], [SID.a, SID.b]);
  link(ctx.w, ctx.dev, ctx.pr[3], [SID.b]);
  addSessions(ctx.w, [
    { id: SID.a, tool: 'claude-code', cwd: ctx.dev, started_at: '2026-01-14T09:55:00Z', ended_at: '2026-01-14T10:15:00Z', title: 'Add one | two' },
    { id: SID.b, tool: 'codex', cwd: ctx.dev, started_at: '2026-01-14T10:05:00Z', ended_at: '2026-01-14T10:35:00Z', title: 'Finish the feature' },
  ]);
});
pr.after.each((ctx) => ctx.w.cleanup());

const short = (ctx: Ctx, sha: string) => git(ctx.w, ctx.dev, ['rev-parse', '--short', sha]);

pr('coverage counts the branch against the default branch, lists what is not linked and not pushed', (ctx) => {
  const r = lore(ctx.w, ctx.dev, ['coverage']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      '3 of 4 commits linked (75%) in origin/main..HEAD: manual 3',
      'Not linked:',
      `  ${short(ctx, ctx.pr[2])} add three`,
      '3 linked commit(s) have links not pushed to origin yet: run lore sync',
      '',
    ].join('\n'),
  );
  // After lore sync pushed them, nothing is left to push.
  assert.is(lore(ctx.w, ctx.dev, ['sync', '--quiet']).code, 0);
  const after = lore(ctx.w, ctx.dev, ['coverage']);
  assert.not.match(after.stdout, /not pushed/);
  const json = JSON.parse(lore(ctx.w, ctx.dev, ['coverage', '--json']).stdout);
  assert.equal(
    { total: json.total, linked: json.linked, percent: json.percent, by_method: json.by_method },
    { total: 4, linked: 3, percent: 75, by_method: { manual: 3 } },
  );
  assert.equal(json.commits.map((c: { sha: string; methods: string[] }) => c.methods.length > 0), [true, false, true, true]);
});

pr('--min gates a CI step: below it exits 1 after the report, at it exits 0', (ctx) => {
  const low = lore(ctx.w, ctx.dev, ['coverage', '--min', '80']);
  assert.is(low.code, 1);
  assert.match(low.stdout, /^3 of 4 commits linked \(75%\)/);
  assert.is(low.stderr, 'Error: 75% of the commits are linked, below --min 80%\n');
  assert.is(lore(ctx.w, ctx.dev, ['coverage', '--min', '75']).code, 0);
  const range = lore(ctx.w, ctx.dev, ['coverage', `${ctx.pr[1]}..HEAD`, '--min=100']);
  assert.is(range.code, 1);
  assert.match(range.stdout, /^1 of 2 commits linked \(50%\)/);
  const bad = lore(ctx.w, ctx.dev, ['coverage', '--min', 'lots']);
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'Error: --min must be a percentage from 0 to 100, not "lots"\n');
});

pr('log lists each session behind the range with its commits; --markdown is ready for a PR comment', (ctx) => {
  const [one, two, , four] = ctx.pr.map((sha) => short(ctx, sha));
  const r = lore(ctx.w, ctx.dev, ['log']);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    [
      '2 session(s) behind 4 commit(s) in origin/main..HEAD',
      '',
      'c9731a92  codex  2026-01-14 10:05 - 10:35  Finish the feature',
      `  ${four} add four (manual)`,
      `  ${two} add two (manual)`,
      '',
      'c9731a91  claude-code  2026-01-14 09:55 - 10:15  Add one | two',
      `  ${two} add two (manual)`,
      `  ${one} add one (manual)`,
      '',
      '1 commit(s) with no linked session:',
      `  ${short(ctx, ctx.pr[2])} add three`,
      '',
    ].join('\n'),
  );
  const md = lore(ctx.w, ctx.dev, ['log', '--markdown']).stdout;
  assert.match(md, /^### AI sessions behind these commits\n\n2 session\(s\) behind 4 commit\(s\) in `origin\/main\.\.HEAD`\.\n/);
  assert.match(md, '**Add one \\| two** · claude-code · 2026-01-14 09:55 - 10:15 · session `c9731a91`');
  assert.match(md, `- \`${one}\` add one (manual)`);
  assert.match(md, '<details><summary>1 commit(s) with no linked session</summary>');
  const json = JSON.parse(lore(ctx.w, ctx.dev, ['log', '--json']).stdout);
  assert.equal(json.sessions.map((s: { id: string }) => s.id), [SID.b, SID.a]);
  assert.is(json.sessions[1].commits.length, 2);
});

pr('in a fresh clone whose remote has links, show --commit says they were not fetched yet', (ctx) => {
  const { w, dev } = ctx;
  git(w, dev, ['push', '-q', 'origin', 'feature', 'refs/notes/lore']);
  const fresh = cloneRepo(w, join(w.dir, 'remote.git'), 'fresh', 'new@example.com');
  git(w, fresh, ['checkout', '-q', 'feature']);
  const before = lore(w, fresh, ['show', '--commit', 'HEAD']);
  assert.is(before.code, 0, before.stderr);
  assert.match(before.stdout, /No sessions linked to commit [0-9a-f]+\nhint: no links have been fetched from origin yet; run lore sync to get the team's links\n$/);
  assert.is(lore(w, fresh, ['sync', '--quiet']).code, 0);
  const after = lore(w, fresh, ['show', '--commit', 'HEAD']);
  assert.not.match(after.stdout, /hint:/);
  assert.match(after.stdout, /c9731a92/);
  assert.not.match(lore(w, fresh, ['show', '--commit', 'HEAD~1']).stdout, /hint:/, 'an unlinked commit after a sync: no hint');
});

pr('export --agent-trace writes a valid Agent Trace record per linked commit, with its added lines', (ctx) => {
  const { w, dev } = ctx;
  const edited = commit(w, dev, { files: { 'one.txt': 'one\nmore\nlines\n' }, message: 'extend one', date: '2026-01-14T10:50:00Z' });
  link(w, dev, edited, [SID.a]);
  const r = lore(w, dev, ['export', '--agent-trace']);
  assert.is(r.code, 0, r.stderr);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  // CommonJS modules: under NodeNext their default import is module.exports, which holds .default.
  const ajv = new Ajv2020.default({ strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT, 'fixtures/agent-trace/trace-record.json'), 'utf8')));
  for (const rec of records) assert.ok(validate(rec), JSON.stringify(validate.errors));
  assert.equal(records.map((rec) => rec.vcs.revision), [ctx.pr[0], ctx.pr[1], ctx.pr[3], edited], 'linked commits, oldest first');
  const last = records[3];
  assert.equal(last.files, [{ path: 'one.txt', conversations: [{ url: `lore:session/${SID.a}`, contributor: { type: 'ai' }, ranges: [{ start_line: 2, end_line: 3 }] }] }]);
  assert.equal(records[1].files[0].conversations.map((c: { url: string }) => c.url), [`lore:session/${SID.a}`, `lore:session/${SID.b}`]);
  assert.is(last.metadata['dev.lore'].sessions[0].method, 'manual');
  const again = lore(w, dev, ['export', '--agent-trace']);
  assert.is(again.stdout, r.stdout, 'the same records, ids included, every time');
  const none = lore(w, dev, ['export']);
  assert.is(none.code, 2);
  assert.is(none.stderr, 'Error: give a format to export\nhint: Run: lore export --agent-trace [RANGE]\n');
});

pr.run();

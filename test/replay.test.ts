/**
 * The proof of live linking: weeks of work replayed as it happens, with lore's real hooks
 * installed and every commit made at its own time (libfaketime). It reports the precision
 * and recall of the links the hooks wrote, and of --auto and --backfill on the same
 * histories, against the replay's known answers.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loreAsync } from './helpers/env.js';
import { dropNotes, notedLinks, playReplay, type ReplayRun } from './helpers/replay.js';

interface Score {
  right: number;
  predicted: number;
  truth: number;
  wrong: string[];
}

function score(run: ReplayRun, predicted: [string, string][]): Score {
  const truth = [...run.truth].filter(([, s]) => s !== null).map(([sha, s]) => `${s}>${sha}`);
  const want = new Set(truth);
  const right = predicted.filter(([s, sha]) => want.has(`${s}>${sha}`)).length;
  const wrong = predicted.filter(([s, sha]) => !want.has(`${s}>${sha}`)).map(([s, sha]) => `${s.slice(0, 8)} on a ${run.kinds.get(sha)} commit`);
  return { right, predicted: predicted.length, truth: truth.length, wrong };
}

/** `lore link --auto --dry-run` on every commit, two at a time: what it would link. */
async function autoLinks(run: ReplayRun): Promise<[string, string][]> {
  const shas = [...run.truth.keys()];
  const found: [string, string][] = [];
  const byId8 = new Map(run.replay.sessions.map((id) => [id.slice(0, 8), id]));
  let next = 0;
  const worker = async () => {
    while (next < shas.length) {
      const sha = shas[next++];
      const r = await loreAsync(run.w, run.repo, ['link', '--auto', '--commit', sha, '--dry-run']);
      if (r.code !== 0) throw new Error(r.stderr);
      for (const m of r.stdout.matchAll(/^ {2}\[dry-run\] Would link (\S+) -> /gm)) found.push([byId8.get(m[1])!, sha]);
    }
  };
  await Promise.all([worker(), worker()]);
  return found;
}

const pct = (x: number) => (x * 100).toFixed(1) + '%';
const figures = (s: Score) => `precision ${pct(s.predicted ? s.right / s.predicted : 1)} recall ${pct(s.right / s.truth)} (${s.right} right of ${s.predicted} links; ${s.truth} true)`;

const SEEDS = (process.env.REPLAY_SEEDS ?? '1,2,3').split(',').map(Number);
const replay = suite('replayed history: the links lore writes at commit time');
const totals = { hook: [0, 0, 0], auto: [0, 0, 0], backfill: [0, 0, 0] };
const add = (k: keyof typeof totals, s: Score) => {
  totals[k][0] += s.right;
  totals[k][1] += s.predicted;
  totals[k][2] += s.truth;
};

for (const seed of SEEDS) {
  replay(`seed ${seed}: hook, --auto and --backfill against the known answers`, async () => {
    const started = Date.now();
    const run = playReplay(seed);
    try {
      const written = notedLinks(run);
      // The hook ran at the commit's own time: libfaketime reached node's clock.
      for (const l of written) assert.ok(Math.abs(l.lagSeconds) < 60, `a link written ${l.lagSeconds} s after its commit`);
      assert.ok(written.every((l) => l.method === 'current' || l.method === 'agent-commit'), 'only the hook wrote these');
      assert.ok(written.some((l) => l.method === 'agent-commit'), 'agents committed');
      const hook = score(run, written.map((l) => [l.session, l.sha]));
      dropNotes(run);
      const auto = score(run, await autoLinks(run));
      const r = await loreAsync(run.w, run.repo, ['link', '--auto', '--backfill', '--yes']);
      assert.is(r.code, 0, r.stderr);
      const backfill = score(run, notedLinks(run).map((l) => [l.session, l.sha]));
      console.log(`  seed ${seed}, ${run.truth.size} commits (${Math.round((Date.now() - started) / 1000)} s):`);
      for (const [name, s] of [['hook', hook], ['--auto', auto], ['--backfill', backfill]] as const) {
        console.log(`    ${name.padEnd(10)} ${figures(s)}${s.wrong.length ? `; wrong: ${s.wrong.join(', ')}` : ''}`);
      }
      add('hook', hook);
      add('auto', auto);
      add('backfill', backfill);
    } finally {
      run.w.cleanup();
    }
  });
}

replay('over all seeds: hook precision >= 0.97 at recall >= 0.95; --auto and --backfill precision >= 0.97', () => {
  const [hr, hp, ht] = totals.hook;
  console.log(`  all seeds: hook ${pct(hr / hp)} / ${pct(hr / ht)}, --auto ${pct(totals.auto[0] / totals.auto[1])}, --backfill ${pct(totals.backfill[0] / totals.backfill[1])} precision`);
  assert.ok(hr / hp >= 0.97, `hook precision ${pct(hr / hp)}`);
  assert.ok(hr / ht >= 0.95, `hook recall ${pct(hr / ht)}`);
  assert.ok(totals.auto[0] / totals.auto[1] >= 0.97, `--auto precision ${pct(totals.auto[0] / totals.auto[1])}`);
  assert.ok(totals.backfill[0] / totals.backfill[1] >= 0.97, `--backfill precision ${pct(totals.backfill[0] / totals.backfill[1])}`);
});

replay.run();

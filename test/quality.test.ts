import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planAuto } from '../lib/linking/auto.js';
import { filterByFiles, pairsInWindows } from '../lib/linking/backfill.js';
import { sessionFacts } from '../lib/linking/facts.js';
import { generateHistory, ME, ROOT, type History } from './helpers/history-generator.js';

interface Score {
  precision: number;
  recall: number;
  predicted: number;
  truth: number;
}

function judge(history: History, predicted: [string, string][]): Score {
  const truth = new Set(history.commits.filter((c) => c.madeBy).map((c) => `${c.madeBy}>${c.sha}`));
  const correct = predicted.filter(([s, c]) => truth.has(`${s}>${c}`)).length;
  return { precision: predicted.length ? correct / predicted.length : 1, recall: correct / truth.size, predicted: predicted.length, truth: truth.size };
}

function auto(history: History): Score {
  const facts = history.sessions.map((s) => sessionFacts(s, s.cwd, ROOT));
  const predicted: [string, string][] = [];
  for (const commit of history.commits) {
    const plan = planAuto({ commit, commitFiles: commit.files, commitBranches: commit.branches, sessions: facts, root: ROOT, threshold: 0.6, userEmail: ME });
    for (const c of plan.accepted) predicted.push([c.facts.session.id, commit.sha]);
  }
  return judge(history, predicted);
}

function backfill(history: History): Score {
  const facts = history.sessions.map((s) => sessionFacts(s, s.cwd, ROOT));
  const { pairs } = pairsInWindows({ sessions: facts, commits: history.commits, userEmail: ME, allAuthors: false });
  const files = new Map(history.commits.map((c) => [c.sha, c.files]));
  const { kept } = filterByFiles(pairs, (sha) => files.get(sha) ?? []);
  return judge(history, kept.map((p) => [p.facts.session.id, p.commit.sha]));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const quality = suite('quality of guesses on generated histories');
const SEEDS = [1, 2, 3, 4, 5];

for (const [name, run, minPrecision, minRecall] of [
  ['--auto', auto, 0.95, 0.95],
  ['--auto --backfill', backfill, 0.95, 0.95],
] as const) {
  quality(`${name}: precision and recall over ${SEEDS.length} seeded histories`, () => {
    let predicted = 0;
    let correct = 0;
    let truth = 0;
    for (const seed of SEEDS) {
      const s = run(generateHistory(seed));
      predicted += s.predicted;
      correct += Math.round(s.precision * s.predicted);
      truth += s.truth;
    }
    const precision = correct / predicted;
    const recall = correct / truth;
    console.log(`  ${name}: precision ${pct(precision)}, recall ${pct(recall)} (${correct} right of ${predicted} proposed; ${truth} true links)`);
    assert.ok(precision >= minPrecision, `precision ${pct(precision)} < ${pct(minPrecision)}`);
    assert.ok(recall >= minRecall, `recall ${pct(recall)} < ${pct(minRecall)}`);
  });
}

quality('the generator is deterministic', () => {
  assert.equal(generateHistory(7), generateHistory(7));
});

quality.run();

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settleClaims, type Claimant } from '../lib/linking/claims.js';

const verdicts = (claimants: Claimant[]) => {
  const { winners, losers } = settleClaims(claimants);
  return { won: winners.map((w) => w.id), lost: losers.map((l) => [l.claimant.id, l.loss]) };
};

test('a session whose file data shows none of the commit files loses; no file data alone is neutral', () => {
  assert.equal(verdicts([{ id: 'a', overlap: 0 }, { id: 'b', overlap: null }]), { won: ['b'], lost: [['a', { reason: 'no-overlap' }]] });
});

test('a session without file data loses to one that edited the commit files; partial editors keep theirs', () => {
  assert.equal(verdicts([{ id: 'a', overlap: null }, { id: 'b', overlap: 0.5 }, { id: 'c', overlap: 1 }]), {
    won: ['b', 'c'],
    lost: [['a', { reason: 'outclaimed', by: 'b' }]],
  });
});

test("the agent that ran git commit wins; others only with file evidence, even against it", () => {
  assert.equal(verdicts([{ id: 'a', overlap: null }, { id: 'b', overlap: null, agentCommit: true }, { id: 'c', overlap: 0.5 }, { id: 'd', overlap: 0, agentCommit: true }]), {
    won: ['b', 'c'],
    lost: [
      ['a', { reason: 'agent-commit', by: 'b' }],
      ['d', { reason: 'no-overlap' }],
    ],
  });
});

test.run();

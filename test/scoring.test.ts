import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planAuto } from '../lib/linking/auto.js';
import { sessionFacts, type CommitFacts } from '../lib/linking/facts.js';
import type { CompleteSession } from '../lib/sessions/session.js';

const ROOT = '/home/me/shop';
const T = Date.parse('2026-01-13T10:30:00Z');
const min = 60_000;

const commit: CommitFacts = {
  sha: 'a'.repeat(40),
  subject: 'Fix login bug',
  authorTime: T,
  committerTime: T,
  authorEmail: 'me@example.com',
  committerEmail: 'me@example.com',
};
const commitFiles = ['lib/auth.ts', 'lib/session.ts', 'test/auth.test.ts'];

interface Case {
  name: string;
  start: number;
  end: number | null;
  branch?: string;
  files?: string[] | null;
  cwd?: string;
  userEmail?: string;
  expect: (confidence: number | undefined) => boolean;
  want: string;
}

function score(c: Case): number | undefined {
  const s: CompleteSession = {
    id: 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f',
    cwd: c.cwd ?? ROOT,
    startedAt: c.start,
    endedAt: c.end,
    branch: c.branch,
    branches: c.branch ? [c.branch] : [],
    files: c.files === undefined ? null : c.files,
  };
  const plan = planAuto({
    commit,
    commitFiles,
    commitBranches: ['main'],
    sessions: [sessionFacts(s, s.cwd, ROOT)],
    root: ROOT,
    threshold: 0.6,
    userEmail: c.userEmail ?? 'me@example.com',
  });
  return plan.candidates[0]?.confidence;
}

const cases: Case[] = [
  { name: 'active at commit time, same branch, touched every file', start: T - 30 * min, end: null, branch: 'main', files: commitFiles, expect: (c) => c! >= 0.9, want: '>= 0.9' },
  { name: 'ended after the commit, same branch, all files as absolute paths', start: T - 30 * min, end: T + 10 * min, branch: 'main', files: commitFiles.map((f) => `${ROOT}/${f}`), expect: (c) => c! >= 0.9, want: '>= 0.9' },
  { name: 'subdirectory cwd with relative and ./ paths', cwd: `${ROOT}/lib`, start: T - 30 * min, end: null, branch: 'main', files: ['./auth.ts', 'session.ts', '../test/auth.test.ts'], expect: (c) => c! >= 0.9, want: '>= 0.9' },
  { name: 'active at commit time, same branch, no file data', start: T - 30 * min, end: null, branch: 'main', files: null, expect: (c) => c! >= 0.6, want: '>= 0.6' },
  { name: 'active at commit time, same branch, zero overlap', start: T - 30 * min, end: null, branch: 'main', files: ['README.md'], expect: (c) => c! < 0.6, want: '< 0.6' },
  { name: 'ended 4 minutes before the commit (grace), same branch, no file data', start: T - 60 * min, end: T - 4 * min, branch: 'main', expect: (c) => c! >= 0.6, want: '>= 0.6' },
  { name: 'ended an hour before, other branch, other files', start: T - 120 * min, end: T - 60 * min, branch: 'feature', files: ['README.md'], expect: (c) => c === undefined || c < 0.2, want: 'below 0.2' },
  { name: 'hours away, other branch, other files', start: T - 8 * 60 * min, end: T - 6 * 60 * min, branch: 'feature', files: ['README.md'], expect: (c) => c === undefined, want: 'not a candidate' },
  { name: 'a sibling directory /home/me/shop-old is not this repository', cwd: `${ROOT}-old`, start: T - 30 * min, end: null, branch: 'main', files: commitFiles, expect: (c) => c === undefined, want: 'not a candidate' },
  { name: 'started after the commit', start: T + 3 * 60 * min, end: null, branch: 'main', files: commitFiles, expect: (c) => c === undefined, want: 'not a candidate' },
  { name: "a teammate's commit, even with every file and the branch matching", userEmail: 'other@example.com', start: T - 30 * min, end: null, branch: 'main', files: commitFiles, expect: (c) => c! < 0.6, want: '< 0.6' },
  { name: 'partial overlap, same branch', start: T - 30 * min, end: null, branch: 'main', files: ['lib/auth.ts'], expect: (c) => c! >= 0.6 && c! < 0.7, want: 'between 0.6 and 0.7' },
];

const table = suite('auto scoring table');
for (const c of cases) {
  table(c.name, () => {
    const got = score(c);
    assert.ok(c.expect(got), `${c.name}: confidence ${got} should be ${c.want}`);
  });
}
table.run();

const linked = suite('auto planner: a commit already linked');
linked('a session the note links already is set apart from the accepted, still scored', () => {
  const session = (id: string): CompleteSession => ({ id, cwd: ROOT, startedAt: T - 30 * min, endedAt: null, branch: 'main', branches: ['main'], files: commitFiles });
  const a = 'c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f';
  const b = 'd1e2f3a4-0000-4000-8000-000000000001';
  const input = { commit, commitFiles, commitBranches: ['main'], sessions: [a, b].map((id) => sessionFacts(session(id), ROOT, ROOT)), root: ROOT, threshold: 0.6, userEmail: 'me@example.com' };
  const fresh = planAuto(input);
  assert.equal(fresh.accepted.map((c) => c.facts.session.id).sort(), [a, b]);
  assert.equal(fresh.linked, []);
  const again = planAuto({ ...input, linked: new Set([a]) });
  assert.equal(again.accepted.map((c) => c.facts.session.id), [b]);
  assert.equal(again.linked.map((c) => c.facts.session.id), [a]);
  assert.is(again.candidates.length, 2);
});
linked.run();

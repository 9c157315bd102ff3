/**
 * A history of git/git's shape, generated in one `git fast-import`: twenty years of topic
 * branches merged into master by one maintainer (a fifth to a quarter of the commits are
 * merges), thousands of authors with a few prolific ones, 4,000 files, a maint branch and
 * a few unmerged topics. Our user is one contributor among them, busier in the
 * last two years, when their ended sessions happened.
 */
import { appendFileSync } from 'node:fs';
import { mulberry32 } from '../test/helpers/random.js';
import { data, fastImport, git, initRepo, ME } from './data.js';

const T0 = Date.parse('2005-04-07T00:00:00Z') / 1000;
const SPAN_S = 20 * 365 * 86400;
const MAINTAINER = 'maintainer@example.org';
/** 16 × 16 directories of 16 files: git/git's 4,000 files. */
const FANOUT = 16;
/** The share of history in which our user works with sessions, and their share of its commits. */
const RECENT = 0.1;
const MY_SHARE = 0.08;
/** Topics in flight at once: their commits interleave, as in a busy project. */
const SLOTS = 4;

export interface RealHistory {
  dir: string;
  commits: number;
  /** Our user's commits (not merges) in the recent part: author time (s) and files; the last is master's tip. */
  mine: { time: number; files: string[] }[];
}

/**
 * Topics fork from master's tip by name, and master continues without `from`: fast-import
 * then copies trees it holds in memory instead of reading them back from its pack (which
 * made 82,000 commits take minutes).
 */
export function makeRealHistory(dir: string, env: NodeJS.ProcessEnv, commits: number, seed: number): RealHistory {
  const rnd = mulberry32(seed);
  initRepo(dir, env);
  const authors = Math.max(50, Math.round(commits / 30));
  // A few authors write most commits, as in any long-lived project; so with files.
  const author = () => `dev${Math.floor(authors * rnd() ** 4)}@example.org`;
  const skewed = () => Math.floor(FANOUT * rnd() ** 2).toString(16);
  const path = () => `${skewed()}/${skewed()}/f${skewed()}.c`;
  const parts: string[] = [];
  const mine: RealHistory['mine'] = [];
  let made = 0;
  const at = (n: number) => T0 + Math.floor((n / commits) * SPAN_S);

  const emit = (ref: string, who: string, authored: number, msg: string, head: string[], files: Map<string, string>) => {
    made++;
    parts.push(`commit ${ref}\nauthor A <${who}> ${authored} +0000\ncommitter M <${MAINTAINER}> ${at(made)} +0000\n`, data(msg), ...head);
    for (const [f, text] of files) parts.push(`M 644 inline ${f}\n`, data(text));
    parts.push('\n');
  };

  emit('refs/heads/master', author(), T0, 'initial', [], new Map([['README', 'hello\n']]));
  // Each slot: the files its topic changed so far, or null when no topic is open in it.
  const slots: (Map<string, string> | null)[] = Array.from({ length: SLOTS }, () => null);
  while (made < commits - 1) {
    if (made === Math.floor(commits * 0.97)) parts.push('reset refs/heads/maint\nfrom refs/heads/master\n\n');
    const k = Math.floor(rnd() * SLOTS);
    const ref = `refs/heads/topic-${k}`;
    const open = slots[k];
    if (open && open.size > 0 && rnd() < 0.3) {
      // The merge brings the topic's files into master.
      emit('refs/heads/master', MAINTAINER, at(made), `Merge branch 'topic-${made}'`, [`merge ${ref}\n`], open);
      slots[k] = null;
      continue;
    }
    const recent = made >= commits * (1 - RECENT);
    const who = recent && rnd() < MY_SHARE ? ME : author();
    const authored = at(made) - Math.floor(rnd() * 3 * 86400);
    const files = new Map(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => [path(), `${made}\n`] as [string, string]));
    emit(ref, who, authored, `change ${made}: ${[...files.keys()][0]}`, open ? [] : ['from refs/heads/master\n'], files);
    if (who === ME && recent) mine.push({ time: authored, files: [...files.keys()] });
    slots[k] = new Map([...(open ?? []), ...files]);
  }
  // The commit `lore link --auto` is asked about: our user's, just made, at the tip of master.
  const files = new Map([[path(), 'last\n'], [path(), 'last\n']]);
  emit('refs/heads/master', ME, at(commits), 'the commit just made', [], files);
  mine.push({ time: at(commits), files: [...files.keys()] });
  fastImport(dir, env, parts.join(''), [`--active-branches=${SLOTS + 2}`]);
  git(dir, env, ['checkout', '-q', '-f', 'master']);
  return { dir, commits: made, mine };
}

/**
 * One ended session around each of `count` of our user's recent commits, the last one
 * around the commit at the tip of master; most carry their files.
 */
export function addRealSessions(indexPath: string, h: RealHistory, count: number, seed: number): void {
  const rnd = mulberry32(seed);
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const c = k === count - 1 ? h.mine[h.mine.length - 1] : h.mine[Math.floor(rnd() * (h.mine.length - 1))];
    const start = c.time - (5 + Math.floor(rnd() * 55)) * 60;
    const end = c.time + (10 + Math.floor(rnd() * 110)) * 60;
    const line: Record<string, unknown> = {
      id: `7e${k.toString(16).padStart(6, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`,
      tool: 'claude-code',
      cwd: h.dir,
      branch: 'master',
      started_at: new Date(start * 1000).toISOString(),
      ended_at: new Date(end * 1000).toISOString(),
    };
    if (rnd() < 0.7) line.files = c.files;
    lines.push(JSON.stringify(line));
  }
  appendFileSync(indexPath, lines.join('\n') + '\n');
}

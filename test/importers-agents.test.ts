import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runImport } from '../lib/cli/import-run.js';
import { readAmpThread } from '../lib/sessions/importers/amp.js';
import { readCopilotLines } from '../lib/sessions/importers/copilot-cli.js';
import { readCursorLines } from '../lib/sessions/importers/cursor.js';
import { summarise } from '../lib/sessions/importers/progress.js';
import { importWorld, type ImportWorld } from './helpers/import-world.js';
import { recordingIo } from './helpers/io.js';

/** Cursor, Copilot CLI and Amp, parsed and imported from their real fixtures. */
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sessions');
const AMP_PLAN = 'T-019ca1ce-3ae2-7686-a41e-ccc078837f8a';
const AMP_EDIT = 'T-019ca1f6-7f21-77b5-a308-65416ebbdf48';
const CURSOR_SLUG = 'Users-aidancunniffe-Desktop-testing-gitflows-git-ai';
const CURSOR_LOG = join(FIXTURES, 'cursor', CURSOR_SLUG, 'agent-transcripts', 'cursor-session-simple.jsonl');
const COPILOT_ID = '301561f1-558a-43e9-a144-82d3ca12ab62';
const COPILOT_LOG = join(FIXTURES, 'copilot-cli', COPILOT_ID, 'events.jsonl');

const ms = (iso: string) => Date.parse(iso);
const text = (path: string) => readFileSync(path, 'utf8');
const lines = (path: string) => text(path).split('\n');
const ampThread = (id: string) => text(join(FIXTURES, 'amp', `${id}.json`));

const AMP_REPO = '/Users/svarlamov/projects/testing-git-amp';
const REAL_AMP_EDIT = {
  tool: 'amp',
  id: AMP_EDIT,
  cwd: AMP_REPO,
  branch: 'master',
  startedAt: 1772243812131,
  endedAt: ms('2026-02-28T01:57:00.163Z'),
  // A Read and then an edit_file of the same file: only the edit counts.
  files: [`${AMP_REPO}/jokes.csv`],
  // Amp's own title for the thread wins over the first prompt, as Claude Code's summary does.
  title: 'Read jokes CSV and append new row',
};

const CURSOR_REPO = '/Users/aidancunniffe/Desktop/testing-gitflows-git-ai';
const COPILOT = {
  tool: 'copilot-cli',
  id: COPILOT_ID,
  cwd: '/Users/test/project',
  branch: 'master',
  startedAt: ms('2026-05-12T00:21:05.216Z'),
  endedAt: ms('2026-05-12T00:21:12.500Z'),
  files: ['/Users/test/project/hello.py'],
  title: 'create a hello world file',
};

const amp = suite('Amp parser');

amp('the real threads: id, times, cwd and branch from the tree, title, edited files only', () => {
  const r = readAmpThread(ampThread(AMP_EDIT));
  assert.is(r.malformed, 0);
  assert.equal(r.sessions.map(summarise), [REAL_AMP_EDIT]);
  // The plan thread only read files: no edit seen, so no files (unknown, not "none").
  const plan = readAmpThread(ampThread(AMP_PLAN)).sessions.map(summarise)[0];
  assert.equal([plan.id, plan.cwd, plan.startedAt, plan.endedAt, plan.files, plan.title], [AMP_PLAN, AMP_REPO, 1772241173221, ms('2026-02-28T01:13:38.820Z'), [], 'Add jokes CLI with CSV data source']);
});

amp('an edit whose result is not done changed nothing; with no title the first prompt names the thread', () => {
  const doc = JSON.parse(ampThread(AMP_EDIT));
  delete doc.title;
  for (const m of doc.messages) for (const b of m.content) if (b.type === 'tool_result') b.run.status = 'error';
  const p = readAmpThread(JSON.stringify(doc)).sessions.map(summarise)[0];
  assert.equal([p.files, p.title], [[], 'Read jokes.csv and append one new joke row']);
});

amp('a thread that is not JSON, or has no messages, is one malformed document', () => {
  assert.equal(readAmpThread('{"id": "T-cut off'), { sessions: [], malformed: 1 });
  assert.equal(readAmpThread('{"id": "T-1"}'), { sessions: [], malformed: 1 });
});

amp.run();

const cursor = suite('Cursor parser');
const cursorLog = (path = CURSOR_LOG, mtimeMs = ms('2026-04-02T10:00:00Z')) => ({ path, mtimeMs });

cursor('the real transcript: id from its name, cwd from the slug and its paths, title, Write only', () => {
  const r = readCursorLines(lines(CURSOR_LOG), undefined, cursorLog(), { knownDirs: [] });
  assert.is(r.malformed, 0);
  assert.equal(summarise(r.progress), {
    tool: 'cursor',
    id: 'cursor-session-simple',
    cwd: CURSOR_REPO,
    branch: undefined,
    // No line has a time: the log's mtime is when it was last written.
    startedAt: ms('2026-04-02T10:00:00Z'),
    endedAt: ms('2026-04-02T10:00:00Z'),
    // Reads of the repository and of Cursor's own agent-tools files are not edits.
    files: [`${CURSOR_REPO}/hbo-shows-1990s.txt`],
    // The <user_query> wrapper is not the prompt.
    title: "Generate a file with all the HBO shows from the 90's in it",
  });
});

cursor('with no absolute path the slug is matched to a directory lore knows, or the cwd is left unknown', () => {
  const onlyPrompt = [lines(CURSOR_LOG)[0]];
  const known = readCursorLines(onlyPrompt, undefined, cursorLog(), { knownDirs: ['/elsewhere', CURSOR_REPO] });
  assert.is(known.progress.cwd, CURSOR_REPO);
  const unknown = readCursorLines(onlyPrompt, undefined, cursorLog(), { knownDirs: ['/elsewhere'] });
  assert.is(unknown.progress.cwd, undefined);
  assert.equal(unknown.progress.files, []);
});

cursor("the file's creation, where the file system keeps it and it is not after the mtime, is the start", () => {
  const start = (birthtimeMs: number) => readCursorLines(lines(CURSOR_LOG), undefined, { ...cursorLog(), birthtimeMs }, { knownDirs: [] }).progress.startedAt;
  assert.is(start(ms('2026-04-02T09:30:00Z')), ms('2026-04-02T09:30:00Z'));
  // A copy is created after the mtime it kept; a file system without birth times says 0.
  assert.is(start(ms('2026-04-03T00:00:00Z')), ms('2026-04-02T10:00:00Z'));
  assert.is(start(0), ms('2026-04-02T10:00:00Z'));
});

cursor('a line that is not JSON is counted and skipped', () => {
  const r = readCursorLines([...lines(CURSOR_LOG).slice(0, 3), '{"role":"assistant","mess'], undefined, cursorLog(), { knownDirs: [] });
  assert.is(r.malformed, 1);
  assert.is(r.progress.firstPrompt, "Generate a file with all the HBO shows from the 90's in it");
});

cursor.run();

const copilot = suite('Copilot CLI parser');

copilot('the real event stream: id, times, cwd and branch from session.start, title, created file', () => {
  const r = readCopilotLines(lines(COPILOT_LOG), undefined, { path: COPILOT_LOG });
  assert.is(r.malformed, 0);
  assert.equal(summarise(r.progress), COPILOT);
  // The log's own sessionId wins over a directory that was renamed.
  assert.is(readCopilotLines(lines(COPILOT_LOG), undefined, { path: '/backup/renamed/events.jsonl' }).progress.id, COPILOT_ID);
});

copilot('a call whose completion failed changed nothing; a bad line is counted; a legacy <id>.jsonl is named by its file', () => {
  const events = lines(COPILOT_LOG).map((l) => l.replace('"result_type":"success"', '"result_type":"failure"'));
  const legacy = join(dirname(dirname(COPILOT_LOG)), '0a1b2c3d-0000-4000-8000-000000000001.jsonl');
  const noStart = events.filter((l) => !l.includes('"session.start"'));
  const r = readCopilotLines([...noStart, 'not json'], undefined, { path: legacy });
  assert.equal([r.progress.id, r.progress.files, r.malformed], ['0a1b2c3d-0000-4000-8000-000000000001', [], 1]);
});

copilot.run();

type World = ImportWorld;

const CURSOR_MTIME = ms('2026-04-02T10:00:00Z');

/** A home with each tool's real logs where the tool writes them. */
function makeWorld(): World {
  return importWorld(
    'lore-import-agents-',
    (home, dir) => {
      cpSync(join(FIXTURES, 'amp'), join(home, '.local', 'share', 'amp', 'threads'), { recursive: true });
      cpSync(join(FIXTURES, 'cursor'), join(home, '.cursor', 'projects'), { recursive: true });
      cpSync(join(FIXTURES, 'copilot-cli'), join(home, '.copilot', 'session-state'), { recursive: true });
      const transcript = join(home, '.cursor', 'projects', CURSOR_SLUG, 'agent-transcripts', 'cursor-session-simple.jsonl');
      utimesSync(transcript, CURSOR_MTIME / 1000, CURSOR_MTIME / 1000);
      return dir;
    },
    { link: false },
  );
}

const imp = suite<{ w: World }>('lore import, Cursor, Copilot CLI and Amp');
imp.before.each((ctx) => {
  ctx.w = makeWorld();
});
imp.after.each((ctx) => rmSync(ctx.w.dir, { recursive: true, force: true }));

imp('finds each tool at its default place; each session has its fields and its log path', async ({ w }) => {
  const r = await runImport(w.opts, w.io);
  const cursorDir = join(w.home, '.cursor', 'projects');
  const copilotDir = join(w.home, '.copilot', 'session-state');
  const ampDir = join(w.home, '.local', 'share', 'amp', 'threads');
  assert.equal(w.out.slice(2), [
    `cursor: 1 session(s) imported (1 new, 0 updated) from 1 log file(s) in ${cursorDir}`,
    `copilot-cli: 1 session(s) imported (1 new, 0 updated) from 1 log file(s) in ${copilotDir}`,
    `amp: 2 session(s) imported (2 new, 0 updated) from 2 log file(s) in ${ampDir}`,
  ]);
  assert.equal(w.err, []);
  const all = w.sessions();
  const c = all.get('cursor-session-simple')!;
  assert.equal([c.tool, c.cwd, c.startedAt, c.endedAt, c.files, c.log], ['cursor', CURSOR_REPO, CURSOR_MTIME, CURSOR_MTIME, [`${CURSOR_REPO}/hbo-shows-1990s.txt`], join(cursorDir, CURSOR_SLUG, 'agent-transcripts', 'cursor-session-simple.jsonl')]);
  const p = all.get(COPILOT_ID)!;
  // The index keeps whole seconds.
  assert.equal([p.tool, p.cwd, p.branch, p.startedAt, p.endedAt, p.files, p.title, p.log], ['copilot-cli', COPILOT.cwd, 'master', ms('2026-05-12T00:21:05Z'), ms('2026-05-12T00:21:12Z'), COPILOT.files, COPILOT.title, join(copilotDir, COPILOT_ID, 'events.jsonl')]);
  const a = all.get(AMP_EDIT)!;
  assert.equal([a.tool, a.cwd, a.branch, a.files, a.title, a.log], ['amp', AMP_REPO, 'master', REAL_AMP_EDIT.files, REAL_AMP_EDIT.title, join(ampDir, `${AMP_EDIT}.json`)]);
  // The thread that only read files gets no `files` line at all.
  assert.is(r.lines.find((l) => l.id === AMP_PLAN)!.files, undefined);
});

imp("a Cursor transcript written here starts when the file was created and ends at its mtime", async ({ w }) => {
  const transcript = join(w.home, '.cursor', 'projects', CURSOR_SLUG, 'agent-transcripts', 'fresh.jsonl');
  writeFileSync(transcript, text(CURSOR_LOG));
  const { birthtimeMs } = statSync(transcript);
  const end = Math.floor(birthtimeMs / 1000) + 3600;
  utimesSync(transcript, end, end);
  await runImport(w.opts, w.io);
  const s = w.sessions().get('fresh')!;
  // The index keeps whole seconds; a file system without birth times would give the mtime.
  assert.equal([s.startedAt, s.endedAt], [birthtimeMs > 0 ? Math.floor(birthtimeMs / 1000) * 1000 : end * 1000, end * 1000]);
});

imp('importing twice appends nothing; a grown event stream or a rewritten thread adds only what changed', async ({ w }) => {
  await runImport(w.opts, w.io);
  const before = text(w.opts.indexPath);
  assert.is((await runImport(w.opts, w.io)).lines.length, 0);
  assert.is(text(w.opts.indexPath), before);

  const events = join(w.home, '.copilot', 'session-state', COPILOT_ID, 'events.jsonl');
  appendFileSync(
    events,
    [
      '{"type":"tool.execution_start","data":{"toolCallId":"t2","toolName":"str_replace","arguments":{"path":"/Users/test/project/README.md"}},"id":"e2","timestamp":"2026-05-12T00:25:00.000Z","parentId":null}',
      '{"type":"tool.execution_start","data":{"toolCallId":"t3","toolName":"view","arguments":{"path":"/Users/test/project/setup.py"}},"id":"e3","timestamp":"2026-05-12T00:25:01.000Z","parentId":null}',
      '',
    ].join('\n'),
  );
  const thread = join(w.home, '.local', 'share', 'amp', 'threads', `${AMP_PLAN}.json`);
  const doc = JSON.parse(text(thread));
  doc.messages.push(
    { role: 'assistant', messageId: 6, content: [{ type: 'tool_use', id: 'x1', name: 'create_file', input: { path: `${AMP_REPO}/cli.ts` } }], usage: { timestamp: '2026-02-28T01:20:00.000Z' } },
    { role: 'user', messageId: 7, content: [{ type: 'tool_result', toolUseID: 'x1', run: { status: 'done' } }] },
  );
  writeFileSync(thread, JSON.stringify(doc, null, 2));
  const r = await runImport(w.opts, w.io);
  assert.equal(r.lines, [
    { id: COPILOT_ID, files: ['/Users/test/project/README.md'], endedAt: ms('2026-05-12T00:25:01.000Z') },
    { id: AMP_PLAN, files: [`${AMP_REPO}/cli.ts`], endedAt: ms('2026-02-28T01:20:00.000Z') },
  ]);
});

imp("an older Copilot CLI build's <uuid>.jsonl is found beside the session directories; other JSON Lines files are not logs", async ({ w }) => {
  const state = join(w.home, '.copilot', 'session-state');
  const legacyId = '0a1b2c3d-0000-4000-8000-000000000001';
  writeFileSync(join(state, `${legacyId}.jsonl`), text(COPILOT_LOG).replace(COPILOT_ID, legacyId));
  mkdirSync(join(state, COPILOT_ID, 'checkpoints'));
  writeFileSync(join(state, COPILOT_ID, 'checkpoints', 'index.jsonl'), '{"not":"a session"}\n');
  await runImport(w.opts, w.io);
  assert.match(w.out.join('\n'), `copilot-cli: 2 session(s) imported (2 new, 0 updated) from 2 log file(s) in ${state}`);
  assert.is(w.sessions().get(legacyId)!.log, join(state, `${legacyId}.jsonl`));
});

imp('a corrupt line or thread is reported and skipped; the rest is imported and not warned about again', async ({ w }) => {
  const events = join(w.home, '.copilot', 'session-state', COPILOT_ID, 'events.jsonl');
  writeFileSync(events, text(events).replace('\n', '\n{"type":"session.model_change","da\n'));
  const broken = join(w.home, '.local', 'share', 'amp', 'threads', 'T-broken.json');
  writeFileSync(broken, '{"v": 3, "id": "T-broken", "messages": [');
  await runImport(w.opts, w.io);
  assert.equal(w.err, [`Warning: ${events}: skipped 1 line(s) that are not JSON objects`, `Warning: ${broken}: skipped 1 line(s) that are not JSON objects`]);
  assert.equal(w.sessions().get(COPILOT_ID)!.files, COPILOT.files);
  assert.ok(w.sessions().has(AMP_EDIT));
  await runImport(w.opts, w.io);
  assert.is(w.err.length, 2);
});

imp("each tool's own override variable, and --from, point it elsewhere", async ({ w }) => {
  const moved = join(w.dir, 'moved');
  cpSync(join(w.home, '.copilot'), join(moved, 'copilot'), { recursive: true });
  cpSync(join(w.home, '.cursor'), join(moved, 'cursor'), { recursive: true });
  cpSync(join(w.home, '.local', 'share'), join(moved, 'data'), { recursive: true });
  rmSync(w.home, { recursive: true });
  const env = { HOME: w.home, COPILOT_HOME: join(moved, 'copilot'), CURSOR_CONFIG_DIR: join(moved, 'cursor'), XDG_DATA_HOME: join(moved, 'data') };
  await runImport({ ...w.opts, env }, w.io);
  assert.equal(w.out.slice(2).map((l) => l.split(' in ')[1]), [join(moved, 'cursor', 'projects'), join(moved, 'copilot', 'session-state'), join(moved, 'data', 'amp', 'threads')]);
  assert.is(w.sessions().size, 4);

  // --from names the directory itself, whatever the environment says.
  const { io, out } = recordingIo();
  const fresh = { indexPath: join(w.dir, 'other', 'sessions.jsonl'), statePath: join(w.dir, 'other', 'import-state.json') };
  await runImport({ ...w.opts, ...fresh, from: { amp: join(moved, 'data', 'amp', 'threads') } }, io);
  assert.equal(out.slice(2), [`amp: 2 session(s) imported (2 new, 0 updated) from 2 log file(s) in ${join(moved, 'data', 'amp', 'threads')}`]);
});

imp.run();

/**
 * Session indexes the way agent hooks write them over months: per session a start, one
 * line per edit (a file of the session's few, with `seen_at`), a branch switch now and
 * then, `git commit` starts and ends, a resume, the end. Deterministic for a seed; written
 * in batches, so a year of it (a million lines) never sits in memory at once.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { mulberry32 } from './random.js';

export interface IndexShape {
  sessions: number;
  /** Edit lines per session. */
  edits: number;
  seed: number;
  /** The directory the sessions worked in. */
  cwd: string;
  /** When the first session started (ms); each lasts an hour, the next starts after it. */
  from: number;
  /** Every this many lines, one that is not JSON (0: none). */
  malformedEvery?: number;
  /** The last this many sessions are left active. */
  active?: number;
}

export const generatedId = (seed: number, k: number) => `${(seed & 0xff).toString(16).padStart(2, '0')}${k.toString(16).padStart(6, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const HOUR = 3_600_000;

/** Appends the index to `path`; returns the ids in order. */
export function writeIndex(path: string, shape: IndexShape): string[] {
  const rnd = mulberry32(shape.seed);
  mkdirSync(dirname(path), { recursive: true });
  const ids: string[] = [];
  let batch: string[] = [];
  let count = 0;
  const put = (o: Record<string, unknown> | string) => {
    batch.push(typeof o === 'string' ? o : JSON.stringify(o));
    if (shape.malformedEvery && ++count % shape.malformedEvery === 0) batch.push(`{"id": "broken line ${count}`);
    if (batch.length >= 10_000) flush();
  };
  const flush = () => {
    if (batch.length > 0) appendFileSync(path, batch.join('\n') + '\n');
    batch = [];
  };
  for (let k = 0; k < shape.sessions; k++) {
    // Upper-case now and then: ids are compared as the contract says, lower-cased.
    const id = generatedId(shape.seed, k);
    const written = rnd() < 0.05 ? id.toUpperCase() : id;
    ids.push(id);
    const start = shape.from + k * HOUR;
    const files = Array.from({ length: 3 + Math.floor(rnd() * 25) }, (_, i) => `src/m${Math.floor(rnd() * 800)}-${i}.ts`);
    put({ id: written, tool: rnd() < 0.8 ? 'claude-code' : 'codex', cwd: shape.cwd, branch: 'main', started_at: iso(start), ended_at: null, seen_at: iso(start) });
    for (let e = 0; e < shape.edits; e++) {
      const at = start + Math.floor(((e + 1) / (shape.edits + 1)) * 50 * 60_000);
      const r = rnd();
      if (r < 0.01) put({ id, branch: `feature-${Math.floor(rnd() * 4)}`, seen_at: iso(at) });
      else if (r < 0.02) put({ id, committing_at: iso(at) });
      else if (r < 0.03) put({ id, committing_at: null });
      else if (r < 0.035) put({ id, title: `work ${k}.${e}` });
      else put({ id, files: [files[Math.floor(rnd() * files.length)]], seen_at: iso(at) });
    }
    if (k >= shape.sessions - (shape.active ?? 0)) continue;
    put({ id, ended_at: iso(start + 55 * 60_000) });
    if (rnd() < 0.03) {
      put({ id, ended_at: null, seen_at: iso(start + 56 * 60_000) }); // resumed
      put({ id, ended_at: iso(start + 58 * 60_000) });
    }
  }
  flush();
  return ids;
}

/**
 * Writing this clone's session records to refs/lore/sessions (lore sync, when sharing is
 * on): each session linked to a commit here (its notes) that the local index knows gets
 * a record at the clone's share level, built from the index and the session's own log,
 * redacted. A record that would say what it says already is left as it is, so a sync
 * with nothing new writes nothing and `shared_at` keeps meaning when it was shared.
 */
import type { Identity, Repo } from '../git/repo.js';
import type { RecordChanges, RecordsStore } from '../git/session-records.js';
import { readSessionContext } from '../sessions/context/read-context.js';
import type { SessionIndex } from '../sessions/index-file.js';
import type { Session } from '../sessions/session.js';
import { buildSharedRecord } from '../sessions/shared-build.js';
import { formatSharedRecord, parseSharedRecord, recordPath, shareableId, type ShareLevel, type SharedRecord } from '../sessions/shared-record.js';
import { sessionFacts } from '../linking/facts.js';
import { LoreError } from '../errors.js';
import { realDir } from './place.js';
import { linkedIds } from './show.js';
import { recordsMessages } from './sync-messages.js';

const LOCAL_ATTEMPTS = 20;

/** An ended session already shared at this level: its log can add nothing, so it is not read again. */
function settled(s: Session, old: SharedRecord | null, level: ShareLevel): boolean {
  return old !== null && old.share === level && s.endedAt !== null && old.ended_at !== undefined && Date.parse(old.ended_at) === Math.floor(s.endedAt / 1000) * 1000;
}

function recordOf(s: Session, level: ShareLevel, root: string, who: Identity, now: number): SharedRecord {
  const read = readSessionContext(s);
  const context = read.kind === 'read' ? read.context : undefined;
  const cwd = s.cwd ?? root;
  const files = [...new Set([...(s.files ?? []), ...(context?.files ?? [])])];
  const placed = sessionFacts({ ...s, cwd, startedAt: s.startedAt ?? 0, files }, realDir(cwd), root);
  return buildSharedRecord({ session: s, context, files: [...(placed.files ?? [])], level, sharedBy: who.email || undefined, now });
}

/** The records to write: new ones, and those whose content changed (not counting when or by whom). */
function changesFor(sessions: Session[], current: Map<string, string>, level: ShareLevel, root: string, who: Identity, now: number): RecordChanges {
  const changes: RecordChanges = new Map();
  for (const s of sessions) {
    const path = recordPath(s.id.toLowerCase());
    const oldText = current.get(path);
    const old = oldText === undefined ? null : parseSharedRecord(oldText);
    if (settled(s, old, level)) continue;
    const next = recordOf(s, level, root, who, now);
    if (old && oldText === formatSharedRecord({ ...next, shared_by: old.shared_by, shared_at: old.shared_at })) continue;
    changes.set(path, formatSharedRecord(next));
  }
  return changes;
}

/** Writes the records of this clone's linked sessions in one commit; returns how many were written. */
export async function writeRecords(repo: Repo, store: RecordsStore, index: SessionIndex, level: ShareLevel): Promise<number> {
  const ids = linkedIds((await repo.readAllNotes()).values());
  const sessions = [...ids].map((id) => index.sessions.get(id)).filter((s): s is Session => s !== undefined && shareableId(s.id.toLowerCase()));
  if (sessions.length === 0) return 0;
  const who = await repo.identity();
  for (let attempt = 0; attempt < LOCAL_ATTEMPTS; attempt++) {
    const tip = await store.tip();
    const changes = changesFor(sessions, await store.read(tip), level, repo.root, who, Date.now());
    if (changes.size === 0) return 0;
    const message = recordsMessages.commitMessage(changes.size);
    if (await store.move(await store.write(changes, tip ? [tip] : [], who, message), tip, message)) return changes.size;
  }
  throw new LoreError('NOTES_BUSY', recordsMessages.busy, 'Try again.');
}

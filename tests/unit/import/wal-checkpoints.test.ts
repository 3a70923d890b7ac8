import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFilesBatched } from '../../../main/core/import/batch.js';
import { BACKGROUND_CHECKPOINT_MIN_FILES, WalCheckpoints } from '../../../main/core/import/wal-checkpoints.js';
import { openDatabase, type Database } from '../../../main/db/open.js';
import type { ImportOutcome } from '../../../shared/contract.js';
import { tempDb } from '../../helpers/db.js';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
  t.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)');
});
afterEach(() => t.cleanup());

const size = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).size : 0);
const autocheckpoint = (db: Database): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;

/** One transaction writing `kib` KiB of fresh pages. */
function write(db: Database, kib: number): void {
  const ins = db.prepare('INSERT INTO filler (data) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < kib / 4; i++) ins.run(Buffer.alloc(4000, i % 251));
  })();
}

describe('WAL checkpoints on their own thread', () => {
  it('copies committed pages into the database file while the writing connection does not checkpoint', async () => {
    write(t.db, 64);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const c = WalCheckpoints.acquire(t.db);
    expect(c).not.toBeNull();
    expect(autocheckpoint(t.db)).toBe(0);

    const before = size(t.file);
    write(t.db, 2048);
    // The commit left everything in the log: the connection itself copied nothing.
    expect(size(t.file)).toBe(before);
    expect(size(`${t.file}-wal`)).toBeGreaterThan(2 * 1024 * 1024);

    c?.committed();
    await c?.settled();
    expect(size(t.file)).toBeGreaterThanOrEqual(before + 2 * 1024 * 1024);
    expect(c?.last).toMatchObject({ busy: 0 });
    const last = c?.last as { log: number; checkpointed: number };
    expect(last.checkpointed).toBe(last.log);
    await c?.release();
  });

  it('keeps the log bounded: past the limit, the next transaction waits for the copy and starts the log again', async () => {
    const limit = 1024 * 1024;
    const c = WalCheckpoints.acquire(t.db, { limitBytes: limit }) as WalCheckpoints;
    let most = 0;
    for (let i = 0; i < 24; i++) {
      await c.beforeTransaction();
      write(t.db, 512);
      c.committed();
      most = Math.max(most, size(`${t.file}-wal`));
    }
    // 12 MB written; the log never holds much more than the limit and one transaction.
    expect(most).toBeLessThanOrEqual(limit + 2 * 512 * 1024 + 64 * 1024);
    expect(t.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(24 * 128);
    await c.release();
  });

  it('cuts the log file back to the limit when it restarts, so its size tells when to wait', async () => {
    const limit = 1024 * 1024;
    const c = WalCheckpoints.acquire(t.db, { limitBytes: limit }) as WalCheckpoints;
    write(t.db, 1536);
    c.committed();
    expect(size(`${t.file}-wal`)).toBeGreaterThan(limit);
    await c.beforeTransaction();
    write(t.db, 128);
    expect(size(`${t.file}-wal`)).toBeLessThanOrEqual(limit);
    c.committed();
    await c.release();
  });

  it('is shared by the imports on one connection; the last one to end restores its checkpoints and truncates the log', async () => {
    const limitBefore = t.db.pragma('journal_size_limit', { simple: true });
    const a = WalCheckpoints.acquire(t.db);
    const b = WalCheckpoints.acquire(t.db);
    expect(b).toBe(a);
    write(t.db, 256);
    a?.committed();
    await a?.release();
    expect(autocheckpoint(t.db)).toBe(0);
    write(t.db, 256);
    b?.committed();
    await b?.release();
    expect(autocheckpoint(t.db)).toBe(1000);
    expect(t.db.pragma('journal_size_limit', { simple: true })).toBe(limitBefore);
    expect(size(`${t.file}-wal`)).toBe(0);
    // A later import gets a thread of its own again.
    const c = WalCheckpoints.acquire(t.db);
    expect(c).not.toBe(a);
    await c?.release();
  });

  it('gives no thread for an in-memory collection', () => {
    const db = openDatabase(':memory:');
    expect(WalCheckpoints.acquire(db)).toBeNull();
    db.close();
  });

  it('does not hold up an import when its thread ends: the connection checkpoints itself again', async () => {
    const c = WalCheckpoints.acquire(t.db, { limitBytes: 1024 }) as WalCheckpoints;
    const worker = (c as unknown as { worker: Worker }).worker;
    const ended = new Promise((r) => worker.once('exit', r));
    await worker.terminate();
    await ended;
    expect(autocheckpoint(t.db)).toBe(1000);
    write(t.db, 256);
    c.committed();
    await c.beforeTransaction();
    await c.release();
    expect(t.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(64);
  });
});

const story = (n: number) => `Kaimauer Nummer ${n} wird saniert

Lindhafen, 12. März 2025 (AFP) - Die Kaimauer Nummer ${n} in Lindhafen wird im Sommer saniert, teilte die Stadt mit. Das Hafenfest findet trotzdem statt.

ans/cha
`;

describe('folder import with checkpoints on their own thread', () => {
  it('imports everything; checkpoints stay off the connection while two imports run and are back after the last', async () => {
    const files: string[] = [];
    for (let i = 0; i < BACKGROUND_CHECKPOINT_MIN_FILES * 2; i++) {
      const f = path.join(t.dir, `kai-${String(i).padStart(3, '0')}.txt`);
      fs.writeFileSync(f, story(i));
      files.push(f);
    }
    const half = files.length / 2;
    const seen: number[] = [];
    const run = async (part: string[]): Promise<ImportOutcome[]> => {
      const out: ImportOutcome[] = [];
      for await (const o of importFilesBatched(t.db, part, { groupSize: 25, workers: 1, now: () => '2026-11-29T10:00:00.000Z' })) {
        seen.push(autocheckpoint(t.db));
        out.push(o);
      }
      return out;
    };
    const outcomes = (await Promise.all([run(files.slice(0, half)), run(files.slice(half))])).flat();
    expect(outcomes.filter((o) => o.ok)).toHaveLength(files.length);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(autocheckpoint(t.db)).toBe(1000);
    expect(size(`${t.file}-wal`)).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(files.length);
    expect(t.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kaimau'").pluck().get()).toBe(files.length);
  });
});

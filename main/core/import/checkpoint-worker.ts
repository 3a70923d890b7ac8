import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The WAL checkpoint thread of a bulk import (wal-checkpoints.ts): its own connection to the
 * collection file, which copies committed pages from the write-ahead log into the database file
 * while the main thread writes the next group. Receives `{ id, mode }`, answers `{ id, busy, log,
 * checkpointed }` as SQLite's `wal_checkpoint` reports them (or `{ id, error }`); `null` closes the
 * connection and ends the thread. It never writes rows and never waits for a lock.
 */
export type CheckpointMode = 'PASSIVE' | 'TRUNCATE';
export interface CheckpointRequest {
  id: number;
  mode: CheckpointMode;
}
export type CheckpointReply = { id: number; busy: number; log: number; checkpointed: number } | { id: number; error: string };
export interface CheckpointWorkerData {
  file: string;
}

const port = parentPort;
if (port) {
  const { file } = workerData as CheckpointWorkerData;
  const db = new BetterSqlite3(file, { fileMustExist: true });
  // As the app's own connection: the database file is synced after every checkpoint.
  db.pragma('synchronous = FULL');
  // A writer or reader in the way makes a checkpoint stop short (reported as busy), never wait.
  db.pragma('busy_timeout = 0');
  port.on('message', (req: CheckpointRequest | null) => {
    if (req === null) {
      db.close();
      port.close();
      return;
    }
    try {
      const [r] = db.pragma(`wal_checkpoint(${req.mode === 'TRUNCATE' ? 'TRUNCATE' : 'PASSIVE'})`) as { busy: number; log: number; checkpointed: number }[];
      port.postMessage({ id: req.id, busy: r?.busy ?? 1, log: r?.log ?? -1, checkpointed: r?.checkpointed ?? -1 } satisfies CheckpointReply);
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies CheckpointReply);
    }
  });
}

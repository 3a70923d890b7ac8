import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { CheckpointMode, CheckpointReply, CheckpointRequest, CheckpointWorkerData } from './checkpoint-worker.js';
import { startWorker, workerScript } from './worker-script.js';

/**
 * WAL checkpoints of a bulk import on their own thread (checkpoint-worker.ts).
 *
 * Every commit goes to the write-ahead log first; a checkpoint copies the log's pages into the
 * database file and syncs it. SQLite does that on the writing connection after a commit once the
 * log holds 1,000 pages, so a folder import's main thread stopped after every group to copy and
 * sync it: measured on 50,000 benchmark articles, a quarter of the time it spends writing
 * (docs/bench.md). While a bulk import runs, its connection does no checkpoints
 * (`wal_autocheckpoint = 0`); after each commit this thread copies the log while the main thread
 * writes the next group.
 *
 * The log is kept bounded: SQLite starts it from its beginning again when a transaction begins
 * after everything in it has been copied. Once the log has grown past `limitBytes`, the next
 * group waits for the checkpoint in flight, so its transaction restarts the log
 * (`journal_size_limit` cuts the file back to the limit then, so the file size tells how much the
 * log holds). When the last import ends, the connection's own checkpoints are restored and the log
 * is copied and truncated before the import reports that it is done.
 *
 * Nothing depends on this thread for correctness: committed data is durable in the log either way.
 * Without the thread (an in-memory collection, a bundle without the worker file, a worker that
 * ends), the connection checkpoints as before.
 */

/** Log size after which the next group of a bulk import waits for the checkpoint in flight. */
export const WAL_CHECKPOINT_LIMIT_BYTES = 256 * 1024 * 1024;

/** Imports of at least this many files checkpoint on the thread (starting it costs a few ms). */
export const BACKGROUND_CHECKPOINT_MIN_FILES = 100;

// One checkpoint thread per connection, shared by the imports running on it (the app window sends a
// folder as several `import.paths` calls at a time).
const shared = new WeakMap<Database, WalCheckpoints>();

export class WalCheckpoints {
  private readonly worker: Worker;
  private readonly walFile: string;
  private readonly saved: { autocheckpoint: number; sizeLimit: number };
  private readonly waiting = new Map<number, (r: CheckpointReply | null) => void>();
  private users = 0;
  private nextId = 1;
  private running: Promise<void> | null = null;
  private again = false;
  private broken = false;
  private restored = false;
  /** The worker's last answer (frames in the log, frames copied), for tests. */
  last: CheckpointReply | null = null;

  private constructor(
    private readonly db: Database,
    script: URL,
    private readonly limitBytes: number,
  ) {
    const file = path.resolve(db.name);
    this.walFile = `${file}-wal`;
    this.saved = {
      autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
      sizeLimit: db.pragma('journal_size_limit', { simple: true }) as number,
    };
    this.worker = startWorker(script, { workerData: { file } satisfies CheckpointWorkerData });
    this.worker.on('message', (m: CheckpointReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      w?.(m);
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
    // An idle thread does not keep the process alive; one that is copying does (send).
    this.worker.unref();
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${Math.trunc(limitBytes)}`);
  }

  /**
   * The checkpoint thread of `db` for one more bulk import (release it when done), or null where
   * none can run: an in-memory or read-only collection, one not in WAL mode, no worker script.
   */
  static acquire(db: Database, opts: { limitBytes?: number } = {}): WalCheckpoints | null {
    let c = shared.get(db);
    if (!c) {
      if (!db.open || db.memory || db.readonly) return null;
      if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
      const script = workerScript('checkpoint-worker');
      if (!script) return null;
      try {
        c = new WalCheckpoints(db, script, opts.limitBytes ?? WAL_CHECKPOINT_LIMIT_BYTES);
      } catch {
        return null;
      }
      shared.set(db, c);
    }
    c.users++;
    return c;
  }

  /** After a commit: the thread copies the log (once more after the checkpoint in flight, if one is). */
  committed(): void {
    if (this.broken) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.copyUntilCurrent();
  }

  /**
   * Before a transaction: when the log has grown past the limit, waits until everything committed
   * so far is copied, so that this transaction starts the log from its beginning.
   */
  async beforeTransaction(): Promise<void> {
    if (this.broken || walBytes(this.walFile) <= this.limitBytes) return;
    if (!this.running) this.committed();
    await this.running;
  }

  /** Resolves when no checkpoint is in flight. */
  async settled(): Promise<void> {
    await this.running;
  }

  /**
   * Ends one import's use. The last one restores the connection's own checkpoints, then waits
   * until the log is copied and truncated, and ends the thread.
   */
  async release(): Promise<void> {
    if (--this.users > 0) return;
    if (shared.get(this.db) === this) shared.delete(this.db);
    this.restore();
    await this.running;
    if (!this.broken) this.last = await this.send('TRUNCATE');
    this.broken = true;
    this.worker.postMessage(null);
  }

  private async copyUntilCurrent(): Promise<void> {
    do {
      this.again = false;
      const r = await this.send('PASSIVE');
      if (r) this.last = r;
    } while (this.again && !this.broken);
    this.running = null;
  }

  private send(mode: CheckpointMode): Promise<CheckpointReply | null> {
    if (this.broken) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise<CheckpointReply | null>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.ref();
      this.worker.postMessage({ id, mode } satisfies CheckpointRequest);
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
  }

  /** The thread ended or failed: nothing waits for it any more, and the connection checkpoints itself again. */
  private fail(): void {
    this.broken = true;
    for (const w of this.waiting.values()) w(null);
    this.waiting.clear();
    if (shared.get(this.db) === this) shared.delete(this.db);
    this.restore();
  }

  private restore(): void {
    if (this.restored) return;
    this.restored = true;
    if (!this.db.open) return;
    this.db.pragma(`wal_autocheckpoint = ${Math.trunc(this.saved.autocheckpoint)}`);
    this.db.pragma(`journal_size_limit = ${Math.trunc(this.saved.sizeLimit)}`);
  }
}

function walBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

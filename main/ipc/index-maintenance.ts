import type { Database } from 'better-sqlite3';
import { indexNeedsMerge, mergeIndexStep } from '../core/search-index.js';

/** Quiet time after the last contract call before index maintenance starts (ms). */
export const MAINTENANCE_IDLE_MS = 2000;
/** Pause between two merge steps while it stays quiet: a call that comes in waits for one step at most. */
export const MAINTENANCE_STEP_GAP_MS = 5;

/**
 * Merges the article index in idle time (why: INDEX_SEGMENTS_SETTLED in core/search-index.ts).
 * Every contract call postpones it (`begin`/`end`; a long import holds it off until it ends). After
 * MAINTENANCE_IDLE_MS without calls it looks at the index and, when it has more than
 * INDEX_SEGMENTS_SETTLED segments, merges it in bounded steps (one short transaction each: at
 * 100,000 articles 17 ms on average, 80 ms at most) until it is one segment or a call comes in; the
 * next quiet moment continues where it stopped. Its timers do not keep the process alive. A step
 * never waits for a lock: when another process writes (the CLI importing), or the collection is
 * closed, the round ends and the next call starts a new one.
 */
export class IndexMaintenance {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private merging = false;
  private inFlight = 0;

  constructor(
    private readonly db: Database,
    private readonly idleMs = MAINTENANCE_IDLE_MS,
    private readonly gapMs = MAINTENANCE_STEP_GAP_MS,
  ) {}

  /** A call came in: nothing is merged until it has ended. */
  begin(): void {
    this.inFlight++;
    this.stop();
  }

  /** A call ended: once none is left, the quiet time starts again. */
  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.arm(this.idleMs);
  }

  /** A call that came and went at once (and the start of the app). */
  touch(): void {
    this.begin();
    this.end();
  }

  /** Stops any planned step (closing the collection). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.stop();
    this.timer = setTimeout(() => this.step(), ms);
    this.timer.unref?.();
  }

  private step(): void {
    this.timer = null;
    if (!this.db.open) return;
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    try {
      this.db.pragma('busy_timeout = 0');
      if (!this.merging && !indexNeedsMerge(this.db)) return;
      this.merging = mergeIndexStep(this.db);
    } catch {
      this.merging = false;
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    if (this.merging) this.arm(this.gapMs);
  }
}

import type { Database } from 'better-sqlite3';

/** One schema step. Migrations are the only source of the schema; a released one is never edited. */
export interface Migration {
  /** Strictly increasing, starting at 1; stored in `PRAGMA user_version`. */
  version: number;
  name: string;
  /** `progress`: how many of `total` articles it has worked through, for migrations that touch every article. */
  up(db: Database, progress?: (done: number, total: number) => void): void;
}

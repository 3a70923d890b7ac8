import type { Database } from 'better-sqlite3';

/** One schema step. Migrations are the only source of the schema; a released one is never edited. */
export interface Migration {
  /** Strictly increasing, starting at 1; stored in `PRAGMA user_version`. */
  version: number;
  name: string;
  up(db: Database): void;
}

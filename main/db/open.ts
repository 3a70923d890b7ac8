import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations/index.js';

export type { Database };

export interface OpenOptions {
  /** Open without creating or migrating (fails if the file is missing). */
  readonly?: boolean;
}

/** A database file that cannot be opened or is not a Fundstelle collection. */
export class DatabaseOpenError extends Error {
  readonly code = 'DB_OPEN_FAILED';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Die Sammlung ${file} kann nicht geöffnet werden: ${reason}`);
    this.name = 'DatabaseOpenError';
  }
}

/** Sets the pragmas every connection needs. */
function configure(db: Database, file: string): void {
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // FULL: an acknowledged import survives a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens (creating the folder and file if needed) and migrates the collection at `file`.
 * `:memory:` gives an in-memory database for tests.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:' && !options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new DatabaseOpenError(file, (e as Error).message);
  }
  try {
    configure(db, file);
    if (!options.readonly) migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof Error && /file is not a database|malformed/i.test(e.message)) {
      throw new DatabaseOpenError(file, 'die Datei ist keine SQLite-Datenbank oder beschädigt');
    }
    throw e;
  }
  return db;
}

import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION, migrate, schemaVersion, type MigrationProgress } from './migrations/index.js';
import { backupDir, backupFileName, snapshotSync, uniquePath } from './snapshot.js';
import { DatabaseOpenError, isCorruption } from './errors.js';

// Defined apart (errors.ts) so that reporting them does not load the database modules.
export { DatabaseOpenError, isCorruption } from './errors.js';

export type { Database };

export interface OpenOptions {
  /** Open without creating or migrating (fails if the file is missing). */
  readonly?: boolean;
  /** Back up an existing collection before migrating it (default true); see snapshot.ts. */
  backupBeforeMigration?: boolean;
  /** Clock for the backup's file name (tests). */
  now?: () => Date;
  /** Hears how far bringing an existing collection up to date has got (not called for a new or current one). */
  onMigrationProgress?: (p: MigrationProgress) => void;
}

export type { MigrationProgress };


/** Sets the pragmas every connection needs. */
function configure(db: Database, file: string): void {
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // FULL: an acknowledged import survives a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MB of page cache instead of SQLite's 2 MB: a search reads the index pages of its terms and
  // the text of 50 hits (a few hundred pages), and refining a search reads most of them again.
  // Searches at 100,000 articles ~7 % faster (p50 and p95, every query class; measured with two
  // connections of one process queried in turn, docs/bench.md). At most 32 MB per connection.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/** Page cache per connection, in KiB. */
export const PAGE_CACHE_KIB = 32 * 1024;

/**
 * Opens (creating the folder and file if needed) and migrates the collection at `file`.
 * `:memory:` gives an in-memory database for tests.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:' && !options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existedWithData = file !== ':memory:' && fileSize(file) > 0;
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new DatabaseOpenError(file, (e as Error).message);
  }
  try {
    configure(db, file);
    // Reading the schema now turns a damaged first page into DB_OPEN_FAILED here, not a raw
    // SQLITE_CORRUPT from the first query the UI happens to run.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!options.readonly) {
      // Never migrate a collection without a verified copy of it: a failed or buggy migration
      // (or a corrupt file, which VACUUM INTO refuses) must leave a way back.
      if (existedWithData && options.backupBeforeMigration !== false && schemaVersion(db) < LATEST_VERSION) {
        const from = schemaVersion(db);
        const now = options.now?.() ?? new Date();
        options.onMigrationProgress?.({ step: 'backup', from, to: LATEST_VERSION });
        try {
          snapshotSync(db, uniquePath(backupDir(file), backupFileName(now, `schema${from}`)));
        } catch (e) {
          throw new DatabaseOpenError(file, `die Sicherung vor der Aktualisierung (Schema ${from} → ${LATEST_VERSION}) ist fehlgeschlagen; die Sammlung bleibt unverändert (${(e as Error).message})`);
        }
      }
      migrate(db, LATEST_VERSION, existedWithData ? options.onMigrationProgress : undefined);
    }
  } catch (e) {
    db.close();
    if (e instanceof DatabaseOpenError) throw e;
    if (isCorruption(e)) throw new DatabaseOpenError(file, 'die Datei ist keine SQLite-Datenbank oder beschädigt');
    throw e;
  }
  return db;
}


function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

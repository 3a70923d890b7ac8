import type { Database } from 'better-sqlite3';
import { migration0001 } from './0001-collection.js';
import { migration0002 } from './0002-annotations.js';
import { migration0003 } from './0003-citations.js';
import { migration0004 } from './0004-inquiries.js';
import { migration0005 } from './0005-sources.js';
import { migration0006 } from './0006-search.js';
import { migration0007 } from './0007-search-prefixes.js';
import { migration0008 } from './0008-source-search.js';
import { migration0009 } from './0009-index-write-buffer.js';
import { migration0010 } from './0010-index-merging.js';
import { migration0011 } from './0011-term-list.js';
import type { Migration } from './types.js';
import { DatabaseTooNewError } from '../errors.js';

// Defined apart (errors.ts) so that reporting them does not load the database modules.
export { DatabaseTooNewError } from '../errors.js';

/** Every migration in order. Add a new file per schema change and list it here. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);


export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Where opening a collection is while it brings an older one up to date (openDatabase): the backup
 * first, then each pending migration; one that rebuilds the search index counts its articles
 * (`total` null: it does not go article by article). Shown by the CLI, browser mode and the app's
 * upgrade window, since on a large collection this takes minutes.
 */
export type MigrationProgress =
  | { step: 'backup'; from: number; to: number }
  | { step: 'migrate'; from: number; to: number; version: number; name: string; done: number; total: number | null };

/**
 * Brings the schema up to `target` (default: latest) in one transaction: either every pending
 * migration applies and `user_version` moves, or nothing changes.
 */
export function migrate(db: Database, target: number = LATEST_VERSION, onProgress?: (p: MigrationProgress) => void): number {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  const to = pending[pending.length - 1]?.version ?? current;
  db.transaction(() => {
    for (const m of pending) {
      const report = (done: number, total: number | null): void => onProgress?.({ step: 'migrate', from: current, to, version: m.version, name: m.name, done, total });
      report(0, null);
      m.up(db, onProgress ? report : undefined);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}

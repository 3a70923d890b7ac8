import type { Database, Statement } from 'better-sqlite3';

// better-sqlite3 does not cache prepared statements, and preparing costs about as much as running
// a small statement: the import path runs the same few statements once per file.
const caches = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared once per connection. Only for constant SQL text. */
export function cachedStatement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

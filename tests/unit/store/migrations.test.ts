import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrations/index.js';
import { openDatabase } from '../../../main/db/open.js';
import { tempDir } from '../../helpers/db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function schemaOf(db: BetterSqlite3.Database): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
}

describe('migrations', () => {
  it('have strictly increasing versions starting at 1', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('give the same schema applied one at a time as all at once', () => {
    const fresh = new BetterSqlite3(':memory:');
    migrate(fresh);
    const stepwise = new BetterSqlite3(':memory:');
    for (let v = 1; v <= LATEST_VERSION; v++) {
      expect(migrate(stepwise, v)).toBe(v);
    }
    expect(schemaOf(stepwise)).toEqual(schemaOf(fresh));
    expect(schemaVersion(fresh)).toBe(LATEST_VERSION);
  });

  it('create STRICT tables only', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect({ name: t.name, strict: t.strict }).toEqual({ name: t.name, strict: 1 });
  });

  it('roll back completely when a migration fails', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE articles (x TEXT)'); // collides with migration 1
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'article_credits'").get()).toEqual({ n: 0 });
  });

  it('refuse a database from a newer version and leave it untouched', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'future.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.exec('CREATE TABLE from_the_future (x INTEGER)');
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).found).toBe(LATEST_VERSION + 5);
    expect((error as Error).message).toMatch(/neueren Fundstelle-Version/);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'from_the_future' }]);
    check.close();
  });

  it('open with WAL, foreign keys, full sync and a 32 MB page cache', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(path.join(dir, 'c.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('cache_size', { simple: true })).toBe(-32 * 1024);
    db.close();
  });

  it('report a file that is not a database by name', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'not-a-db.sqlite');
    fs.writeFileSync(file, 'Dies ist keine Datenbank, sondern ein Einkaufszettel.'.repeat(200));
    expect(() => openDatabase(file)).toThrow(/not-a-db\.sqlite.*keine SQLite-Datenbank/);
  });
});

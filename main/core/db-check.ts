import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { FileCheck } from '../db/snapshot.js';

/**
 * Checking a collection: SQLite's integrity check, foreign keys, every FTS5 index, and the row
 * counts between the tables and their search indexes. `fundstelle check`, the restore drill, the
 * kill test and the background check after an unclean shutdown all use these functions.
 */

/** One check's verdict. */
export interface CheckItem {
  name: string;
  ok: boolean;
  /** "ok" or what went wrong (first lines only). */
  detail: string;
}

/** The full report of {@link checkDatabase}. */
export interface CheckReport {
  ok: boolean;
  file: string;
  checks: CheckItem[];
  /** Row counts: articles, their index rows, annotations, their index rows. */
  counts: Record<string, number>;
  /** Every problem as one line (empty when ok). */
  problems: string[];
  ms: number;
}

/** Each search index and the table (and key column) whose rows it must mirror one to one. */
const INDEXED_TABLES = [
  { table: 'articles', key: 'id', index: 'articles_fts' },
  { table: 'annotations', key: 'seq', index: 'annotations_fts' },
] as const;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${(e as { code?: string }).code ?? 'Error'}: ${e.message}` : String(e);
}

/** The names of the FTS5 tables in the schema. */
export function ftsTables(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/**
 * Runs every check on an open connection and never throws (a check that crashes on a damaged page
 * is a failed check). On a writable connection each FTS5 table also gets its own
 * `INSERT INTO t(t) VALUES('integrity-check')`; on a read-only one `PRAGMA integrity_check`
 * covers the FTS5 indexes (SQLite ≥ 3.44 runs their xIntegrity).
 */
export function checkDatabase(db: Database, file: string = db.name, opts: { skipIntegrityCheck?: boolean } = {}): CheckReport {
  const started = performance.now();
  const checks: CheckItem[] = [];
  const counts: Record<string, number> = {};
  const run = (name: string, fn: () => string | null): void => {
    try {
      const problem = fn();
      checks.push({ name, ok: problem === null, detail: problem ?? 'ok' });
    } catch (e) {
      checks.push({ name, ok: false, detail: errorText(e) });
    }
  };

  if (!opts.skipIntegrityCheck) run('integrity_check', () => {
    const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 20).join('\n');
  });
  run('foreign_key_check', () => {
    const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    return rows.length === 0 ? null : `${rows.length} Zeile(n) ohne Bezug: ${rows.slice(0, 10).map((r) => `${r.table}#${r.rowid}→${r.parent}`).join(', ')}`;
  });
  let tables: string[] = [];
  run('fts_tables', () => {
    tables = ftsTables(db);
    return null;
  });
  for (const t of tables) {
    if (db.readonly) continue;
    run(`fts5 integrity-check ${t}`, () => {
      db.prepare(`INSERT INTO ${quoteIdent(t)}(${quoteIdent(t)}) VALUES ('integrity-check')`).run();
      return null;
    });
  }
  for (const { table, key, index } of INDEXED_TABLES) {
    run(`${table} ↔ ${index}`, () => {
      if (!hasTable(db, table) || !hasTable(db, index)) return null;
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      counts[index] = (db.prepare(`SELECT count(*) AS n FROM ${index}`).get() as { n: number }).n;
      // The article index is keyed by a search key (date and id, main/core/search-index.ts) that
      // article_search_keys maps to the article; without that table the rowid is the key itself.
      const keyed = table === 'articles' && hasTable(db, 'article_search_keys');
      const keys = keyed ? `(SELECT k.key FROM ${table} t JOIN article_search_keys k ON k.article_id = t.${key})` : `(SELECT ${key} FROM ${table})`;
      const missingSql = keyed
        ? `SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM article_search_keys k WHERE k.article_id = t.${key} AND k.key IN (SELECT rowid FROM ${index}))`
        : `SELECT count(*) AS n FROM ${table} WHERE ${key} NOT IN (SELECT rowid FROM ${index})`;
      const missing = (db.prepare(missingSql).get() as { n: number }).n;
      const orphans = (db.prepare(`SELECT count(*) AS n FROM ${index} WHERE rowid NOT IN ${keys}`).get() as { n: number }).n;
      if (missing === 0 && orphans === 0 && counts[table] === counts[index]) return null;
      return `${table}: ${counts[table]} Zeilen, ${index}: ${counts[index]} (${missing} ohne Indexeintrag, ${orphans} Indexeinträge ohne Zeile)`;
    });
  }
  if (hasTableSafe(db, 'article_credits')) {
    run('article_credits', () => {
      const n = (db.prepare('SELECT count(*) AS n FROM article_credits WHERE article_id NOT IN (SELECT id FROM articles)').get() as { n: number }).n;
      return n === 0 ? null : `${n} Autorenangaben ohne Artikel`;
    });
  }
  const problems = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  return { ok: problems.length === 0, file, checks, counts, problems, ms: Math.round(performance.now() - started) };
}

function hasTableSafe(db: Database, name: string): boolean {
  try {
    return hasTable(db, name);
  } catch {
    return false;
  }
}

/**
 * Checks the collection file at `file` without migrating or otherwise changing it: opened
 * read-write without any pragma that writes (so the FTS5 integrity commands can run), or read-only
 * when the file or its folder is not writable. A file that cannot be opened is a failed report.
 */
export function checkDatabaseFile(file: string): CheckReport {
  if (!fs.existsSync(file)) {
    return { ok: false, file, checks: [{ name: 'open', ok: false, detail: 'Datei nicht gefunden' }], counts: {}, problems: ['open: Datei nicht gefunden'], ms: 0 };
  }
  let db: Database | null = null;
  try {
    try {
      db = new BetterSqlite3(file, { fileMustExist: true });
    } catch {
      db = new BetterSqlite3(file, { fileMustExist: true, readonly: true });
    }
    db.pragma('busy_timeout = 5000');
    return checkDatabase(db, file);
  } catch (e) {
    const detail = errorText(e);
    return { ok: false, file, checks: [{ name: 'open', ok: false, detail }], counts: {}, problems: [`open: ${detail}`], ms: 0 };
  } finally {
    db?.close();
  }
}

/**
 * True when the collection was not closed cleanly (or is open elsewhere right now): SQLite removes
 * the `-wal` file when the last connection closes, so one found before opening means the last
 * session ended in a crash, a kill or a power cut. Call it before `openDatabase`, which creates one.
 */
export function needsRecoveryCheck(dbPath: string): boolean {
  try {
    return fs.statSync(`${dbPath}-wal`).isFile() && fs.statSync(dbPath).size > 0;
  } catch {
    return false;
  }
}

// Plain CommonJS so it runs unchanged under tsx, in the Electron bundle and in tests: the worker
// opens the file without writing to it and runs the two SQLite checks, so the main thread (and the first
// paint) never waits for a full integrity check of a large collection.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
try {
  const Database = require(workerData.driver);
  // Read-write but query_only, as openForCheck in snapshot.ts: read-only skips CHECK constraints.
  try {
    db = new Database(workerData.file, { fileMustExist: true });
    db.pragma('query_only = 1');
  } catch (e) {
    db = new Database(workerData.file, { fileMustExist: true, readonly: true });
  }
  db.pragma('busy_timeout = 5000');
  const problems = [];
  for (const pragma of ['integrity_check', 'quick_check']) {
    const msgs = db.pragma(pragma).map((r) => String(Object.values(r)[0]));
    if (!(msgs.length === 1 && msgs[0] === 'ok')) for (const m of msgs.slice(0, 20)) problems.push(pragma + ': ' + m);
  }
  parentPort.postMessage({ ok: problems.length === 0, problems });
} catch (e) {
  parentPort.postMessage({ ok: false, problems: [String((e && e.message) || e)] });
} finally {
  if (db) db.close();
}
`;

/**
 * Runs `PRAGMA integrity_check` and `quick_check` on `file` in a worker thread (a `query_only`
 * connection beside the app's, so it can run while the app writes). Resolves with the verdict; never rejects.
 */
export function runIntegrityCheck(file: string, opts: { timeoutMs?: number } = {}): Promise<FileCheck & { ms: number }> {
  const started = performance.now();
  const done = (r: FileCheck) => ({ ...r, ms: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    } catch (e) {
      resolve(done({ ok: false, problems: [errorText(e)] }));
      return;
    }
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(done({ ok: false, problems: [`Zeitüberschreitung nach ${opts.timeoutMs} ms`] }));
    }, opts.timeoutMs ?? 10 * 60_000);
    timer.unref();
    worker.once('message', (m: FileCheck) => {
      clearTimeout(timer);
      resolve(done(m));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve(done({ ok: false, problems: [errorText(e)] }));
    });
  });
}

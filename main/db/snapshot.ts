import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Low-level backup files: where they live, how they are named, and how one is proven readable.
 * Kept in main/db (not main/core/backup.ts) because `openDatabase` needs it for the backup it makes
 * before every migration, and main/db must not depend on the core.
 */

/** Folder of the automatic and manual backups: `<data folder>/backups`, next to the collection. */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYYMMDD-HHMMSS` in local time: the user reads these names in a file manager. */
export function backupStamp(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/** `collection-YYYYMMDD-HHMMSS[-label].sqlite`. */
export function backupFileName(now: Date, label?: string): string {
  return `collection-${backupStamp(now)}${label ? `-${label}` : ''}.sqlite`;
}

/** A free path for `name` in `dir`: two backups in the same second get `-2`, `-3`, … */
export function uniquePath(dir: string, name: string): string {
  const { name: base, ext } = path.parse(name);
  let candidate = path.join(dir, name);
  for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}${ext}`);
  return candidate;
}

/** The outcome of checking a database file: `ok` only if every check said "ok". */
export interface FileCheck {
  ok: boolean;
  /** What the checks reported (empty when ok). */
  problems: string[];
}

/**
 * Opens `file` for checking: read-write but `query_only` (nothing can be written), because SQLite's
 * `integrity_check` skips CHECK constraints on a read-only connection (found by the corruption
 * test: a flipped byte in a JSON column passed read-only). Read-only only when writing is impossible.
 */
export function openForCheck(file: string): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
  } catch {
    return new BetterSqlite3(file, { fileMustExist: true, readonly: true });
  }
  db.pragma('query_only = 1');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Opens `file` (see {@link openForCheck}) and runs `PRAGMA integrity_check` (which, since SQLite
 * 3.44, also checks every FTS5 index) and `PRAGMA quick_check`. Never throws: a file that cannot be
 * opened is a problem.
 */
export function verifyDatabaseFile(file: string): FileCheck {
  let db: Database | null = null;
  try {
    db = openForCheck(file);
    const problems: string[] = [];
    for (const pragma of ['integrity_check', 'quick_check'] as const) {
      const rows = db.pragma(pragma) as Record<string, string>[];
      const msgs = rows.map((r) => String(Object.values(r)[0]));
      if (!(msgs.length === 1 && msgs[0] === 'ok')) problems.push(...msgs.map((m) => `${pragma}: ${m}`));
    }
    return { ok: problems.length === 0, problems };
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  } finally {
    db?.close();
  }
}

/** Removes a file and the `-wal`/`-shm`/`-journal` files SQLite may have left beside it. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Makes a self-contained copy of `db` at `dest` synchronously with `VACUUM INTO` (a consistent
 * snapshot, rollback journal mode, no `-wal` beside it), verifies it and only then gives it its
 * final name. Used where no `await` is possible (before a migration, inside `openDatabase`).
 * Throws when the copy fails its check; nothing is left behind then.
 */
export function snapshotSync(db: Database, dest: string): void {
  const tmp = `${dest}.partial`;
  removeDatabaseFile(tmp);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const check = verifyDatabaseFile(tmp);
    if (!check.ok) throw new Error(check.problems.slice(0, 5).join('; '));
    fs.renameSync(tmp, dest);
  } finally {
    removeDatabaseFile(tmp);
  }
}

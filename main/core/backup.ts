import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import type { BackupInfo, BackupKind, RestoreResult } from '../../shared/contract-backup.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../db/migrations/index.js';
import {
  backupDir,
  backupFileName,
  backupStamp,
  removeDatabaseFile,
  snapshotSync,
  uniquePath,
  verifyDatabaseFile,
  type FileCheck,
} from '../db/snapshot.js';
import { runIntegrityCheck } from './db-check.js';
import { isDiskFull } from './errors.js';

export { backupDir, backupFileName, verifyDatabaseFile };
export type { BackupInfo, BackupKind, RestoreResult };

/**
 * Backups of the collection. Every backup is made with SQLite's online backup API (or, where no
 * `await` is possible, `VACUUM INTO`), written under a temporary name, verified by opening it
 * read-only and running `integrity_check` and `quick_check`, and only then given its final name:
 * a backup that exists is a backup that opened and checked clean. A failed one is deleted and
 * reported. Automatic backups: at start at most once per calendar day ({@link maybeDailyBackup})
 * and before every migration (`openDatabase`); the newest {@link DEFAULT_KEEP} are kept.
 */

/** How many automatic/manual backups are kept by default. */
export const DEFAULT_KEEP = 7;

const NAME_RE = /^collection-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(.+))?\.sqlite$/;

function kindOf(label: string | undefined): BackupKind {
  if (!label || /^\d+$/.test(label)) return 'backup';
  if (label.startsWith('before-restore')) return 'before-restore';
  if (/^schema\d+/.test(label)) return 'before-migration';
  return 'backup';
}

/** Describes a backup file from its name (`collection-YYYYMMDD-HHMMSS[-label].sqlite`); null for other files. */
export function describeBackup(file: string): BackupInfo | null {
  const name = path.basename(file);
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, label] = m;
  const created = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return null;
  }
  return { file: path.resolve(file), name, createdAt: created.toISOString(), size, kind: kindOf(label) };
}

/** The backups in the collection's backup folder, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => describeBackup(path.join(dir, n)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

/**
 * Deletes all but the newest `keep` backups. Copies kept before a restore are not counted and
 * never deleted here: they may be the only copy of what the user replaced.
 */
export function rotateBackups(dbPath: string, keep: number = DEFAULT_KEEP): string[] {
  const removed: string[] = [];
  const pool = listBackups(dbPath).filter((b) => b.kind !== 'before-restore');
  for (const b of pool.slice(Math.max(1, keep))) {
    removeDatabaseFile(b.file);
    removed.push(b.file);
  }
  return removed;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Makes a rename durable on Linux/macOS; Windows cannot open folders (and does not need it).
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

export interface CreateBackupOptions {
  /** Write here instead of the backup folder (`fundstelle backup --out FILE`); never rotated. */
  out?: string | undefined;
  /** How many backups to keep in the backup folder after this one (default 7). */
  keep?: number | undefined;
  now?: Date | undefined;
  /** Added to the file name (e.g. `before-restore`). */
  label?: string | undefined;
  /** The check a new backup must pass; default: integrity and quick check in a worker thread. */
  verify?: ((file: string) => Promise<FileCheck>) | undefined;
}

/**
 * Backs the open collection up with SQLite's online backup API (other connections keep reading and
 * writing meanwhile), switches the copy to a single self-contained file, verifies it and renames
 * it into place. Throws BACKUP_FAILED (or DISK_FULL); nothing half-written stays behind.
 */
export async function createBackup(db: Database, dbPath: string, opts: CreateBackupOptions = {}): Promise<BackupInfo> {
  const now = opts.now ?? new Date();
  const dest = opts.out ? path.resolve(opts.out) : uniquePath(backupDir(dbPath), backupFileName(now, opts.label));
  const shown = opts.out ? dest : path.basename(dest);
  if (samePath(dest, dbPath) || [`-wal`, '-shm', '-journal'].some((s) => samePath(dest, `${dbPath}${s}`))) {
    throw new AppError('BACKUP_FAILED', { file: shown, reason: 'das Ziel ist die Sammlung selbst' });
  }
  if (opts.out && fs.existsSync(dest)) throw new AppError('BACKUP_FAILED', { file: shown, reason: 'die Datei gibt es schon; sie wird nicht überschrieben' });
  const tmp = `${dest}.partial`;
  removeDatabaseFile(tmp);
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    await db.backup(tmp);
    // The copy inherits WAL mode; a backup is one file that can be copied, mailed or restored alone.
    const copy = new BetterSqlite3(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    const check = await (opts.verify ?? runIntegrityCheck)(tmp);
    if (!check.ok) throw new AppError('BACKUP_FAILED', { file: shown, reason: `Prüfung fehlgeschlagen: ${check.problems.slice(0, 3).join('; ')}` });
    fs.renameSync(tmp, dest);
    fsyncDir(path.dirname(dest));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    if (isDiskFull(e)) throw new AppError('DISK_FULL', { what: shown, reason });
    throw new AppError('BACKUP_FAILED', { file: shown, reason });
  } finally {
    removeDatabaseFile(tmp);
  }
  if (!opts.out) rotateBackups(dbPath, opts.keep ?? DEFAULT_KEEP);
  const info = describeBackup(dest);
  const size = fs.statSync(dest).size;
  return info ?? { file: dest, name: path.basename(dest), createdAt: now.toISOString(), size, kind: 'backup' };
}

/** What {@link maybeDailyBackup} did. */
export interface DailyBackupResult {
  created: BackupInfo | null;
  /** Why nothing was made: `today` (one exists), `memory` (no file), `failed` (see error). */
  skipped?: 'today' | 'memory' | 'failed';
  error?: AppError;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return backupStamp(a).slice(0, 8) === backupStamp(b).slice(0, 8);
}

/**
 * The automatic backup at start: at most one per calendar day (a backup of any kind except a
 * pre-restore copy made today counts), then rotation. Never throws: a failed backup must not stop
 * the app from starting, so the error is returned for the caller to show or log.
 */
export async function maybeDailyBackup(
  db: Database,
  dbPath: string,
  opts: { keep?: number; now?: Date; verify?: CreateBackupOptions['verify'] } = {},
): Promise<DailyBackupResult> {
  if (dbPath === ':memory:') return { created: null, skipped: 'memory' };
  const now = opts.now ?? new Date();
  const today = listBackups(dbPath).some((b) => b.kind !== 'before-restore' && sameLocalDay(new Date(b.createdAt), now));
  if (today) return { created: null, skipped: 'today' };
  try {
    return { created: await createBackup(db, dbPath, { now, keep: opts.keep, verify: opts.verify }) };
  } catch (e) {
    const error = e instanceof AppError ? e : new AppError('BACKUP_FAILED', { file: backupDir(dbPath), reason: String(e) });
    return { created: null, skipped: 'failed', error };
  }
}

/** Why a file is not a restorable collection (null when it is). */
function collectionProblem(file: string): string | null {
  const check = verifyDatabaseFile(file);
  if (!check.ok) return check.problems.slice(0, 3).join('; ');
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) return `Schema ${version} ist neuer als diese Fundstelle-Version (${LATEST_VERSION})`;
    if (version < 1 || !db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get()) {
      return 'keine Fundstelle-Sammlung';
    }
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

/**
 * The newest backup that opens, passes the integrity checks and is a collection this version can
 * read: what the app offers when the collection is damaged. Copies kept before a restore are
 * skipped (they are usually the damaged file). Null when there is none.
 */
export function findNewestGoodBackup(dbPath: string): BackupInfo | null {
  for (const b of listBackups(dbPath)) {
    if (b.kind === 'before-restore') continue;
    if (collectionProblem(b.file) === null) return b;
  }
  return null;
}

/** Keeps the current collection file (with its `-wal`, so nothing committed is lost) before it is replaced. */
function keepCurrent(dbPath: string, now: Date): string | null {
  if (!fs.existsSync(dbPath)) return null;
  const dest = uniquePath(backupDir(dbPath), backupFileName(now, 'before-restore'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  // A raw copy, not the backup API: the file may be damaged, and it must be kept as it is.
  fs.copyFileSync(dbPath, dest);
  if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${dest}-wal`);
  return dest;
}

function checkRestorable(backupFile: string): string {
  const src = path.resolve(backupFile);
  if (!fs.existsSync(src) || !fs.statSync(src).isFile()) throw new AppError('BACKUP_NOT_FOUND', { file: backupFile });
  const problem = collectionProblem(src);
  if (problem) throw new AppError('BACKUP_INVALID', { file: path.basename(src), reason: problem });
  return src;
}

/**
 * Replaces the collection file with a backup — for when no connection is open (CLI, or the app
 * before it opens the collection). Verifies the backup first, keeps the current file as
 * `…-before-restore…` in the backup folder, writes the backup to a temporary file beside the
 * collection (`VACUUM INTO`, so a backup with its own `-wal` is restored complete), removes the
 * stale `-wal`/`-shm` and renames the copy over the collection (atomic on one file system).
 */
export function restoreBackup(dbPath: string, backupFile: string, opts: { now?: Date } = {}): RestoreResult {
  const now = opts.now ?? new Date();
  const target = path.resolve(dbPath);
  const src = checkRestorable(backupFile);
  if (samePath(src, target)) throw new AppError('BACKUP_INVALID', { file: backupFile, reason: 'das ist die Sammlung selbst' });
  const previous = keepCurrent(target, now);
  const tmp = `${target}.restore-partial`;
  removeDatabaseFile(tmp);
  try {
    const source = new BetterSqlite3(src, { readonly: true, fileMustExist: true });
    try {
      source.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      source.close();
    }
    fsyncFile(tmp);
    const check = verifyDatabaseFile(tmp);
    if (!check.ok) throw new AppError('BACKUP_INVALID', { file: path.basename(src), reason: check.problems.slice(0, 3).join('; ') });
    // The old WAL must go before the rename: replayed onto the restored file it would corrupt it.
    for (const s of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${s}`, { force: true });
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    if (isDiskFull(e)) throw new AppError('DISK_FULL', { what: path.basename(src), reason });
    throw new AppError('BACKUP_FAILED', { file: path.basename(src), reason });
  } finally {
    removeDatabaseFile(tmp);
  }
  return { restored: target, from: src, previous };
}

/**
 * Restores a backup into the collection the app has open, without closing it: the online backup
 * API copies the backup's pages into the live file in one transaction, so the app's connection sees
 * the restored collection at once (and a crash midway leaves the old one). The current state is
 * kept first (a verified backup, or a raw copy when the live file no longer passes the check);
 * an older backup is migrated afterwards, with its own pre-migration backup.
 */
export async function restoreIntoOpenDatabase(db: Database, dbPath: string, backupFile: string, opts: { now?: Date } = {}): Promise<RestoreResult> {
  const now = opts.now ?? new Date();
  const src = checkRestorable(backupFile);
  if (samePath(src, dbPath)) throw new AppError('BACKUP_INVALID', { file: backupFile, reason: 'das ist die Sammlung selbst' });
  let previous: string | null;
  try {
    previous = (await createBackup(db, dbPath, { now, label: 'before-restore' })).file;
  } catch {
    db.pragma('wal_checkpoint(PASSIVE)');
    previous = keepCurrent(dbPath, now);
  }
  const source = new BetterSqlite3(src, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw isDiskFull(e) ? new AppError('DISK_FULL', { what: path.basename(src), reason }) : new AppError('BACKUP_FAILED', { file: path.basename(src), reason });
  } finally {
    source.close();
  }
  const from = schemaVersion(db);
  if (from < LATEST_VERSION) {
    snapshotSync(db, uniquePath(backupDir(dbPath), backupFileName(now, `schema${from}`)));
    migrate(db);
  }
  return { restored: path.resolve(dbPath), from: src, previous };
}

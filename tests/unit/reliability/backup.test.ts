import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupDir,
  createBackup,
  findNewestGoodBackup,
  listBackups,
  maybeDailyBackup,
  restoreBackup,
  restoreIntoOpenDatabase,
  rotateBackups,
} from '../../../main/core/backup.js';
import { checkDatabaseFile, needsRecoveryCheck, runIntegrityCheck } from '../../../main/core/db-check.js';
import { toErrorPayload } from '../../../main/core/errors.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../main/db/migrations/index.js';
import { DatabaseOpenError, openDatabase, type Database } from '../../../main/db/open.js';
import { verifyDatabaseFile } from '../../../main/db/snapshot.js';
import { startupChecks } from '../../../main/core/startup-checks.js';
import { AppError } from '../../../shared/errors.js';
import { tempDb } from '../../helpers/db.js';
import { corruptCopy, corruptSchemaPage, fileHash, fillCollection } from '../../helpers/reliability.js';

let db: Database;
let file: string;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, dir, cleanup } = tempDb());
  fillCollection(db, 40);
});
afterEach(() => cleanup());

const count = (d: Database, table = 'articles') => (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const day = (d: number, h = 9) => new Date(2026, 10, d, h, 0, 0);

describe('createBackup', () => {
  it('writes a verified, self-contained copy into backups/ and nothing else', async () => {
    const info = await createBackup(db, file, { now: day(1) });
    expect(info.name).toBe('collection-20261101-090000.sqlite');
    expect(path.dirname(info.file)).toBe(backupDir(file));
    expect(fs.readdirSync(backupDir(file))).toEqual([info.name]); // no .partial, no -wal/-shm
    const copy = new BetterSqlite3(info.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(count(copy)).toBe(40);
    expect(count(copy, 'annotations')).toBe(40);
    copy.close();
    expect(checkDatabaseFile(info.file).ok).toBe(true);
  });

  it('deletes and reports a backup that fails its check', async () => {
    const bad = createBackup(db, file, { now: day(1), verify: async () => ({ ok: false, problems: ['row 3 missing from index'] }) });
    await expect(bad).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    await expect(bad).rejects.toThrow(/row 3 missing/);
    expect(fs.readdirSync(backupDir(file))).toEqual([]);
  });

  it('--out never overwrites an existing file nor the collection itself', async () => {
    const out = path.join(dir, 'manual.sqlite');
    await createBackup(db, file, { out });
    await expect(createBackup(db, file, { out })).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    await expect(createBackup(db, file, { out: file })).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    expect(count(db)).toBe(40);
  });

  it('rotates: keeps the newest N, never the copies kept before a restore', async () => {
    for (let d = 1; d <= 5; d++) await createBackup(db, file, { now: day(d), keep: 3 });
    fs.copyFileSync(file, path.join(backupDir(file), 'collection-20261101-080000-before-restore.sqlite'));
    expect(listBackups(file).filter((b) => b.kind === 'backup').map((b) => b.name)).toEqual([
      'collection-20261105-090000.sqlite',
      'collection-20261104-090000.sqlite',
      'collection-20261103-090000.sqlite',
    ]);
    rotateBackups(file, 1);
    expect(listBackups(file).map((b) => b.kind)).toEqual(['backup', 'before-restore']);
  });
});

describe('maybeDailyBackup', () => {
  it('backs up at most once per calendar day and rotates', async () => {
    expect((await maybeDailyBackup(db, file, { now: day(1, 8), keep: 2 })).created?.name).toBe('collection-20261101-080000.sqlite');
    expect(await maybeDailyBackup(db, file, { now: day(1, 23), keep: 2 })).toMatchObject({ created: null, skipped: 'today' });
    await maybeDailyBackup(db, file, { now: day(2), keep: 2 });
    await maybeDailyBackup(db, file, { now: day(3), keep: 2 });
    expect(listBackups(file).map((b) => b.name)).toEqual(['collection-20261103-090000.sqlite', 'collection-20261102-090000.sqlite']);
  });

  it('never throws: a failure is returned for the caller to show', async () => {
    const r = await maybeDailyBackup(db, file, { now: day(4), verify: async () => ({ ok: false, problems: ['kaputt'] }) });
    expect(r.skipped).toBe('failed');
    expect(r.error?.code).toBe('BACKUP_FAILED');
    expect(listBackups(file)).toEqual([]);
  });
});

describe('backup before a migration', () => {
  it('copies an older collection before migrating it, and not a new one', () => {
    cleanup();
    ({ dir, cleanup } = tempDbDirOnly());
    file = path.join(dir, 'old.sqlite');
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    migrate(old, 3);
    old.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')").run();
    old.close();
    db = openDatabase(file, { now: () => day(7) });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const [b] = listBackups(file);
    expect(b).toMatchObject({ name: 'collection-20261107-090000-schema3.sqlite', kind: 'before-migration' });
    const copy = new BetterSqlite3(b!.file, { readonly: true });
    expect(schemaVersion(copy)).toBe(3);
    copy.close();
    db.close();
    // Opening the current collection again: nothing pending, no new backup.
    db = openDatabase(file);
    expect(listBackups(file)).toHaveLength(1);
    const fresh = openDatabase(path.join(dir, 'fresh.sqlite'));
    fresh.close();
    expect(listBackups(path.join(dir, 'fresh.sqlite'))).toHaveLength(1);
  });

  it('does not migrate when the backup cannot be made', () => {
    cleanup();
    ({ dir, cleanup } = tempDbDirOnly());
    file = path.join(dir, 'old.sqlite');
    const old = new BetterSqlite3(file);
    migrate(old, 2);
    old.close();
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder'); // the backup folder cannot be created
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    const after = new BetterSqlite3(file, { readonly: true });
    expect(schemaVersion(after)).toBe(2);
    after.close();
    db = openDatabase(':memory:');
  });
});

function tempDbDirOnly(): { dir: string; cleanup: () => void } {
  const d = fs.mkdtempSync(path.join(path.dirname(dir), 'fundstelle-mig-'));
  return { dir: d, cleanup: () => fs.rmSync(d, { recursive: true, force: true }) };
}

describe('a damaged collection', () => {
  it('is detected by check (or refused on open), never changed, and the newest good backup is offered', async () => {
    const good = await createBackup(db, file, { now: day(1) });
    db.close();
    for (const seed of [1, 2, 3, 4]) {
      const broken = path.join(dir, `broken-${seed}.sqlite`);
      corruptCopy(file, broken, { seed, every: 4 });
      const before = fileHash(broken);
      const report = checkDatabaseFile(broken);
      expect(report.ok, `seed ${seed}`).toBe(false);
      expect((await runIntegrityCheck(broken)).ok).toBe(false);
      try {
        openDatabase(broken).close();
      } catch (e) {
        expect(toErrorPayload(e, 'de').code).toBe('DB_OPEN_FAILED');
      }
      expect(fileHash(broken)).toBe(before);
    }
    const schemaBroken = path.join(dir, 'broken-schema.sqlite');
    corruptSchemaPage(file, schemaBroken);
    expect(() => openDatabase(schemaBroken)).toThrow(DatabaseOpenError);
    // A newer but damaged backup is skipped.
    corruptCopy(good.file, path.join(backupDir(file), 'collection-20261102-090000.sqlite'), { seed: 9, every: 3 });
    expect(findNewestGoodBackup(file)?.name).toBe(good.name);
    db = openDatabase(':memory:');
  });

  it('maps SQLite corruption and a full disk to typed errors', () => {
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    expect(toErrorPayload(corrupt, 'en').code).toBe('DB_CORRUPT');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(toErrorPayload(full, 'de')).toMatchObject({ code: 'DISK_FULL' });
  });
});

describe('restore', () => {
  it('verifies first, keeps the current file, replaces it, removes the stale WAL', async () => {
    const b = await createBackup(db, file, { now: day(1) });
    fillCollection(db, 5, 100);
    db.close();
    fs.writeFileSync(`${file}-wal`, 'stale'); // a WAL that belongs to the replaced file
    const currentHash = fileHash(file);
    const r = restoreBackup(file, b.file, { now: day(2) });
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fileHash(r.previous!)).toBe(currentHash);
    expect(fs.readFileSync(`${r.previous}-wal`, 'utf8')).toBe('stale');
    db = openDatabase(file);
    expect(count(db)).toBe(40);
    expect(checkDatabaseFile(file).ok).toBe(true);
  });

  it('refuses a damaged or foreign backup and changes nothing', () => {
    db.close();
    const broken = path.join(dir, 'broken.sqlite');
    corruptCopy(file, broken, { seed: 3 });
    const foreign = path.join(dir, 'foreign.sqlite');
    new BetterSqlite3(foreign).exec('CREATE TABLE x (y)');
    const before = fileHash(file);
    for (const f of [broken, foreign]) expect(() => restoreBackup(file, f)).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }) as Error);
    expect(() => restoreBackup(file, path.join(dir, 'missing.sqlite'))).toThrow(AppError);
    expect(fileHash(file)).toBe(before);
    expect(fs.existsSync(backupDir(file)) ? listBackups(file) : []).toEqual([]);
    db = openDatabase(file);
  });

  it('restores into the open collection (the app keeps its connection)', async () => {
    const b = await createBackup(db, file, { now: day(1) });
    fillCollection(db, 5, 100);
    expect(count(db)).toBe(45);
    const r = await restoreIntoOpenDatabase(db, file, b.file, { now: day(2) });
    expect(count(db)).toBe(40); // the same connection sees the restored collection
    expect(checkDatabaseFile(file).ok).toBe(true);
    const kept = new BetterSqlite3(r.previous!, { readonly: true });
    expect(count(kept)).toBe(45);
    kept.close();
  });

  it('is served over the contract with backup file names only', async () => {
    const handlers = createHandlers({ db, dbPath: file, transport: 'web' });
    const created = await dispatch(handlers, 'backup.create', {}, 'de');
    expect(created.ok).toBe(true);
    const listed = await dispatch(handlers, 'backup.list', {}, 'de');
    expect(listed).toMatchObject({ ok: true, value: { backups: [{ kind: 'backup' }], folderWarning: null } });
    for (const bad of ['../collection.sqlite', '/etc/passwd', 'collection-..sqlite', 'collection-x/../../y.sqlite']) {
      expect(await dispatch(handlers, 'backup.restore', { file: bad }, 'de')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    }
    const name = (created as { value: { name: string } }).value.name;
    expect(await dispatch(handlers, 'backup.restore', { file: name }, 'de')).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'backup.check', {}, 'de')).toMatchObject({ ok: true, value: { ok: true, newestGoodBackup: null } });
  });
});

describe('unclean shutdown', () => {
  it('is recognised by a leftover -wal before opening', () => {
    expect(needsRecoveryCheck(file)).toBe(true); // still open: the -wal exists
    db.close();
    expect(needsRecoveryCheck(file)).toBe(false);
    expect(needsRecoveryCheck(path.join(dir, 'none.sqlite'))).toBe(false);
    db = openDatabase(file);
  });

  it('runs the full check in a worker thread', async () => {
    const r = await runIntegrityCheck(file);
    expect(r).toMatchObject({ ok: true, problems: [] });
    expect(verifyDatabaseFile(file).ok).toBe(true);
  });
});

describe('startupChecks', () => {
  it('after an unclean end finds the damage, keeps the good backups and offers the newest', async () => {
    const good = await createBackup(db, file, { now: day(1) });
    db.close();
    let opened: Database | null = null;
    for (let seed = 1; seed < 40 && !opened; seed++) {
      const broken = path.join(dir, `broken-${seed}.sqlite`);
      corruptCopy(file, broken, { seed, every: 6 });
      if (checkDatabaseFile(broken).ok) continue; // flips that hit only free space are harmless
      try {
        opened = openDatabase(broken);
      } catch {
        continue;
      }
      const report = await startupChecks(opened, broken, { recover: true });
      expect(report.recovery?.ok).toBe(false);
      expect(report.backup.created).toBeNull(); // today's backup of the damaged file failed its check
      expect(report.newestGoodBackup?.name).toBe(good.name);
      expect(report.problem?.de).toContain(good.file);
      expect(listBackups(broken).map((b) => b.name)).toEqual([good.name]);
      opened.close();
    }
    expect(opened).not.toBeNull();
    db = openDatabase(':memory:');
  });

  it('on a healthy start makes the daily backup and reports nothing', async () => {
    const report = await startupChecks(db, file, { recover: true });
    expect(report).toMatchObject({ problem: null, recovery: { ok: true }, folderWarning: null });
    expect(report.backup.created?.kind).toBe('backup');
  });
});

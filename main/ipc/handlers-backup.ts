import type { backupChannels } from '../../shared/contract-backup.js';
import { backupDir, createBackup, DEFAULT_KEEP, findNewestGoodBackup, listBackups, restoreIntoOpenDatabase } from '../core/backup.js';
import { checkDatabase, runIntegrityCheck } from '../core/db-check.js';
import { resolveInside } from '../core/export-paths.js';
import { folderWarningFor } from '../core/storage-location.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** The backup channels bound to the core (spread into `createHandlers`). */
export function createBackupHandlers(ctx: Pick<HandlerContext, 'db' | 'dbPath'>): Pick<Handlers, keyof typeof backupChannels> {
  const { db, dbPath } = ctx;
  return {
    'backup.create': () => createBackup(db, dbPath),
    'backup.list': () => ({ dir: backupDir(dbPath), keep: DEFAULT_KEEP, backups: listBackups(dbPath), folderWarning: folderWarningFor(dbPath) }),
    // Only a file name from the backup folder: the UI cannot make the app read an arbitrary path.
    'backup.restore': ({ file }) => restoreIntoOpenDatabase(db, dbPath, resolveInside(backupDir(dbPath), file)),
    'backup.check': async () => {
      // The full integrity check runs in a worker (the app stays responsive on a large collection);
      // foreign keys, FTS5 and row counts are quick and run here.
      const [integrity, rest] = [await runIntegrityCheck(dbPath), checkDatabase(db, dbPath, { skipIntegrityCheck: true })];
      const checks = [{ name: 'integrity_check', ok: integrity.ok, detail: integrity.ok ? 'ok' : integrity.problems.join('\n') }, ...rest.checks];
      const problems = [...integrity.problems, ...rest.problems];
      const ok = problems.length === 0;
      return { ok, problems, checks, counts: rest.counts, ms: integrity.ms + rest.ms, newestGoodBackup: ok ? null : findNewestGoodBackup(dbPath) };
    },
  };
}

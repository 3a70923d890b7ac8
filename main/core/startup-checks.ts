import type { Database } from 'better-sqlite3';
import type { BackupInfo, FolderWarning } from '../../shared/contract-backup.js';
import type { Lang } from '../../shared/errors.js';
import type { FileCheck } from '../db/snapshot.js';
import { findNewestGoodBackup, maybeDailyBackup, type DailyBackupResult } from './backup.js';
import { needsRecoveryCheck, runIntegrityCheck } from './db-check.js';
import { folderWarningFor } from './storage-location.js';

export { needsRecoveryCheck };

/**
 * What the Electron shell and browser mode do around opening the collection, in one place:
 * before opening, note whether the last session ended uncleanly ({@link needsRecoveryCheck});
 * after the window is up, run {@link startupChecks} — the daily backup and, after an unclean end,
 * the full integrity check, both off the main thread's critical path (never before first paint).
 */

/** What the checks at start found; `problem` is set when the user must be told. */
export interface StartupReport {
  backup: DailyBackupResult;
  /** The background integrity check (only after an unclean shutdown). */
  recovery: (FileCheck & { ms: number }) | null;
  /** Offered when the recovery check failed. */
  newestGoodBackup: BackupInfo | null;
  folderWarning: FolderWarning | null;
  /** A message for the user (de/en), or null when all is well. */
  problem: { de: string; en: string } | null;
}

/**
 * The checks after opening: the daily backup first (verified, rotated), then — only when
 * `recover` — `integrity_check` in a worker. The backup comes first so an integrity failure never
 * rotates a good backup away: a damaged collection fails the backup's own verification, which then
 * is deleted, and the older good backups stay. Never rejects.
 */
export async function startupChecks(db: Database, dbPath: string, opts: { recover: boolean; keep?: number }): Promise<StartupReport> {
  const folderWarning = dbPath === ':memory:' ? null : folderWarningFor(dbPath);
  const backup = await maybeDailyBackup(db, dbPath, { keep: opts.keep });
  const recovery = opts.recover ? await runIntegrityCheck(dbPath) : null;
  const newestGoodBackup = recovery && !recovery.ok ? findNewestGoodBackup(dbPath) : null;
  let problem: StartupReport['problem'] = null;
  if (recovery && !recovery.ok) problem = damagedMessage(dbPath, newestGoodBackup, recovery.problems);
  else if (backup.error) problem = { de: backup.error.message, en: backup.error.message };
  return { backup, recovery, newestGoodBackup, folderWarning, problem };
}

function damagedMessage(dbPath: string, good: BackupInfo | null, problems: readonly string[]): { de: string; en: string } {
  const detail = problems.slice(0, 3).join('\n');
  return {
    de:
      `Die Sammlung ${dbPath} wurde nach einem unerwarteten Ende geprüft und ist beschädigt:\n${detail}\n\n` +
      (good
        ? `Neueste intakte Sicherung: ${good.file}\nZurückspielen über Einstellungen → Sicherungen oder mit: fundstelle restore "${good.file}"`
        : 'Es gibt keine intakte Sicherung. Bitte die Datei nicht löschen und „fundstelle check“ ausführen.'),
    en:
      `The collection ${dbPath} was checked after an unexpected end and is damaged:\n${detail}\n\n` +
      (good
        ? `Newest intact backup: ${good.file}\nRestore it in Settings → Backups or with: fundstelle restore "${good.file}"`
        : 'There is no intact backup. Please do not delete the file, and run “fundstelle check”.'),
  };
}

/** A hint for the "cannot open" error at start: which backup to restore, and how. */
export function openFailureAdvice(dbPath: string, lang: Lang): string {
  const good = findNewestGoodBackup(dbPath);
  if (!good) return '';
  return lang === 'de'
    ? `\n\nNeueste intakte Sicherung: ${good.file}\nZurückspielen mit: fundstelle restore --db "${dbPath}" "${good.file}"`
    : `\n\nNewest intact backup: ${good.file}\nRestore it with: fundstelle restore --db "${dbPath}" "${good.file}"`;
}

import { z } from 'zod';
import { result } from './contract-result.js';

/**
 * Backup channels (spread into `contract` in `contract.ts`):
 * - `backup.create`: a verified backup now (into the backup folder, rotated);
 * - `backup.list`: the backups (newest first), the folder, how many are kept, and a warning when
 *   the data folder is on a network or cloud-synced drive;
 * - `backup.restore {file}`: restores the backup with that file name (from `backup.list`; no paths:
 *   the UI can only pick backups from the backup folder), keeping the current state first;
 * - `backup.check`: the integrity checks of the open collection, and the newest good backup.
 */

/** `backup`: daily or manual; `before-migration`: made before a schema update; `before-restore`: the state a restore replaced. */
export type BackupKind = 'backup' | 'before-migration' | 'before-restore';

/** One backup file. */
export interface BackupInfo {
  /** Absolute path. */
  file: string;
  /** File name (what `backup.restore` takes). */
  name: string;
  /** When it was made (ISO 8601, from the name). */
  createdAt: string;
  size: number;
  kind: BackupKind;
}

/** What a restore did. */
export interface RestoreResult {
  /** The collection file that now holds the backup. */
  restored: string;
  /** The backup restored. */
  from: string;
  /** Where the replaced state was kept (null when there was no collection yet). */
  previous: string | null;
}

/** The data folder is on a drive where SQLite files are at risk (sync clients copy half-written files; network locks are unreliable). */
export interface FolderWarning {
  kind: 'dropbox' | 'onedrive' | 'icloud' | 'google-drive' | 'nextcloud' | 'cloud' | 'network';
  /** What matched: the folder name or the mount's file system type. */
  match: string;
  message: { de: string; en: string };
}

/** `backup.list`'s answer. */
export interface BackupListing {
  dir: string;
  keep: number;
  backups: BackupInfo[];
  folderWarning: FolderWarning | null;
}

/** `backup.check`'s answer. */
export interface BackupCheckResult {
  ok: boolean;
  problems: string[];
  checks: { name: string; ok: boolean; detail: string }[];
  counts: Record<string, number>;
  ms: number;
  /** Offered when the check failed. */
  newestGoodBackup: BackupInfo | null;
}

/** A backup's file name: no folders, no traversal (the handler resolves it inside the backup folder). */
export const backupFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^collection-[\w.-]+\.sqlite$/, 'ein Dateiname aus der Sicherungsliste')
  .refine((s) => !s.includes('..'), 'ein Dateiname aus der Sicherungsliste');

export const backupChannels = {
  'backup.create': { args: z.object({}).strict(), result: result<BackupInfo>() },
  'backup.list': { args: z.object({}).strict(), result: result<BackupListing>() },
  'backup.restore': { args: z.object({ file: backupFileNameSchema }).strict(), result: result<RestoreResult>() },
  'backup.check': { args: z.object({}).strict(), result: result<BackupCheckResult>() },
} as const;

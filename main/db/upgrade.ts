import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerScript } from '../core/import/worker-script.js';
import { LATEST_VERSION, schemaVersion } from './migrations/index.js';
import { openDatabase, type MigrationProgress } from './open.js';
import type { UpgradeMessage, UpgradeWorkerData } from './upgrade-worker.js';
import { toErrorPayload } from '../core/errors.js';
import type { Lang } from '../../shared/errors.js';

/**
 * Bringing an older collection up to date before the app opens it. On a large collection that
 * takes minutes (migration 11 rebuilds the search index: about 150 s at 100,000 articles), and on
 * the main process's thread the app would not even show a window meanwhile. So the app checks
 * first ({@link pendingUpgrade}) and, when there is something to do, runs it on a worker thread
 * ({@link upgradeCollection}) while its upgrade window shows the progress (main/electron/upgrade.ts).
 */

/**
 * From this many articles on the app shows its upgrade window; a smaller collection is brought up
 * to date in a second or two (the index rebuild: about 700 articles a second on the 2-core
 * benchmark machine), before any window, as it is opened.
 */
export const UPGRADE_WINDOW_MIN_ARTICLES = 1000;

/**
 * The schema step an existing collection file is waiting for, with its number of articles and the
 * UI language stored in it (for the upgrade window), or null: new, current, or not readable here
 * (openDatabase then says why).
 */
export function pendingUpgrade(file: string): { from: number; to: number; articles: number; lang: Lang } | null {
  try {
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const from = schemaVersion(db);
      if (from >= LATEST_VERSION) return null;
      let articles = 0;
      try {
        articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
      } catch {
        // no articles table yet
      }
      let lang: Lang = 'de';
      try {
        if (db.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get() === '"en"') lang = 'en';
      } catch {
        // no settings table yet: the default language
      }
      return { from, to: LATEST_VERSION, articles, lang };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The upgrade failed: the message (in the language asked for) and code of what openDatabase threw, as toErrorPayload gives them. */
export class UpgradeError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'UpgradeError';
  }
}

/**
 * Opens `file` on a worker thread, which backs it up and migrates it as openDatabase does, and
 * resolves when it is up to date; `onProgress` hears each step. Where no worker can start, it is
 * done on this thread (the same work, only without a responsive window meanwhile).
 */
export function upgradeCollection(file: string, lang: Lang, onProgress: (p: MigrationProgress) => void): Promise<void> {
  const script = workerScript('upgrade-worker', import.meta.url);
  let worker: Worker | null = null;
  try {
    if (script) worker = startWorker(script, { workerData: { file, lang } satisfies UpgradeWorkerData });
  } catch {
    worker = null;
  }
  if (!worker) {
    try {
      openDatabase(file, { onMigrationProgress: onProgress }).close();
    } catch (e) {
      const { message, code } = toErrorPayload(e, lang);
      return Promise.reject(new UpgradeError(message, code));
    }
    return Promise.resolve();
  }
  const w = worker;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    w.on('message', (m: UpgradeMessage) => {
      if ('progress' in m) onProgress(m.progress);
      else if ('done' in m) settle(null);
      else settle(new UpgradeError(m.error.message, m.error.code));
    });
    w.on('error', (e) => settle(new UpgradeError(e.message, null)));
    w.on('exit', (code) => settle(new UpgradeError(`upgrade worker ended before it was done (exit code ${code})`, null)));
  });
}

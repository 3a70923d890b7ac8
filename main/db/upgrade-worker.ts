import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../../shared/errors.js';
import { toErrorPayload } from '../core/errors.js';
import { openDatabase, type MigrationProgress } from './open.js';

/**
 * The thread that brings an older collection up to date for the app (upgrade.ts): opens it as the
 * app would (backup first, then the migrations in one transaction), reports progress, closes it.
 */
export interface UpgradeWorkerData {
  file: string;
  /** The language of an error's message. */
  lang: Lang;
}
export type UpgradeMessage = { progress: MigrationProgress } | { done: true } | { error: { message: string; code: string } };

const port = parentPort;
if (port) {
  const { file, lang } = workerData as UpgradeWorkerData;
  try {
    openDatabase(file, { onMigrationProgress: (progress) => port.postMessage({ progress } satisfies UpgradeMessage) }).close();
    port.postMessage({ done: true } satisfies UpgradeMessage);
  } catch (e) {
    const { message, code } = toErrorPayload(e, lang);
    port.postMessage({ error: { message, code } } satisfies UpgradeMessage);
  }
}

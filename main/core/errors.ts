import { AppError, formatError, type ErrorPayload, type Lang } from '../../shared/errors.js';
import { DatabaseOpenError, DatabaseTooNewError, isCorruption } from '../db/errors.js';

/** Turns anything thrown into the typed error payload that crosses a boundary (no stack traces). */
export function toErrorPayload(e: unknown, lang: Lang): ErrorPayload {
  if (e instanceof AppError) return { code: e.code, details: e.details, message: formatError(e.code, e.details, lang) };
  if (e instanceof DatabaseTooNewError) {
    const details = { found: e.found, supported: e.supported };
    return { code: 'DB_TOO_NEW', details, message: formatError('DB_TOO_NEW', details, lang) };
  }
  if (e instanceof DatabaseOpenError) {
    const details = { file: e.file, reason: e.reason };
    return { code: 'DB_OPEN_FAILED', details, message: formatError('DB_OPEN_FAILED', details, lang) };
  }
  const reason = e instanceof Error ? e.message : String(e);
  // SQLite's own errors a user can act on: a full disk and a damaged file (see main/core/backup.ts).
  if (isDiskFull(e)) {
    const details = { what: lang === 'de' ? 'die Änderung' : 'the change', reason };
    return { code: 'DISK_FULL', details, message: formatError('DISK_FULL', details, lang) };
  }
  if (isCorruption(e)) {
    const details = { reason };
    return { code: 'DB_CORRUPT', details, message: formatError('DB_CORRUPT', details, lang) };
  }
  return { code: 'INTERNAL', details: { reason }, message: formatError('INTERNAL', { reason }, lang) };
}

/** SQLITE_FULL (the disk or `max_page_count` is full) or ENOSPC from a file write. */
export function isDiskFull(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/i.test(e.message);
}

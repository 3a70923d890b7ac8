import { AppError, formatError, type ErrorPayload, type Lang } from '../../shared/errors.js';
import { DatabaseOpenError, } from '../db/open.js';
import { DatabaseTooNewError } from '../db/migrations/index.js';

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
  return { code: 'INTERNAL', details: { reason }, message: formatError('INTERNAL', { reason }, lang) };
}

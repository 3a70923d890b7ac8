/**
 * The errors of opening a collection, apart from the modules that open it (better-sqlite3, the
 * migrations), so that code which only reports errors (core/errors.ts, also on the parse worker)
 * does not load them.
 */

/** A database file that cannot be opened or is not a Fundstelle collection. */
export class DatabaseOpenError extends Error {
  readonly code = 'DB_OPEN_FAILED';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Die Sammlung ${file} kann nicht geöffnet werden: ${reason}`);
    this.name = 'DatabaseOpenError';
  }
}

/** SQLite's "this is not a (healthy) database" errors. */
export function isCorruption(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return true;
  return /file is not a database|malformed/i.test(e.message);
}

/** The database was written by a newer Fundstelle: opening it here could damage it. */
export class DatabaseTooNewError extends Error {
  readonly code = 'DB_TOO_NEW';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Die Sammlung stammt von einer neueren Fundstelle-Version (Schema ${found}, diese Version kennt bis ${supported}). ` +
        'Bitte aktualisieren Sie Fundstelle; die Datei bleibt unverändert.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

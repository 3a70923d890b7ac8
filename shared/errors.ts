/**
 * Error codes that cross every boundary (IPC, HTTP, CLI) instead of stack traces, with their
 * messages in German and English. `{name}` placeholders are filled from the error's details.
 */
export const ERROR_MESSAGES = {
  FILE_NOT_FOUND: {
    de: '{file}: Datei oder Ordner nicht gefunden. Bitte prüfen Sie den Pfad.',
    en: '{file}: file or folder not found. Please check the path.',
  },
  FILE_UNREADABLE: {
    de: '{file}: Die Datei kann nicht gelesen werden ({reason}). Bitte prüfen Sie die Zugriffsrechte.',
    en: '{file}: the file cannot be read ({reason}). Please check its permissions.',
  },
  FILE_EMPTY: {
    de: '{file}: Die Datei ist leer. Es wurde nichts importiert.',
    en: '{file}: the file is empty. Nothing was imported.',
  },
  FILE_TOO_LARGE: {
    de: '{file}: Die Datei ist zu groß ({size}; höchstens {limit}). Teilen Sie sie auf oder importieren Sie nur den Artikeltext.',
    en: '{file}: the file is too large ({size}; at most {limit}). Split it or import only the article text.',
  },
  FILE_BINARY: {
    de: '{file}: Die Datei enthält Binärdaten und ist weder Text, HTML noch PDF. Bitte als Text, Markdown, HTML oder PDF speichern.',
    en: '{file}: the file holds binary data and is neither text, HTML nor PDF. Please save it as text, Markdown, HTML or PDF.',
  },
  FILE_UNSUPPORTED: {
    de: '{file}: Dateityp „{type}“ wird nicht unterstützt. Unterstützt: .txt, .md, .html, .htm, .pdf.',
    en: '{file}: file type “{type}” is not supported. Supported: .txt, .md, .html, .htm, .pdf.',
  },
  FILE_NO_TEXT: {
    de: '{file}: Die Datei enthält keinen lesbaren Artikeltext ({reason}).',
    en: '{file}: the file contains no readable article text ({reason}).',
  },
  FILE_PARSE_FAILED: {
    de: '{file}: Die Datei konnte nicht gelesen werden ({reason}). Ist sie beschädigt?',
    en: '{file}: the file could not be parsed ({reason}). Is it damaged?',
  },
  FILE_ENCODING: {
    de: '{file}: Die Zeichenkodierung ist ungültig ({reason}). Bitte als UTF-8 speichern.',
    en: '{file}: the character encoding is invalid ({reason}). Please save it as UTF-8.',
  },
  IMPORT_WRITE_FAILED: {
    de: '{file}: Der Artikel konnte nicht gespeichert werden ({reason}). Die Sammlung ist unverändert; bitte erneut versuchen.',
    en: '{file}: the article could not be saved ({reason}). The collection is unchanged; please try again.',
  },
  ARTICLE_NOT_FOUND: {
    de: 'Artikel {id} gibt es in dieser Sammlung nicht.',
    en: 'There is no article {id} in this collection.',
  },
  SEARCH_QUERY_INVALID: {
    de: 'Die Suchanfrage „{query}“ ist ungültig: {reason}',
    en: 'The search query “{query}” is invalid: {reason}',
  },
  DB_TOO_NEW: {
    de: 'Die Sammlung stammt von einer neueren Fundstelle-Version (Schema {found}, unterstützt bis {supported}). Bitte aktualisieren Sie Fundstelle.',
    en: 'The collection was written by a newer Fundstelle (schema {found}, this version supports up to {supported}). Please update Fundstelle.',
  },
  DB_OPEN_FAILED: {
    de: 'Die Sammlung {file} kann nicht geöffnet werden: {reason}',
    en: 'The collection {file} cannot be opened: {reason}',
  },
  INVALID_ARGUMENTS: {
    de: 'Ungültige Anfrage an „{channel}“: {reason}',
    en: 'Invalid request to “{channel}”: {reason}',
  },
  UNKNOWN_CHANNEL: {
    de: 'Unbekannte Funktion „{channel}“.',
    en: 'Unknown function “{channel}”.',
  },
  FORBIDDEN: {
    de: 'Zugriff verweigert.',
    en: 'Access denied.',
  },
  INTERNAL: {
    de: 'Interner Fehler: {reason}',
    en: 'Internal error: {reason}',
  },
} as const satisfies Record<string, { de: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Lang = 'de' | 'en';
export type ErrorDetails = Record<string, string | number>;

/** An error with a translatable code and the details its message needs. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(formatError(code, details, 'de'));
    this.name = 'AppError';
  }
}

/** The plain form of an error as it crosses a transport. */
export interface ErrorPayload {
  code: ErrorCode;
  details: ErrorDetails;
  message: string;
}

/** Fills the message template of `code` in `lang`. */
export function formatError(code: ErrorCode, details: ErrorDetails, lang: Lang): string {
  const template: string = ERROR_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in details ? String(details[key]) : whole));
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** Human-readable byte size: "12,5 MB" / "12.5 MB". */
export function formatBytes(bytes: number, lang: Lang = 'de'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const s = i === 0 ? String(v) : v.toFixed(1);
  return `${lang === 'de' ? s.replace('.', ',') : s} ${units[i]}`;
}

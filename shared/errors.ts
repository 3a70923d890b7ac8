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
  MAPPE_NOT_FOUND: {
    de: 'Die Mappe {id} gibt es in dieser Sammlung nicht.',
    en: 'There is no Mappe (folder) {id} in this collection.',
  },
  MAPPE_NAME_TAKEN: {
    de: 'Es gibt schon eine Mappe „{name}“ (Groß- und Kleinschreibung zählen nicht). Bitte einen anderen Namen wählen.',
    en: 'There already is a Mappe (folder) “{name}” (case is ignored). Please choose another name.',
  },
  MAPPE_NAME_EMPTY: {
    de: 'Eine Mappe braucht einen Namen.',
    en: 'A Mappe (folder) needs a name.',
  },
  SAVED_SEARCH_NOT_FOUND: {
    de: 'Die gespeicherte Suche {id} gibt es nicht.',
    en: 'There is no saved search {id}.',
  },
  SAVED_SEARCH_NAME_TAKEN: {
    de: 'Es gibt schon eine gespeicherte Suche „{name}“. Zum Ersetzen bitte ausdrücklich überschreiben.',
    en: 'There already is a saved search “{name}”. To replace it, choose to overwrite it explicitly.',
  },
  QUOTE_NOT_FOUND: {
    de: 'Die Textstelle „{quote}“ kommt in Artikel {id} nicht vor{context}. Bitte genau wie im Artikeltext angeben.',
    en: 'The passage “{quote}” does not occur in article {id}{context}. Please give it exactly as in the article text.',
  },
  QUOTE_AMBIGUOUS: {
    de: 'Die Textstelle „{quote}“ kommt in Artikel {id} {count}-mal vor. Bitte mit --prefix (Text davor) oder --suffix (Text danach) eindeutig machen.',
    en: 'The passage “{quote}” occurs {count} times in article {id}. Please tell them apart with --prefix (text before) or --suffix (text after).',
  },
  ANNOTATION_NOT_FOUND: {
    de: 'Die Annotation {id} gibt es in dieser Sammlung nicht.',
    en: 'There is no annotation {id} in this collection.',
  },
  ANNOTATION_RANGE_INVALID: {
    de: 'Die Stelle {start}–{end} liegt nicht im Text von Artikel {id} ({length} Zeichen) oder ist leer.',
    en: 'The range {start}–{end} is not inside the text of article {id} ({length} characters) or is empty.',
  },
  ANNOTATION_NONPUBLIC: {
    de: 'Die Stelle {start}–{end} in Artikel {id} liegt in einem Abschnitt, der nicht zur Veröffentlichung bestimmt ist. Solche Abschnitte werden nicht annotiert und nie exportiert.',
    en: 'The range {start}–{end} in article {id} lies in a section not meant for publication. Such sections are not annotated and never exported.',
  },
  ANNOTATION_IMPORT_INVALID: {
    de: '{file}: Die Datei ist kein gültiger Web-Annotation-Export ({reason}). Es wurde nichts importiert.',
    en: '{file}: the file is not a valid Web Annotation export ({reason}). Nothing was imported.',
  },
  CITATION_STYLE_UNKNOWN: {
    de: 'Den Zitierstil „{style}“ gibt es nicht. Verfügbar: {available}.',
    en: 'There is no citation style “{style}”. Available: {available}.',
  },
  CITATION_STYLE_NOT_XML: {
    de: '{name}: Die Datei ist kein wohlgeformtes XML ({reason}). Bitte eine CSL-Stildatei (.csl) wählen.',
    en: '{name}: the file is not well-formed XML ({reason}). Please choose a CSL style file (.csl).',
  },
  CITATION_STYLE_NOT_CSL: {
    de: '{name}: Das ist kein CSL-Zitierstil: Es fehlt das Wurzelelement <style> im CSL-Namensraum (http://purl.org/net/xbiblio/csl).',
    en: '{name}: this is not a CSL citation style: the root element <style> in the CSL namespace (http://purl.org/net/xbiblio/csl) is missing.',
  },
  CITATION_STYLE_NO_ID: {
    de: '{name}: Dem CSL-Stil fehlt {missing} im Abschnitt <info>.',
    en: '{name}: the CSL style has no {missing} in its <info> section.',
  },
  CITATION_STYLE_DEPENDENT: {
    de: '{name}: Das ist ein abhängiger Stil, der nur auf „{parent}“ verweist und selbst nichts formatiert. Bitte die Datei des Elternstils hinzufügen.',
    en: '{name}: this is a dependent style that only points to “{parent}” and formats nothing itself. Please add the parent style\'s file instead.',
  },
  CITATION_STYLE_BROKEN: {
    de: '{name}: Mit diesem CSL-Stil lässt sich nichts formatieren ({reason}).',
    en: '{name}: this CSL style cannot format anything ({reason}).',
  },
  CITATION_STYLE_BUILTIN: {
    de: '„{id}“ ist ein mitgelieferter Zitierstil und kann nicht ersetzt oder entfernt werden. Bitte dem eigenen Stil eine andere ID geben.',
    en: '“{id}” is a built-in citation style and cannot be replaced or removed. Please give your style another id.',
  },
  CITATION_RENDER_FAILED: {
    de: 'Die Quellenangabe im Stil „{style}“ konnte nicht erzeugt werden: {reason}',
    en: 'The citation in style “{style}” could not be produced: {reason}',
  },
  CITATION_NOTHING_SELECTED: {
    de: 'Es ist nichts ausgewählt, dessen Quellenangabe exportiert werden könnte.',
    en: 'Nothing is selected whose citation could be exported.',
  },
  CITATION_SOURCE_NOT_FOUND: {
    de: 'Die Quelle {id} gibt es in dieser Sammlung nicht.',
    en: 'There is no source {id} in this collection.',
  },
  CITATION_PATCH_INVALID: {
    de: 'Die Änderung der Quellenangabe ist ungültig: {reason}',
    en: 'The change to the citation record is invalid: {reason}',
  },
  CITATION_RANGE_INVALID: {
    de: 'Die Textstelle {start}–{end} liegt nicht im Artikel (Länge {length}) oder ist leer.',
    en: 'The passage {start}–{end} is not within the article (length {length}) or is empty.',
  },
  CITATION_PASSAGE_NONPUBLIC: {
    de: 'Die Textstelle berührt einen Abschnitt, der nicht zur Veröffentlichung bestimmt ist. Solcher Text wird nie zitiert oder kopiert; bitte die Auswahl darauf beschränken.',
    en: 'The passage touches a section not meant for publication. Such text is never cited or copied; please narrow the selection.',
  },
  CONTACT_NOT_FOUND: {
    de: 'Den Kontakt {id} gibt es im Adressbuch nicht.',
    en: 'There is no contact {id} in the address book.',
  },
  CONTACT_EMAIL_INVALID: {
    de: '„{email}“ ist keine gültige E-Mail-Adresse.',
    en: '“{email}” is not a valid e-mail address.',
  },
  CONTACT_EXISTS: {
    de: 'Die Adresse {email} steht schon im Adressbuch. Bitte den vorhandenen Kontakt bearbeiten.',
    en: 'The address {email} is already in the address book. Please edit that contact instead.',
  },
  CONTACT_IMPORT_INVALID: {
    de: '{file}, Zeile {line}: {reason}. Es wurde nichts importiert.',
    en: '{file}, line {line}: {reason}. Nothing was imported.',
  },
  INQUIRY_NOT_FOUND: {
    de: 'Die Rückfrage {id} gibt es in dieser Sammlung nicht.',
    en: 'There is no follow-up question {id} in this collection.',
  },
  INQUIRY_QUESTION_EMPTY: {
    de: 'Bitte die Frage angeben: Eine Rückfrage ohne Text kann nicht gestellt werden.',
    en: 'Please write the question: a follow-up question without text cannot be asked.',
  },
  INQUIRY_PASSAGE_INVALID: {
    de: 'Die Stelle {start}–{end} liegt nicht im Text von Artikel {id} ({length} Zeichen) oder ist leer.',
    en: 'The range {start}–{end} is not inside the text of article {id} ({length} characters) or is empty.',
  },
  INQUIRY_PASSAGE_NONPUBLIC: {
    de: 'Die Stelle {start}–{end} in Artikel {id} liegt in einem Abschnitt, der nicht zur Veröffentlichung bestimmt ist. Daraus wird nie zitiert, auch nicht in Rückfragen.',
    en: 'The range {start}–{end} in article {id} lies in a section not meant for publication. It is never quoted, not even in follow-up questions.',
  },
  INQUIRY_CONTACT_UNKNOWN: {
    de: 'Die Adresse {email} steht weder in Artikel {id} noch im Adressbuch. Bitte zuerst als Kontakt anlegen (fundstelle contacts add).',
    en: 'The address {email} is neither named in article {id} nor in the address book. Please add it as a contact first (fundstelle contacts add).',
  },
  INQUIRY_DATE_INVALID: {
    de: '„{value}“ ist kein gültiges Datum für {field}. Bitte als JJJJ-MM-TT angeben.',
    en: '“{value}” is not a valid date for {field}. Please use YYYY-MM-DD.',
  },
  INQUIRY_ANSWER_REQUIRED: {
    de: 'Rückfrage {id} kann nur mit einer Antwort als beantwortet markiert werden.',
    en: 'Follow-up question {id} can only be marked as answered with an answer.',
  },
  INQUIRY_STATUS_CONFLICT: {
    de: 'Rückfrage {id} ist bereits „{status}“ und kann nicht als gestellt markiert werden. Es wurde nichts geändert.',
    en: 'Follow-up question {id} is already “{status}” and cannot be marked as asked. Nothing was changed.',
  },
  INQUIRY_CLAIM_INVALID: {
    de: 'Die Annotation {id} ist keine (vorhandene) Behauptung. Eine Antwort lässt sich nur an eine Behauptung hängen.',
    en: 'The annotation {id} is not an (existing) claim. An answer can only be attached to a claim.',
  },
  INQUIRY_DRAFT_EMPTY: {
    de: 'Es gibt keine offenen Rückfragen mit Ansprechpartner{scope}. Es wurde kein Entwurf erstellt.',
    en: 'There are no open follow-up questions with a contact{scope}. No draft was made.',
  },
  INQUIRY_DRAFT_SEVERAL_CONTACTS: {
    de: 'Die offenen Rückfragen zu Artikel {id} gehen an mehrere Ansprechpartner ({contacts}). Bitte einen wählen (--contact).',
    en: 'The open follow-up questions on article {id} go to several contacts ({contacts}). Please choose one (--contact).',
  },
  SOURCE_NOT_FOUND: {
    de: 'Die Quelle {id} gibt es im Quellenverzeichnis nicht.',
    en: 'There is no source {id} in the source registry.',
  },
  SOURCE_MERGE_SELF: {
    de: 'Eine Quelle kann nicht mit sich selbst zusammengeführt werden ({id}).',
    en: 'A source cannot be merged with itself ({id}).',
  },
  SOURCE_MENTION_NOT_FOUND: {
    de: 'Die Erwähnung {id} gibt es nicht.',
    en: 'There is no mention {id}.',
  },
  PROPOSAL_NOT_FOUND: {
    de: 'Den Vorschlag „{key}“ gibt es für Artikel {id} nicht (mehr). Hat sich der Text geändert? Bitte die Vorschläge neu laden.',
    en: 'There is no proposal “{key}” for article {id} (any more). Has the text changed? Please reload the proposals.',
  },
  PROPOSAL_ALREADY_ACCEPTED: {
    de: 'Der Vorschlag „{key}“ wurde bereits angenommen. Um ihn rückgängig zu machen, bitte Annotation und Erwähnung löschen.',
    en: 'The proposal “{key}” was already accepted. To undo it, please delete its annotation and mention.',
  },
  DB_TOO_NEW: {
    de: 'Die Sammlung stammt von einer neueren Fundstelle-Version (Schema {found}, unterstützt bis {supported}). Bitte aktualisieren Sie Fundstelle.',
    en: 'The collection was written by a newer Fundstelle (schema {found}, this version supports up to {supported}). Please update Fundstelle.',
  },
  DISK_FULL: {
    de: 'Der Speicherplatz reicht nicht: {what} wurde nicht gespeichert ({reason}). Die Sammlung ist unverändert. Bitte Platz schaffen und erneut versuchen.',
    en: 'There is not enough disk space: {what} was not saved ({reason}). The collection is unchanged. Please free some space and try again.',
  },
  DB_CORRUPT: {
    de: 'Die Sammlung ist beschädigt ({reason}). Sie wird nicht verändert. Bitte „fundstelle check“ ausführen und eine Sicherung zurückspielen („fundstelle restore“ oder Einstellungen → Sicherungen).',
    en: 'The collection is damaged ({reason}). It is left untouched. Please run “fundstelle check” and restore a backup (“fundstelle restore” or Settings → Backups).',
  },
  BACKUP_FAILED: {
    de: 'Die Sicherung {file} ist fehlgeschlagen ({reason}). Die Sammlung ist unverändert.',
    en: 'The backup {file} failed ({reason}). The collection is unchanged.',
  },
  BACKUP_INVALID: {
    de: '{file} ist keine intakte Fundstelle-Sicherung ({reason}). Es wurde nichts zurückgespielt.',
    en: '{file} is not an intact Fundstelle backup ({reason}). Nothing was restored.',
  },
  BACKUP_NOT_FOUND: {
    de: 'Die Sicherung {file} gibt es nicht.',
    en: 'There is no backup {file}.',
  },
  ARCHIVE_INVALID: {
    de: '{file} ist kein gültiges Fundstelle-Archiv: {reason}. Es wurde nichts importiert.',
    en: '{file} is not a valid Fundstelle archive: {reason}. Nothing was imported.',
  },
  ARCHIVE_TOO_NEW: {
    de: '{file} stammt von einer neueren Fundstelle-Version (Archivformat {found}, diese Version liest bis {supported}). Bitte aktualisieren Sie Fundstelle. Es wurde nichts importiert.',
    en: '{file} was written by a newer Fundstelle (archive format {found}, this version reads up to {supported}). Please update Fundstelle. Nothing was imported.',
  },
  ARCHIVE_TOO_LARGE: {
    de: '{file} ist zu groß zum Importieren ({what}: {size}; höchstens {limit}). Es wurde nichts importiert.',
    en: '{file} is too large to import ({what}: {size}; at most {limit}). Nothing was imported.',
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
  EXPORT_PATH_INVALID: {
    de: '„{name}“ ist kein zulässiger Dateiname im Ordner {dir}: Er würde den Ordner verlassen oder ist unter Windows reserviert.',
    en: '“{name}” is not an allowed file name in the folder {dir}: it would leave the folder or is reserved on Windows.',
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

/** Fills `{name}` placeholders from `values`; a placeholder without a value stays as it is. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** Fills the message template of `code` in `lang`. */
export function formatError(code: ErrorCode, details: ErrorDetails, lang: Lang): string {
  return fillTemplate(ERROR_MESSAGES[code][lang], details);
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

/**
 * Domain types of the source registry (Quellenverwaltung): the people, organisations, documents and
 * anonymous sources an article relies on, where they are mentioned, how well they are verified and
 * whether they are protected (Informantenschutz). Pure data, shared by store, contract, CLI and UI.
 */

/** What a source is. */
export const SOURCE_KINDS = ['person', 'organisation', 'document', 'anonymous'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The labels journalists see. */
export const SOURCE_KIND_LABELS: Record<SourceKind, { de: string; en: string }> = {
  person: { de: 'Person', en: 'Person' },
  organisation: { de: 'Organisation', en: 'Organisation' },
  document: { de: 'Dokument', en: 'Document' },
  anonymous: { de: 'Anonyme Quelle', en: 'Anonymous source' },
};

/** Verification status; stored and exchanged in German, as the newsroom uses it. */
export const VERIFICATION_STATUSES = ['unbestätigt', 'bestätigt', 'fraglich', 'widerlegt'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Status labels in both UI languages. */
export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, { de: string; en: string }> = {
  unbestätigt: { de: 'unbestätigt', en: 'unverified' },
  bestätigt: { de: 'bestätigt', en: 'verified' },
  fraglich: { de: 'fraglich', en: 'doubtful' },
  widerlegt: { de: 'widerlegt', en: 'refuted' },
};

/** Longest name, role, organisation or wording the store accepts. */
export const MAX_SOURCE_FIELD = 500;
/** Longest note on a source or a status change. */
export const MAX_SOURCE_NOTE = 20_000;
/** Most aliases per source. */
export const MAX_ALIASES = 50;

/** One entry of the registry. */
export interface Source {
  id: number;
  kind: SourceKind;
  /** Person or organisation name, document title, or for anonymous sources a short label ("Insider"). */
  name: string;
  /** Role or function ("Softbank-Chef", "Chef der Softbank-Beteiligung ARM"), null when unknown. */
  role: string | null;
  organisation: string | null;
  /** For anonymous sources: the wording the text uses ("Insidern zufolge", "people familiar with the matter"). */
  wording: string | null;
  /** Other spellings of the name; a protected source's aliases are redacted like its name. */
  aliases: string[];
  note: string;
  status: VerificationStatus;
  /** Protected (Informantenschutz): name and aliases never leave the app; exporters redact them. */
  protected: boolean;
  createdAt: string;
  updatedAt: string;
  /** Number of mentions in articles. */
  mentionCount: number;
}

/** A passage of an article that rests on a source. Offsets and quote describe the article's text when linked. */
export interface SourceMention {
  id: number;
  sourceId: number;
  articleId: number;
  articleTitle: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** The typed annotation on this passage, if any (null after it was removed for good). */
  annotationId: string | null;
  /** What in the text pointed at the source ("sagte", "Insidern zufolge"), if known. */
  cue: string | null;
  /** The role as this article states it, if any. */
  role: string | null;
  createdAt: string;
}

/** One entry of a source's dated verification history. */
export interface StatusChange {
  id: number;
  sourceId: number;
  status: VerificationStatus;
  /** The status before; null for the entry written when the source was created. */
  previous: VerificationStatus | null;
  note: string;
  /** Who made the change (the OS user name unless given). */
  by: string;
  /** ISO 8601 timestamp. */
  at: string;
}

/** A source with its mentions (in article and text order) and its history (oldest first). */
export interface SourceDetail extends Source {
  mentions: SourceMention[];
  history: StatusChange[];
}

/**
 * Domain types of annotations: typed highlights with a note and tags on a passage of an article's
 * canonical text. Pure data, shared by the store, the contract, the CLI and the reading view.
 */
import type { Selectors } from './anchoring.js';

/** What a marked passage is. */
export const ANNOTATION_TYPES = ['quote', 'claim', 'figure', 'note', 'question'] as const;
export type AnnotationType = (typeof ANNOTATION_TYPES)[number];

/** The labels journalists see. */
export const ANNOTATION_TYPE_LABELS: Record<AnnotationType, { de: string; en: string }> = {
  quote: { de: 'Zitat', en: 'Quote' },
  claim: { de: 'Behauptung', en: 'Claim' },
  figure: { de: 'Zahl', en: 'Figure' },
  note: { de: 'Notiz', en: 'Note' },
  question: { de: 'Rückfrage', en: 'Question' },
};

/** W3C Web Annotation motivations (https://www.w3.org/TR/annotation-model/#motivation-and-purpose) used by the export. */
export type W3cMotivation = 'highlighting' | 'assessing' | 'tagging' | 'commenting' | 'questioning';

/**
 * Type → W3C motivation, one to one so other tools can tell the types apart:
 * a Zitat highlights words someone said (highlighting); a Behauptung is to be checked (assessing);
 * a Zahl marks the passage as a figure to verify, a classification of the target (tagging); a
 * Notiz comments (commenting); a Rückfrage asks about the passage (questioning). The export also
 * names the type in a `classifying` body, which the import reads first.
 */
export const ANNOTATION_MOTIVATIONS: Record<AnnotationType, W3cMotivation> = {
  quote: 'highlighting',
  claim: 'assessing',
  figure: 'tagging',
  note: 'commenting',
  question: 'questioning',
};

/** True for the five annotation type keys. */
export function isAnnotationType(value: unknown): value is AnnotationType {
  return typeof value === 'string' && (ANNOTATION_TYPES as readonly string[]).includes(value);
}

/** How the current anchor was found: made on this text, or re-anchored by position, exact or approximate search. */
export type AnchorState = 'created' | 'position' | 'exact' | 'fuzzy';

/** Where the passage is in the article's current text. */
export interface CurrentAnchor {
  start: number;
  end: number;
  method: AnchorState;
  /** Matcher's confidence 0..1; 1 for created and position anchors. Fuzzy anchors deserve a look. */
  score: number;
}

/** One annotation as the contract returns it. */
export interface Annotation {
  /** Stable id (UUID); exported as `urn:uuid:…`. */
  id: string;
  articleId: number;
  /** Content hash of the article version the selectors describe (the current one unless orphaned). */
  versionHash: string;
  type: AnnotationType;
  /** The journalist's note; empty when none. */
  note: string;
  /** Tag names, sorted. */
  tags: string[];
  /** W3C selectors on the version `versionHash`. */
  selectors: Selectors;
  /** Position in the article's current text, or null: an orphan that could not be placed after a new version. */
  anchor: CurrentAnchor | null;
  /** The passage as it was first marked; kept whatever happens to the text. */
  originalQuote: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  /** Set while the annotation is in the bin (soft-deleted, restorable). */
  deleted: string | null;
}

/** The annotations of one article for the reading view: placed ones in text order, orphans apart. */
export interface ArticleAnnotations {
  articleId: number;
  /** Content hash of the article's current text, so a view can tell whether its text is stale. */
  versionHash: string;
  anchored: Annotation[];
  orphans: Annotation[];
}

/** One row of the review list: the annotation and the article it belongs to. */
export interface ReviewRow extends Annotation {
  articleTitle: string;
  articleAgency: string | null;
  articlePublished: string | null;
}

/** Counts of matching annotations per type (all five keys always present). */
export type TypeCounts = Record<AnnotationType, number>;

/** A page of the review list with the total and the counts per type of everything that matches. */
export interface ReviewResult {
  total: number;
  items: ReviewRow[];
  countsByType: TypeCounts;
}

/** A tag with the number of annotations (not in the bin) carrying it. */
export interface TagCount {
  name: string;
  count: number;
}

/** Export formats. */
export const EXPORT_FORMATS = ['w3c', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export, ready to be saved: the UI offers `fileName`, the CLI writes `content`. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** Number of annotations in it. */
  count: number;
}

/** What an import of a W3C file did. */
export interface AnnotationImportResult {
  file: string;
  /** New annotations. */
  created: number;
  /** Existing ids replaced by a newer modification. */
  updated: number;
  /** Existing ids already as new as the file's, left alone. */
  unchanged: number;
  /** Of the created and updated: how many could not be placed on the article's current text. */
  orphaned: number;
}

/** One stored version of an article: the current one and the ones it replaced. */
export interface ArticleVersionInfo {
  /** 1 for the first import, counting up. */
  version: number;
  contentHash: string;
  title: string;
  versionMarkers: string[];
  importedAt: string;
  sourceFile: string;
  current: boolean;
}

/** Longest note and tag the store accepts. */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 50;

/**
 * A tag as stored: Unicode NFC, whitespace runs folded to one space, a leading `#` dropped,
 * trimmed. Returns '' for nothing left. Tags compare case-insensitively (`tagKey`).
 */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^#+\s*/u, '').trim().slice(0, MAX_TAG_LENGTH);
}

/** The comparison key of a tag: lower case with German rules, so "KI" and "ki", "Öl" and "öl" are one tag. */
export function tagKey(name: string): string {
  return normaliseTag(name).toLocaleLowerCase('de');
}

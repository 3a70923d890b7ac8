import { z } from 'zod';
import { BLOCK_KINDS, CREDIT_ROLES, SOURCE_FORMATS } from '../../../shared/article.js';
import { ANNOTATION_TYPES } from '../../../shared/annotation.js';

/**
 * The `.fundstelle` archive format, version 1: a zip of `manifest.json` and one JSON file per
 * entity type. Everything is keyed by content hashes (articles, versions) and natural keys
 * (annotation UUIDs, contact e-mail, source name + kind, Mappe name), never by database ids, so an
 * archive merges into any collection. The zod schemas are the single check of what an import accepts.
 */

/** The format name in the manifest (a zip from elsewhere is refused). */
export const ARCHIVE_FORMAT = 'fundstelle-archive';
/** The format version this build writes and the newest it reads. */
export const ARCHIVE_VERSION = 1;
/** The file extension of an archive. */
export const ARCHIVE_EXTENSION = '.fundstelle';

/** The entity files, in import order (articles first: everything else points at them). */
export const ARCHIVE_FILES = ['articles.json', 'annotations.json', 'sources.json', 'contacts.json', 'inquiries.json', 'citations.json', 'mappen.json'] as const;
/** One entity file's name. */
export type ArchiveFile = (typeof ARCHIVE_FILES)[number];

const str = z.string();
const nstr = z.string().nullable();
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 content hash');
const iso = z.string().min(1).max(64);
const uuid = z.string().length(36);
const block = z.object({ kind: z.enum(BLOCK_KINDS), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict();
const provenance = z.object({ file: str, format: z.enum(SOURCE_FORMATS), encoding: nstr, importedAt: iso }).strict();

/** `manifest.json`. */
export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.number().int().positive(),
    createdAt: iso,
    appVersion: str,
    scope: z.object({ mappe: str.optional() }).strict(),
    includesProtected: z.boolean(),
    counts: z.record(z.string(), z.number().int().nonnegative()),
  })
  .strict();

const versionSchema = z
  .object({ version: z.number().int().positive(), contentHash: hash, title: str, versionMarkers: z.array(str), text: str, blocks: z.array(block), provenance })
  .strict();

/** One article of `articles.json` with its metadata and every earlier version. */
export const articleSchema = z
  .object({
    contentHash: hash,
    title: str,
    titleDerived: z.boolean(),
    kicker: nstr,
    language: nstr,
    agency: nstr,
    copyright: nstr,
    url: nstr,
    published: nstr,
    dateline: z.object({ place: str, agency: nstr }).strict().nullable(),
    datelineText: nstr,
    versionMarkers: z.array(str),
    text: str,
    blocks: z.array(block),
    credits: z.array(z.object({ role: z.enum(CREDIT_ROLES), name: str }).strict()),
    deskContacts: z.array(z.object({ email: str, scope: nstr }).strict()),
    provenance,
    versions: z.array(versionSchema),
  })
  .strict();

/** One annotation of `annotations.json`: keyed to its article's current hash and the hash of the text it describes. */
export const annotationSchema = z
  .object({
    id: uuid,
    articleHash: hash,
    versionHash: hash,
    type: z.enum(ANNOTATION_TYPES),
    note: str,
    tags: z.array(str),
    exact: str.min(1),
    prefix: str,
    suffix: str,
    posStart: z.number().int().nonnegative(),
    posEnd: z.number().int().positive(),
    originalExact: str,
    createdAt: iso,
    modifiedAt: iso,
    deletedAt: iso.nullable(),
  })
  .strict();

const SOURCE_STATUSES = ['unbestätigt', 'bestätigt', 'fraglich', 'widerlegt'] as const;

/** One source of `sources.json` with its status history and its mentions in archived articles. */
export const sourceSchema = z
  .object({
    kind: z.enum(['person', 'organisation', 'document', 'anonymous']),
    name: str.min(1),
    role: nstr,
    organisation: nstr,
    wording: nstr,
    aliases: z.array(str),
    note: str,
    status: z.enum(SOURCE_STATUSES),
    protected: z.boolean(),
    createdAt: iso,
    updatedAt: iso,
    history: z.array(z.object({ status: z.enum(SOURCE_STATUSES), previous: z.enum(SOURCE_STATUSES).nullable(), note: str, changedBy: str, changedAt: iso }).strict()),
    mentions: z.array(
      z
        .object({
          articleHash: hash,
          start: z.number().int().nonnegative(),
          end: z.number().int().positive(),
          exact: str,
          prefix: str,
          suffix: str,
          annotationId: uuid.nullable(),
          cue: nstr,
          role: nstr,
          createdAt: iso,
        })
        .strict(),
    ),
  })
  .strict();

/** One address-book entry of `contacts.json` (keyed by e-mail, case-insensitively). */
export const contactSchema = z
  .object({
    name: str,
    organisation: str,
    beats: z.array(str),
    email: str.min(3),
    phone: str,
    notes: str,
    origin: z.enum(['manual', 'article']),
    createdAt: iso,
    updatedAt: iso,
  })
  .strict();

const INQUIRY_STATUSES = ['offen', 'gestellt', 'beantwortet', 'verworfen'] as const;

/** One Rückfrage of `inquiries.json` (keyed by article, creation time and question) with its status history. */
export const inquirySchema = z
  .object({
    articleHash: hash,
    annotationId: uuid.nullable(),
    question: str.min(1),
    versionHash: hash.nullable(),
    exact: nstr,
    prefix: nstr,
    suffix: nstr,
    posStart: z.number().int().nonnegative().nullable(),
    posEnd: z.number().int().positive().nullable(),
    contactEmail: nstr,
    routeEmail: nstr,
    routeBasis: z.enum(['passage', 'question', 'paragraph', 'article', 'fallback', 'manual', 'none']),
    routeBeat: nstr,
    routeTerms: z.array(str),
    routeOverridden: z.boolean(),
    status: z.enum(INQUIRY_STATUSES),
    askedAt: nstr,
    answer: nstr,
    answeredAt: nstr,
    answeredBy: nstr,
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    claimAnnotationId: uuid.nullable(),
    createdAt: iso,
    updatedAt: iso,
    history: z.array(z.object({ status: z.enum(INQUIRY_STATUSES), at: iso, recordedAt: iso }).strict()),
  })
  .strict();

/** One citation-record override of `citations.json` (a CSL patch per article). */
export const citationSchema = z.object({ articleHash: hash, patch: z.record(z.string(), z.unknown()), updatedAt: iso }).strict();

/** One Mappe of `mappen.json` with its members by content hash. */
export const mappeSchema = z
  .object({ name: str.min(1), note: str, createdAt: iso, updatedAt: iso, articles: z.array(z.object({ hash, addedAt: iso }).strict()) })
  .strict();

/** The schema of each entity file (each holds a JSON array). */
export const FILE_SCHEMAS = {
  'articles.json': z.array(articleSchema),
  'annotations.json': z.array(annotationSchema),
  'sources.json': z.array(sourceSchema),
  'contacts.json': z.array(contactSchema),
  'inquiries.json': z.array(inquirySchema),
  'citations.json': z.array(citationSchema),
  'mappen.json': z.array(mappeSchema),
} as const satisfies Record<ArchiveFile, z.ZodType>;

/** The manifest. */
export type ArchiveManifest = z.infer<typeof manifestSchema>;
/** An archived article. */
export type ArchivedArticle = z.infer<typeof articleSchema>;
/** An archived annotation. */
export type ArchivedAnnotation = z.infer<typeof annotationSchema>;
/** An archived source. */
export type ArchivedSource = z.infer<typeof sourceSchema>;
/** An archived contact. */
export type ArchivedContact = z.infer<typeof contactSchema>;
/** An archived Rückfrage. */
export type ArchivedInquiry = z.infer<typeof inquirySchema>;
/** An archived citation override. */
export type ArchivedCitation = z.infer<typeof citationSchema>;
/** An archived Mappe. */
export type ArchivedMappe = z.infer<typeof mappeSchema>;

/** The whole content of an archive. */
export interface ArchiveContent {
  manifest: ArchiveManifest;
  articles: ArchivedArticle[];
  annotations: ArchivedAnnotation[];
  sources: ArchivedSource[];
  contacts: ArchivedContact[];
  inquiries: ArchivedInquiry[];
  citations: ArchivedCitation[];
  mappen: ArchivedMappe[];
}

import { z } from 'zod';
import { result } from './contract-result.js';

/**
 * Bibliographic records and citation export: the channels, their argument schemas and the
 * CSL-JSON types they carry. Spread into `contract` in `contract.ts`.
 */

/** Locales the citation styles can be rendered in (shipped with the app; nothing is fetched). */
export const CSL_LOCALES = ['de-DE', 'en-US'] as const;
export type CslLocale = (typeof CSL_LOCALES)[number];

/** Styles shipped with the app (ids as used by the CLI and the contract). */
export const BUILTIN_STYLE_IDS = ['iso690-author-date-de', 'din-1505-2', 'apa', 'chicago-author-date', 'chicago-author-date-de'] as const;

/** Pseudo-style of `citations.citePassage`: the newsroom's source line instead of a CSL style. */
export const AGENCY_STYLE_ID = 'agency';

/** Default style per locale: DIN ISO 690 for German, Chicago author-date for English. */
export const DEFAULT_STYLE: Record<CslLocale, string> = { 'de-DE': 'iso690-author-date-de', 'en-US': 'chicago-author-date' };

/** Formats of `citations.export` and `fundstelle cite --format`. */
export const EXPORT_FORMATS = ['csl-json', 'bibtex', 'biblatex', 'ris', 'text', 'html', 'markdown', 'agency'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Output formats of a formatted bibliography or a passage citation. */
export const RENDER_FORMATS = ['text', 'html', 'markdown'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

import { MANUAL_SOURCE_TYPES, type ManualSourceKind } from './manual-source-types.js';

export { MANUAL_SOURCE_TYPES, type ManualSourceKind };
const MANUAL_SOURCE_KINDS = Object.keys(MANUAL_SOURCE_TYPES) as [ManualSourceKind, ...ManualSourceKind[]];

/** CSL 1.0.2 item types (csl-data.json). */
export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

/** Text variables a record may carry and the user may edit. */
export const CSL_TEXT_FIELDS = [
  'citation-key', 'title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'publisher',
  'publisher-place', 'URL', 'DOI', 'language', 'note', 'abstract', 'section', 'page', 'genre', 'medium', 'version',
  'edition', 'number', 'issue', 'volume', 'archive', 'archive_location', 'source', 'event-title', 'event-place',
  'status', 'keyword', 'dimensions',
] as const;
export type CslTextField = (typeof CSL_TEXT_FIELDS)[number];

/** Name variables. */
export const CSL_NAME_FIELDS = ['author', 'editor', 'contributor', 'translator', 'interviewer', 'recipient', 'container-author'] as const;
export type CslNameField = (typeof CSL_NAME_FIELDS)[number];

/** Date variables. */
export const CSL_DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date'] as const;
export type CslDateField = (typeof CSL_DATE_FIELDS)[number];

const text = z.string().trim().min(1).max(10_000);

/** A CSL name: structured (family/given, particles, suffix) or a literal (organisation, single name). */
export const cslNameSchema = z
  .object({
    family: text.optional(),
    given: text.optional(),
    'dropping-particle': text.optional(),
    'non-dropping-particle': text.optional(),
    suffix: text.optional(),
    literal: text.optional(),
  })
  .strict()
  .refine((n) => Boolean(n.family) !== Boolean(n.literal), { message: 'a name needs either family or literal (not both)' });
export type CslName = z.infer<typeof cslNameSchema>;

/** A CSL date as date parts `[[year, month?, day?]]` (a range has two), or a literal. */
export const cslDateSchema = z
  .object({
    'date-parts': z
      .array(
        z
          .tuple([z.number().int().min(-9999).max(9999)], z.number().int().min(1).max(31))
          .refine((p) => p.length <= 3 && (p[1] === undefined || p[1] <= 12), { message: 'date parts are [year, month 1–12, day 1–31]' }),
      )
      .min(1)
      .max(2)
      .optional(),
    literal: text.optional(),
  })
  .strict()
  .refine((d) => d['date-parts'] !== undefined || d.literal !== undefined, { message: 'a date needs date-parts or literal' });
export type CslDate = z.infer<typeof cslDateSchema>;

/** One CSL-JSON item (the subset of csl-data.json that Fundstelle writes). */
export type CslItem = { id: string; type: CslType } & { [K in CslTextField]?: string } & { [K in CslNameField]?: CslName[] } & {
  [K in CslDateField]?: CslDate;
};

/**
 * A record's URL: a web address only. Exports print it (and a reader may click it): a `javascript:`,
 * `data:` or `file:` address must not get there by an edit or an archive.
 */
const webUrl = text.regex(/^https?:\/\/\S+$/i, { message: 'URL must be a web address starting with http:// or https://' });

const patchShape = {
  type: z.enum(CSL_TYPES).optional(),
  ...(Object.fromEntries(CSL_TEXT_FIELDS.map((f) => [f, (f === 'URL' ? webUrl : text).nullable().optional()])) as {
    [K in CslTextField]: z.ZodOptional<z.ZodNullable<typeof text>>;
  }),
  ...(Object.fromEntries(CSL_NAME_FIELDS.map((f) => [f, z.array(cslNameSchema).max(500).nullable().optional()])) as {
    [K in CslNameField]: z.ZodOptional<z.ZodNullable<z.ZodArray<typeof cslNameSchema>>>;
  }),
  ...(Object.fromEntries(CSL_DATE_FIELDS.map((f) => [f, cslDateSchema.nullable().optional()])) as {
    [K in CslDateField]: z.ZodOptional<z.ZodNullable<typeof cslDateSchema>>;
  }),
};

/**
 * The user's edits of a record: CSL fields to set; `null` removes a derived value. Unknown fields
 * are refused, and `id` is not editable (exports stay stable).
 */
export const cslPatchSchema = z.object(patchShape).strict();
export type CslPatch = z.infer<typeof cslPatchSchema>;

/** The fields of a manual source (type follows from its kind; `id` is assigned). */
export const manualSourceItemSchema = z
  .object(patchShape)
  .strict()
  .refine((i) => Boolean(i.title) || Boolean(i.author?.length), { message: 'a source needs a title or an author' });

/** An article's bibliographic record: what the metadata gives, the user's edits, and the result. */
export interface CitationRecord {
  articleId: number;
  derived: CslItem;
  overrides: CslPatch;
  effective: CslItem;
  /** When the edits were last changed; null without edits. */
  updatedAt: string | null;
}

/** A source added by hand (web page, document, interview, person). */
export interface ManualSource {
  id: number;
  kind: ManualSourceKind;
  item: CslItem;
  createdAt: string;
  updatedAt: string;
}

/** A citation style the user can choose. */
export interface CitationStyleInfo {
  id: string;
  title: string;
  /** True for styles the user added. */
  custom: boolean;
}

/** An export, ready to save or copy. */
export interface CitationExport {
  fileName: string;
  mimeType: string;
  content: string;
}

/** "Quellenangabe kopieren": a passage in quotation marks with its citation. */
export interface PassageCitation {
  /** The passage as cited (whitespace folded), without quotation marks. */
  quote: string;
  /** In-text citation in the style ("(Jin u. a., 2025)"), or the source line for `agency`. */
  citation: string;
  /** Bibliography entry in the style; empty for `agency`. */
  reference: string;
  /** Everything together in the requested format: „quote“ citation, then the reference. */
  text: string;
  style: string;
  locale: CslLocale;
  format: RenderFormat;
}

const id = z.number().int().positive();
const styleId = z.string().trim().min(1).max(200);

/** Channels of the citation feature. */
export const citationChannels = {
  /** An article's record: derived from its metadata, the user's edits, and the effective record. */
  'citations.record': { args: z.object({ articleId: id }).strict(), result: result<CitationRecord>() },
  /** Merges `patch` into the article's edits (`null` removes a derived field) and returns the record. */
  'citations.updateRecord': { args: z.object({ articleId: id, patch: cslPatchSchema }).strict(), result: result<CitationRecord>() },
  /** Drops the edits of the given fields (all without `fields`): the derived values apply again. */
  'citations.resetRecord': {
    args: z.object({ articleId: id, fields: z.array(z.string().min(1).max(100)).max(100).optional() }).strict(),
    result: result<CitationRecord>(),
  },
  /**
   * Exports records: `articleIds` (and manual `sourceIds`), or everything with `all: true`. `style`
   * and `locale` apply to text/html/markdown (and `locale` to agency lines).
   */
  'citations.export': {
    args: z
      .object({
        articleIds: z.array(id).max(100_000),
        sourceIds: z.array(id).max(100_000).optional(),
        all: z.boolean().optional(),
        format: z.enum(EXPORT_FORMATS),
        style: styleId.optional(),
        locale: z.enum(CSL_LOCALES).optional(),
      })
      .strict(),
    result: result<CitationExport>(),
  },
  /** Every style available: the shipped ones, then the user's. */
  'citations.styles': { args: z.object({}).strict(), result: result<CitationStyleInfo[]>() },
  /** Adds (or replaces) a custom CSL style from a .csl file; refused with a clear error when invalid. */
  'citations.addStyle': {
    args: z.object({ name: z.string().min(1).max(1024), xml: z.string().min(1).max(2_000_000) }).strict(),
    result: result<CitationStyleInfo>(),
  },
  /** Removes a custom style. */
  'citations.removeStyle': { args: z.object({ id: styleId }).strict(), result: result<{ removed: boolean }>() },
  /** A passage [start, end) of the canonical text in quotation marks plus its citation. */
  'citations.citePassage': {
    args: z
      .object({
        articleId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        style: styleId.optional(),
        locale: z.enum(CSL_LOCALES).optional(),
        format: z.enum(RENDER_FORMATS).optional(),
      })
      .strict(),
    result: result<PassageCitation>(),
  },
  /** Manually added sources. */
  'citations.sources': { args: z.object({}).strict(), result: result<ManualSource[]>() },
  /** Adds a manual source, or updates it when `id` is given. */
  'citations.saveSource': {
    args: z.object({ id: id.optional(), kind: z.enum(MANUAL_SOURCE_KINDS), item: manualSourceItemSchema }).strict(),
    result: result<ManualSource>(),
  },
  /** Deletes a manual source. */
  'citations.deleteSource': { args: z.object({ id }).strict(), result: result<{ removed: boolean }>() },
} as const;

import { z } from 'zod';
import {
  ANNOTATION_TYPES,
  EXPORT_FORMATS,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  type Annotation,
  type AnnotationImportResult,
  type ArticleAnnotations,
  type ArticleVersionInfo,
  type ExportFile,
  type ReviewResult,
  type TagCount,
} from './annotation.js';
import type { ImportOutcome } from './contract.js';
import { result } from './contract-result.js';

/**
 * Annotation channels of the contract (spread into `contract` in `contract.ts`). Designed for the
 * reading view and the review view:
 * - create from a selection (`annotations.create` with offsets into the canonical text; the core
 *   computes the W3C selectors), edit (`annotations.update`), delete with undo (`annotations.delete`
 *   returns the annotation, `annotations.restore` brings it back);
 * - `annotations.listForArticle`: placed annotations in text order plus the orphans;
 * - `annotations.review`: filters, a page, the total and counts per type; `annotations.tags` for the tag filter;
 * - `annotations.export` returns file name, MIME type and content for the UI to save;
 *   `annotations.import` takes a file's name and text;
 * - `articles.versions` lists an article's versions; `articles.importVersion` imports a file as a new
 *   version of an article ("als neue Fassung von …") and re-anchors its annotations.
 */

const articleId = z.number().int().positive();
const annotationId = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'keine Annotations-ID (UUID)');
const offset = z.number().int().min(0);
const type = z.enum(ANNOTATION_TYPES);
const note = z.string().max(MAX_NOTE_LENGTH);
const tags = z.array(z.string().max(MAX_TAG_LENGTH * 4)).max(MAX_TAGS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'Datum als JJJJ-MM-TT');

/** Upper bound of an uploaded file in characters (base64 or JSON text). */
const MAX_CONTENT = 70 * 1024 * 1024;

/** Argument schema of `annotations.review`, also used by the CLI. */
export const reviewFiltersSchema = z
  .object({
    types: z.array(type).max(ANNOTATION_TYPES.length).optional(),
    /** Every tag given must be on the annotation. */
    tags: z.array(z.string().max(MAX_TAG_LENGTH * 4)).max(MAX_TAGS).optional(),
    articleIds: z.array(articleId).max(10_000).optional(),
    /** Created on or after. */
    from: isoDate.optional(),
    /** Created on or before (a date includes the whole day). */
    to: isoDate.optional(),
    /** Full-text search in notes and passages; words match word beginnings, accents ignored. */
    query: z.string().max(500).optional(),
    orphansOnly: z.boolean().optional(),
    /** The bin (soft-deleted annotations) instead of the live ones. */
    deleted: z.boolean().optional(),
    sort: z.enum(['created', 'modified', 'article']).default('created'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const annotationChannels = {
  /** Marks [start, end) of the article's current canonical text. Errors: ARTICLE_NOT_FOUND, ANNOTATION_RANGE_INVALID, ANNOTATION_NONPUBLIC. */
  'annotations.create': {
    args: z
      .object({ articleId, start: offset, end: offset, type, note: note.optional(), tags: tags.optional() })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end muss größer als start sein', path: ['end'] }),
    result: result<Annotation>(),
  },
  /** Changes type, note, tags (replacing them) and/or the range; absent fields stay. */
  'annotations.update': {
    args: z
      .object({ id: annotationId, type: type.optional(), note: note.optional(), tags: tags.optional(), start: offset.optional(), end: offset.optional() })
      .strict(),
    result: result<Annotation>(),
  },
  /** Moves an annotation to the bin; returns it (with `deleted` set) so the UI can offer undo. */
  'annotations.delete': { args: z.object({ id: annotationId }).strict(), result: result<Annotation>() },
  /** Undo of delete. */
  'annotations.restore': { args: z.object({ id: annotationId }).strict(), result: result<Annotation>() },
  /** An article's annotations: placed ones in text order, orphans apart (with their original quote). */
  'annotations.listForArticle': { args: z.object({ articleId }).strict(), result: result<ArticleAnnotations>() },
  /** The review list across the collection; `countsByType` ignores the `types` filter. */
  'annotations.review': { args: reviewFiltersSchema, result: result<ReviewResult>() },
  /** Tags in use with their counts, most used first. */
  'annotations.tags': { args: z.object({}).strict(), result: result<TagCount[]>() },
  /**
   * An export file: W3C JSON-LD (an AnnotationCollection; a single Annotation when `ids` names one),
   * Markdown dossier or CSV, of the given articles / annotations, else of the whole collection.
   */
  'annotations.export': {
    args: z
      .object({
        format: z.enum(EXPORT_FORMATS),
        articleIds: z.array(articleId).max(10_000).optional(),
        ids: z.array(annotationId).max(100_000).optional(),
      })
      .strict(),
    result: result<ExportFile>(),
  },
  /** Imports a W3C Web Annotation file (its name and text); all or nothing. Error: ANNOTATION_IMPORT_INVALID. */
  'annotations.import': {
    args: z.object({ name: z.string().min(1).max(1024), content: z.string().max(MAX_CONTENT) }).strict(),
    result: result<AnnotationImportResult>(),
  },
  /** The versions of an article, oldest first; the last is the current text. */
  'articles.versions': { args: z.object({ articleId }).strict(), result: result<ArticleVersionInfo[]>() },
  /**
   * Imports a file as a new version of an article ("als neue Fassung von …"): by path (Electron) or
   * by name and base64 content (browser mode). The annotations are re-anchored onto the new text.
   */
  'articles.importVersion': {
    args: z
      .object({
        articleId,
        path: z.string().min(1).max(4096).optional(),
        name: z.string().min(1).max(1024).optional(),
        data: z.string().max(MAX_CONTENT).optional(),
      })
      .strict()
      .refine((a) => (a.path !== undefined) !== (a.name !== undefined && a.data !== undefined), {
        message: 'entweder path oder name und data angeben',
      }),
    result: result<ImportOutcome>(),
  },
} as const;

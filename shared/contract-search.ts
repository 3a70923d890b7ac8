import { z } from 'zod';
import { ANNOTATION_TYPES, type AnnotationType } from './annotation.js';
import type { ArticleSummary } from './article.js';
import type { Source } from './source.js';
import { result } from './contract-result.js';

/**
 * Search, saved searches and Mappen (research folders): channels of the contract, spread into
 * `contract` in `contract.ts`. Query syntax: see `shared/search-query.ts`.
 */

/** A date filter bound: year, month or day; `to: 2025-02` includes all of February. */
export const DATE_BOUND_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const dateBound = z.string().regex(DATE_BOUND_RE, 'Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT');
const articleId = z.number().int().positive();
const mappeId = z.number().int().positive();
const short = z.string().min(1).max(200);

export const SEARCH_SORTS = ['date', 'relevance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SEARCH_KINDS = ['article', 'annotation', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Filters of a search; combined with AND, several values of one filter with OR. */
export const searchFiltersSchema = z
  .object({
    agencies: z.array(short).max(50).optional(),
    /** Published on or after (year, month or day). */
    from: dateBound.optional(),
    /** Published on or before; a month or year includes all of it. */
    to: dateBound.optional(),
    languages: z.array(z.string().min(2).max(10)).max(20).optional(),
    mappen: z.array(mappeId).max(100).optional(),
    /** Annotation tags: articles with such an annotation; annotation hits with the tag. */
    tags: z.array(short).max(50).optional(),
    /** Annotation types: articles with such an annotation; annotation hits of the type. */
    types: z.array(z.enum(ANNOTATION_TYPES)).max(ANNOTATION_TYPES.length).optional(),
    /** Only articles (and annotations) with an open Rückfrage (status offen or gestellt). */
    openInquiries: z.boolean().optional(),
    /** Which kinds of hits; default all: articles, annotations and sources (the registry's names). */
    kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchRequestSchema = z
  .object({
    query: z.string().max(1000).default(''),
    filters: searchFiltersSchema.default({}),
    /** `date`: newest first (default, fast on any collection); `relevance`: best match first among the newest matches. */
    sort: z.enum(SEARCH_SORTS).default('date'),
    offset: z.number().int().min(0).max(10_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type SearchRequest = z.output<typeof searchRequestSchema>;

/** An article hit; `snippet` has the hits between \u0002 and \u0003. */
export interface ArticleSearchHit extends ArticleSummary {
  kind: 'article';
  snippet: string;
}

/** An annotation hit (its note or quote matched); `snippet` marked like an article snippet. */
export interface AnnotationSearchHit {
  kind: 'annotation';
  id: string;
  articleId: number;
  articleTitle: string;
  agency: string | null;
  published: string | null;
  type: AnnotationType;
  note: string;
  exact: string;
  tags: string[];
  snippet: string;
}

export type SearchHit = ArticleSearchHit | AnnotationSearchHit;

/** A source of the registry whose name, alias, role, organisation or wording matched. */
export interface SourceSearchHit extends Source {
  /** The newest articles mentioning it (up to five), newest first. */
  articleIds: number[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Articles plus annotations found; a lower bound when `totalExact` is false. */
  total: number;
  /** False when there were more matches than were counted (see SEARCH_COUNT_LIMIT in the core). */
  totalExact: boolean;
  articleTotal: number;
  annotationTotal: number;
  /**
   * Matching sources (best first, at most SOURCE_HITS_MAX; only on the first page, offset 0): shown
   * above the hits, not counted in `total`. With article filters, only sources mentioned in such an article.
   */
  sources: SourceSearchHit[];
  sourceTotal: number;
}

/** Source hits per search. */
export const SOURCE_HITS_MAX = 10;

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  createdAt: string;
  updatedAt: string;
}

export interface Mappe {
  id: number;
  name: string;
  note: string;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

const mappeName = z.string().min(1).max(200);

export const searchChannels = {
  /** Searches articles and annotations. Errors: SEARCH_QUERY_INVALID (with the reason and position). */
  'search.query': { args: searchRequestSchema, result: result<SearchResult>() },
  'search.saved.list': { args: z.object({}).strict(), result: result<SavedSearch[]>() },
  /** Saves a search under a name; `replace` overwrites a saved search of the same name. Errors: SAVED_SEARCH_NAME_TAKEN, SEARCH_QUERY_INVALID. */
  'search.saved.save': {
    args: z
      .object({ name: mappeName, query: z.string().max(1000), filters: searchFiltersSchema.default({}), sort: z.enum(SEARCH_SORTS).default('date'), replace: z.boolean().optional() })
      .strict(),
    result: result<SavedSearch>(),
  },
  'search.saved.delete': { args: z.object({ id: z.number().int().positive() }).strict(), result: result<{ deleted: true }>() },
  'mappen.list': { args: z.object({}).strict(), result: result<Mappe[]>() },
  /** Errors: MAPPE_NAME_TAKEN, MAPPE_NAME_EMPTY. */
  'mappen.create': { args: z.object({ name: mappeName, note: z.string().max(20_000).optional() }).strict(), result: result<Mappe>() },
  'mappen.rename': { args: z.object({ id: mappeId, name: mappeName }).strict(), result: result<Mappe>() },
  /** Deletes the Mappe; its articles stay in the collection. */
  'mappen.delete': { args: z.object({ id: mappeId }).strict(), result: result<{ deleted: true; articleCount: number }>() },
  /** Adds articles (already there: left as they are). Errors: MAPPE_NOT_FOUND, ARTICLE_NOT_FOUND. */
  'mappen.addArticles': { args: z.object({ id: mappeId, articleIds: z.array(articleId).min(1).max(10_000) }).strict(), result: result<{ added: number; mappe: Mappe }>() },
  'mappen.removeArticles': { args: z.object({ id: mappeId, articleIds: z.array(articleId).min(1).max(10_000) }).strict(), result: result<{ removed: number; mappe: Mappe }>() },
  'mappen.setNote': { args: z.object({ id: mappeId, note: z.string().max(20_000) }).strict(), result: result<Mappe>() },
  /** The Mappe's articles, most recently published first. */
  'mappen.articles': {
    args: z.object({ id: mappeId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: result<{ total: number; items: ArticleSummary[] }>(),
  },
} as const;

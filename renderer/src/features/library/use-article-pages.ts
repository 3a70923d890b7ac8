import { useCallback } from 'react';
import type { ArticleSummary } from '../../../../shared/article.js';
import type { ArticleListResult, ListSort } from '../../../../shared/contract-types.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { usePagedRows } from '../../lib/use-paged-rows.js';

/** Rows fetched per request: large enough to fill a tall window, small enough to answer at once. */
export const PAGE_SIZE = 200;

export interface ListParams {
  sort: ListSort;
  direction: 'asc' | 'desc';
  /** Full-text filter (already debounced); empty for the whole collection. */
  query: string;
  /** Bumped when the collection changed (an import), to refetch without changing the view. */
  revision: number;
}

export interface ArticlePages {
  /** Number of rows matching; null until the first page arrived. */
  total: number | null;
  error: ErrorPayload | null;
  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): ArticleSummary | undefined;
  /** Requests the pages covering rows `start`..`end` (inclusive) that are not loaded yet. */
  ensureRange(start: number, end: number): void;
}

/**
 * The library list as lazily loaded pages (see usePagedRows): 100,000 articles cost a few hundred
 * rows of memory, and the old rows stay on screen while a new filter is typed.
 */
export function useArticlePages(params: ListParams): ArticlePages {
  const { sort, direction, query, revision } = params;
  const fetchPage = useCallback(
    (page: number) => api['articles.list']({ sort, direction, query: query || undefined, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    [sort, direction, query],
  );
  const { total, error, rowAt, ensureRange } = usePagedRows<ArticleSummary, ArticleListResult>(fetchPage, PAGE_SIZE, revision);
  return { total, error, rowAt, ensureRange };
}

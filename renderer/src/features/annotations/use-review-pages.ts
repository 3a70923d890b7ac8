import { useCallback } from 'react';
import type { ReviewResult, ReviewRow, TypeCounts } from '../../../../shared/annotation.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { usePagedRows } from '../../lib/use-paged-rows.js';
import type { ReviewQuery } from './review-filters.js';

/** Rows per request of the review list. */
export const REVIEW_PAGE_SIZE = 100;

export interface ReviewPages {
  /** Matching annotations; null until the first page arrived. */
  total: number | null;
  countsByType: TypeCounts | null;
  error: ErrorPayload | null;
  rowAt(index: number): ReviewRow | undefined;
  ensureRange(start: number, end: number): void;
}

/**
 * The review list as lazily loaded pages, like the library's (usePagedRows): the first page brings
 * the total and the counts per type, other pages load as the virtual list reaches them.
 */
export function useReviewPages(query: ReviewQuery, revision: number): ReviewPages {
  const key = JSON.stringify(query);
  const fetchPage = useCallback(
    (page: number) => api['annotations.review']({ ...(JSON.parse(key) as ReviewQuery), offset: page * REVIEW_PAGE_SIZE, limit: REVIEW_PAGE_SIZE }),
    [key],
  );
  const { total, first, error, rowAt, ensureRange } = usePagedRows<ReviewRow, ReviewResult>(fetchPage, REVIEW_PAGE_SIZE, revision);
  return { total, countsByType: first?.countsByType ?? null, error, rowAt, ensureRange };
}

/** Every id matching the query (for "export the selection"), fetched 500 at a time. */
export async function allReviewIds(query: ReviewQuery): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api['annotations.review']({ ...query, offset, limit: 500 });
    ids.push(...page.items.map((row) => row.id));
    if (page.items.length < 500 || ids.length >= page.total) return ids;
  }
}

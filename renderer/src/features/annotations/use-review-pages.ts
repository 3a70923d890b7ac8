import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewRow, TypeCounts } from '../../../../shared/annotation.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
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

interface Loaded {
  generation: number;
  total: number | null;
  countsByType: TypeCounts | null;
  pages: ReadonlyMap<number, ReviewRow[]>;
}

/**
 * The review list as lazily loaded pages, the library's approach (`use-article-pages.ts`): the
 * first page brings the total and the counts per type, other pages load as the virtual list
 * reaches them, and old rows stay on screen until new ones arrive.
 */
export function useReviewPages(query: ReviewQuery, revision: number): ReviewPages {
  const [loaded, setLoaded] = useState<Loaded>({ generation: 0, total: null, countsByType: null, pages: new Map() });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const latest = useRef(0);
  const inflight = useRef(new Set<string>());
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => api['annotations.review']({ ...(JSON.parse(key) as ReviewQuery), offset: page * REVIEW_PAGE_SIZE, limit: REVIEW_PAGE_SIZE }),
    [key],
  );

  useEffect(() => {
    const generation = ++latest.current;
    fetchPage(0).then(
      (result) => {
        if (generation !== latest.current) return;
        setLoaded({ generation, total: result.total, countsByType: result.countsByType, pages: new Map([[0, result.items]]) });
        setError(null);
      },
      (e: unknown) => {
        if (generation === latest.current) setError(toErrorPayload(e));
      },
    );
  }, [fetchPage, revision]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const { generation, total, pages } = loaded;
      if (generation !== latest.current || total === null) return;
      const last = Math.min(end, total - 1);
      for (let page = Math.floor(Math.max(0, start) / REVIEW_PAGE_SIZE); page <= Math.floor(last / REVIEW_PAGE_SIZE); page++) {
        const id = `${generation}:${page}`;
        if (pages.has(page) || inflight.current.has(id)) continue;
        inflight.current.add(id);
        fetchPage(page)
          .then(
            (result) => setLoaded((d) => (d.generation === generation ? { ...d, pages: new Map(d.pages).set(page, result.items) } : d)),
            () => undefined,
          )
          .finally(() => inflight.current.delete(id));
      }
    },
    [loaded, fetchPage],
  );

  const rowAt = useCallback((index: number) => loaded.pages.get(Math.floor(index / REVIEW_PAGE_SIZE))?.[index % REVIEW_PAGE_SIZE], [loaded]);
  return { total: loaded.total, countsByType: loaded.countsByType, error, rowAt, ensureRange };
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

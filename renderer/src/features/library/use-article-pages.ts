import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article.js';
import type { ListSort } from '../../../../shared/contract-types.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';

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

/** The loaded part of one query's result. */
interface Loaded {
  /** Which request generation these rows belong to. */
  generation: number;
  total: number | null;
  pages: ReadonlyMap<number, ArticleSummary[]>;
}

/**
 * The library list as lazily loaded pages. Only the first page is fetched up front (it also
 * brings the total, which sizes the scroll area); other pages load as the virtual list shows
 * them, so 100,000 articles cost a few hundred rows of memory. When the parameters change, the
 * old rows stay on screen until the new first page arrives: no flash of an empty list while typing.
 */
export function useArticlePages(params: ListParams): ArticlePages {
  const { sort, direction, query, revision } = params;
  const [loaded, setLoaded] = useState<Loaded>({ generation: 0, total: null, pages: new Map() });
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Bookkeeping read only in callbacks, never while rendering.
  const latest = useRef(0);
  const inflight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (page: number) => api['articles.list']({ sort, direction, query: query || undefined, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    [sort, direction, query],
  );

  useEffect(() => {
    const generation = ++latest.current;
    fetchPage(0).then(
      (result) => {
        if (generation !== latest.current) return;
        setLoaded({ generation, total: result.total, pages: new Map([[0, result.items]]) });
        setError(null);
      },
      (e: unknown) => {
        if (generation === latest.current) setError(toErrorPayload(e));
      },
    );
    // `revision` is a dependency on purpose: a new revision means "same view, fresh data".
  }, [fetchPage, revision]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const { generation, total, pages } = loaded;
      // Until the first page of the current parameters has arrived, the rows shown are the old ones.
      if (generation !== latest.current || total === null) return;
      const last = Math.min(end, total - 1);
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        const key = `${generation}:${page}`;
        if (pages.has(page) || inflight.current.has(key)) continue;
        inflight.current.add(key);
        fetchPage(page)
          .then(
            (result) => setLoaded((d) => (d.generation === generation ? { ...d, pages: new Map(d.pages).set(page, result.items) } : d)),
            // Leave the page unloaded; the next scroll past it asks again.
            () => undefined,
          )
          .finally(() => inflight.current.delete(key));
      }
    },
    [loaded, fetchPage],
  );

  const rowAt = useCallback((index: number) => loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [loaded]);

  return { total: loaded.total, error, rowAt, ensureRange };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/errors.js';
import { toErrorPayload } from '../api.js';

/** A page as the list channels answer: the rows and the total of all matching rows. */
export interface PageResult<Row> {
  total: number;
  items: Row[];
}

export interface PagedRows<Row, First extends PageResult<Row>> {
  /** Number of rows matching; null until the first page arrived. */
  total: number | null;
  /** The first page's whole answer (for what comes with it, such as counts); null until it arrived. */
  first: First | null;
  error: ErrorPayload | null;
  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): Row | undefined;
  /** Requests the pages covering rows `start`..`end` (inclusive) that are not loaded yet. */
  ensureRange(start: number, end: number): void;
}

/** The loaded part of one query's result. */
interface Loaded<Row, First> {
  /** Which request generation these rows belong to. */
  generation: number;
  first: First | null;
  pages: ReadonlyMap<number, Row[]>;
}

/**
 * A long list as lazily loaded pages (the library and the annotation review). Only the first page
 * is fetched up front (it also brings the total, which sizes the scroll area); other pages load as
 * the virtual list shows them, so 100,000 rows cost a few hundred in memory. When `fetchPage`
 * changes (new parameters) or `revision` is bumped (same view, fresh data), the old rows stay on
 * screen until the new first page arrives: no flash of an empty list while typing.
 */
export function usePagedRows<Row, First extends PageResult<Row>>(fetchPage: (page: number) => Promise<First>, pageSize: number, revision: number): PagedRows<Row, First> {
  const [loaded, setLoaded] = useState<Loaded<Row, First>>({ generation: 0, first: null, pages: new Map() });
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Bookkeeping read only in callbacks, never while rendering.
  const latest = useRef(0);
  const inflight = useRef(new Set<string>());

  useEffect(() => {
    const generation = ++latest.current;
    fetchPage(0).then(
      (result) => {
        if (generation !== latest.current) return;
        setLoaded({ generation, first: result, pages: new Map([[0, result.items]]) });
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
      const { generation, first, pages } = loaded;
      // Until the first page of the current parameters has arrived, the rows shown are the old ones.
      if (generation !== latest.current || first === null) return;
      const last = Math.min(end, first.total - 1);
      for (let page = Math.floor(Math.max(0, start) / pageSize); page <= Math.floor(last / pageSize); page++) {
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
    [loaded, fetchPage, pageSize],
  );

  const rowAt = useCallback((index: number) => loaded.pages.get(Math.floor(index / pageSize))?.[index % pageSize], [loaded, pageSize]);

  return { total: loaded.first?.total ?? null, first: loaded.first, error, rowAt, ensureRange };
}

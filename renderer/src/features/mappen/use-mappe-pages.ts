import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/article.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import type { ArticlePages } from '../library/use-article-pages.js';

/** Rows per `mappen.articles` request (its maximum). */
const PAGE = 500;

interface Loaded {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, ArticleSummary[]>;
}

/**
 * The articles of one Mappe as lazily loaded pages, in the shape the library list takes, so
 * selecting a Mappe filters the list. `id` null: nothing is fetched (the whole collection is shown).
 */
export function useMappePages(id: number | null, revision: number): ArticlePages {
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, pages: new Map() });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const key = id === null ? '' : `${id}:${revision}`;
  const latest = useRef('');
  const inflight = useRef(new Set<string>());

  useEffect(() => {
    latest.current = key;
    if (id === null) return;
    api['mappen.articles']({ id, offset: 0, limit: PAGE }).then(
      (r) => {
        if (latest.current !== key) return;
        setLoaded({ key, total: r.total, pages: new Map([[0, r.items]]) });
        setError(null);
      },
      (e: unknown) => latest.current === key && setError(toErrorPayload(e)),
    );
  }, [id, key]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (id === null || loaded.key !== latest.current || loaded.total === null) return;
      const last = Math.min(end, loaded.total - 1);
      for (let page = Math.floor(Math.max(0, start) / PAGE); page <= Math.floor(last / PAGE); page++) {
        const k = `${loaded.key}:${page}`;
        if (loaded.pages.has(page) || inflight.current.has(k)) continue;
        inflight.current.add(k);
        const forKey = loaded.key;
        api['mappen.articles']({ id, offset: page * PAGE, limit: PAGE })
          .then(
            (r) => setLoaded((d) => (d.key === forKey ? { ...d, pages: new Map(d.pages).set(page, r.items) } : d)),
            () => undefined,
          )
          .finally(() => inflight.current.delete(k));
      }
    },
    [id, loaded],
  );

  const rowAt = useCallback((index: number) => loaded.pages.get(Math.floor(index / PAGE))?.[index % PAGE], [loaded]);
  return { total: loaded.total, error, rowAt, ensureRange };
}

import { useCallback, useEffect, useState } from 'react';
import type { Mappe } from '../../../../shared/contract-search.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';

/** The Mappen of the collection, reloaded on demand and whenever `revision` changes. */
export interface MappenState {
  mappen: Mappe[];
  error: ErrorPayload | null;
  reload(): void;
}

/** Loads the Mappen list (`mappen.list`). */
export function useMappen(revision: number): MappenState {
  const [mappen, setMappen] = useState<Mappe[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    api['mappen.list']({}).then(
      (list) => {
        if (!current) return;
        setMappen(list);
        setError(null);
      },
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [revision, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { mappen, error, reload };
}

/** The drag data type of an article row (its id as text). */
export const ARTICLE_DRAG_TYPE = 'application/x-fundstelle-article';

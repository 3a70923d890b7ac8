import { useEffect, useState } from 'react';
import type { SearchFilters, SearchResult, SearchSort } from '../../../../shared/contract-search.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';

/** Hits fetched per request. */
export const SEARCH_PAGE = 50;

/** What a search shows: the result (kept while the next one loads), or the error from the core. */
export interface SearchState {
  /** True while the shown result (or error) belongs to an earlier query, filters or sort. */
  loading: boolean;
  result: SearchResult | null;
  error: ErrorPayload | null;
}

/** Runs `search.query` whenever the query, filters, sort, limit or collection revision change. */
export function useSearch(query: string, filters: SearchFilters, sort: SearchSort, limit: number, revision: number): SearchState {
  const filterKey = JSON.stringify(filters);
  const key = JSON.stringify([query, filterKey, sort, limit, revision]);
  const [state, setState] = useState<{ key: string; result: SearchResult | null; error: ErrorPayload | null }>({ key: '', result: null, error: null });
  useEffect(() => {
    let current = true;
    api['search.query']({ query, filters: JSON.parse(filterKey) as SearchFilters, sort, limit, offset: 0 }).then(
      (result) => current && setState({ key, result, error: null }),
      (e: unknown) => current && setState((s) => ({ key, result: s.result, error: toErrorPayload(e) })),
    );
    return () => {
      current = false;
    };
  }, [key, query, filterKey, sort, limit, revision]);
  return { loading: state.key !== key, result: state.result, error: state.key === key ? state.error : null };
}

/** Drops empty filter values, so an untouched form means "no filter". */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  if (filters.agencies?.length) out.agencies = filters.agencies;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  if (filters.languages?.length) out.languages = filters.languages;
  if (filters.mappen?.length) out.mappen = filters.mappen;
  if (filters.tags?.length) out.tags = filters.tags;
  if (filters.types?.length) out.types = filters.types;
  if (filters.openInquiries) out.openInquiries = true;
  if (filters.kinds?.length) out.kinds = filters.kinds;
  return out;
}

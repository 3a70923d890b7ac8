import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mappe, SavedSearch, SearchFilters, SearchHit, SearchSort } from '../../../../shared/contract-search.js';
import { errorText } from '../../i18n/index.js';
import { formatPublishedShort } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';
import { SavedSearches } from './saved-searches.js';
import { SearchFiltersForm } from './search-filters.js';
import { SnippetText } from './snippet-text.js';
import { SourceHits } from './source-hits.js';
import { cleanFilters, SEARCH_PAGE, useSearch } from './use-search.js';
import './search.css';

interface SearchPaneProps {
  /** The submitted query (Enter in the header field). */
  query: string;
  /** Sets the query (applying a saved search). */
  onQueryChange(query: string): void;
  mappen: readonly Mappe[];
  revision: number;
  /** The article open in the reading view. */
  selectedId: number | null;
  onOpenHit(hit: SearchHit): void;
  /** Opens a source of the registry (a source hit). */
  onOpenSource(id: number): void;
  onClose(): void;
}

/**
 * The left pane in search mode: syntax help, filters, sort, saved searches and the hits with
 * their snippets (hits marked with `<mark>`). A malformed query shows the core's own message.
 */
export function SearchPane({ query, onQueryChange, mappen, revision, selectedId, onOpenHit, onOpenSource, onClose }: SearchPaneProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [filters, setFilters] = useState<SearchFilters>({});
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [limit, setLimit] = useState(SEARCH_PAGE);
  const state = useSearch(query, filters, sort, limit, revision);
  const { result, error, loading } = state;

  const apply = (saved: SavedSearch) => {
    setFilters(cleanFilters(saved.filters));
    setSort(saved.sort);
    setLimit(SEARCH_PAGE);
    onQueryChange(saved.query);
  };

  const sourcesFound = result && result.sourceTotal > 0 ? t('search.sources.status', { count: result.sourceTotal }) : '';
  const status = error ? '' : result && !loading ? `${t(result.totalExact ? 'search.total' : 'search.totalAtLeast', { count: result.total })}${sourcesFound}` : t('search.searching');

  return (
    <section className="library-pane search-pane" aria-labelledby="search-heading">
      <div className="pane-head">
        <div className="pane-title">
          <h2 id="search-heading">{t('search.heading')}</h2>
          <p className="pane-count" role="status" aria-live="polite">
            {status}
          </p>
        </div>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('search.close')}
        </button>
      </div>
      <div className="search-tools">
        <p className="search-query-line">
          {query ? t('search.queryIs', { query }) : t('search.noQuery')}
        </p>
        <details className="search-help">
          <summary>{t('search.helpSummary')}</summary>
          <ul>
            <li>{t('search.help.words')}</li>
            <li>{t('search.help.phrase')}</li>
            <li>{t('search.help.prefix')}</li>
            <li>{t('search.help.boolean')}</li>
            <li>{t('search.help.fields')}</li>
          </ul>
        </details>
        <label className="sort-field search-sort">
          <span className="sort-label">{t('library.sortLabel')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SearchSort)}>
            <option value="relevance">{t('search.sort.relevance')}</option>
            <option value="date">{t('search.sort.date')}</option>
          </select>
        </label>
        <SearchFiltersForm filters={filters} onChange={(f) => setFilters(cleanFilters(f))} mappen={mappen} />
        <SavedSearches query={query} filters={filters} sort={sort} onApply={apply} />
      </div>
      <div className="search-results">
        {error ? (
          <p className="search-error" role="alert">
            {errorText(error)}
          </p>
        ) : result && result.hits.length === 0 && result.sources.length === 0 ? (
          <p className="pane-message">{t('search.none')}</p>
        ) : (
          result && result.sources.length > 0 && <SourceHits sources={result.sources} total={result.sourceTotal} onOpen={onOpenSource} />
        )}
        {!error && result && result.hits.length > 0 && (
            <ul className="search-hit-list" aria-label={t('search.resultsLabel')}>
              {result.hits.map((hit) => {
                const articleId = hit.kind === 'article' ? hit.id : hit.articleId;
                const title = hit.kind === 'article' ? hit.title : hit.articleTitle;
                const selected = articleId === selectedId;
                return (
                  <li key={`${hit.kind}-${hit.id}`} className={`search-hit${selected ? ' is-selected' : ''}`}>
                    <button type="button" className="search-hit-open" onClick={() => onOpenHit(hit)} aria-current={selected ? 'true' : undefined}>
                      <span className="search-hit-title">
                        {hit.kind === 'annotation' && <span className="search-hit-kind">{t(`annotations.types.${hit.type}`)} · </span>}
                        {title}
                      </span>
                      <span className="row-meta">
                        {hit.agency ?? t('library.noAgency')} · {hit.published ? formatPublishedShort(hit.published, lang) : t('library.noDate')}
                      </span>
                      <span className="search-snippet">
                        <SnippetText snippet={hit.snippet} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
        )}
        {result && result.hits.length < result.total && !loading && !error && (
          <button type="button" className="button button-small search-more" onClick={() => setLimit((l) => Math.min(200, l + SEARCH_PAGE))} disabled={limit >= 200}>
            {t('search.more')}
          </button>
        )}
      </div>
    </section>
  );
}

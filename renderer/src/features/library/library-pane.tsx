import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/index.js';
import { ArticleList } from './article-list.js';
import { SORT_OPTIONS, type SortValue } from './sort-options.js';
import type { ArticlePages } from './use-article-pages.js';

interface LibraryPaneProps {
  pages: ArticlePages;
  query: string;
  sort: SortValue;
  onSortChange(value: SortValue): void;
  selectedId: number | null;
  onOpen(id: number): void;
  /** Shown at the foot of the pane (the import status). */
  footer?: ReactNode;
  /** Shown under the heading (citation export). */
  actions?: ReactNode;
}

/** The left pane: heading with the count, sort order, the list (or why it is empty). */
export function LibraryPane({ pages, query, sort, onSortChange, selectedId, onOpen, footer, actions }: LibraryPaneProps) {
  const { t } = useTranslation();
  const total = pages.total;
  const status =
    total === null ? '' : query ? t('library.hits', { count: total, query }) : t('library.count', { count: total });

  return (
    <section className="library-pane" aria-labelledby="library-heading">
      <div className="pane-head">
        <div className="pane-title">
          <h2 id="library-heading">{t('library.heading')}</h2>
          <p className="pane-count" role="status" aria-live="polite">
            {status}
          </p>
        </div>
        <label className="sort-field">
          <span className="sort-label">{t('library.sortLabel')}</span>
          <select value={sort} onChange={(e) => onSortChange(e.target.value as SortValue)}>
            {SORT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(`library.sort.${o.value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {actions && <div className="pane-actions">{actions}</div>}
      {pages.error ? (
        <p className="pane-message is-error" role="alert">
          {t('library.loadFailed')} {errorText(pages.error)}
        </p>
      ) : total === 0 ? (
        <div className="pane-message">
          <p>{query ? t('library.noHits', { query }) : t('library.empty')}</p>
          {query && <p className="muted">{t('library.noHitsHint')}</p>}
        </div>
      ) : (
        <ArticleList pages={pages} selectedId={selectedId} onOpen={onOpen} resetKey={`${query}\u0000${sort}`} />
      )}
      {footer}
    </section>
  );
}

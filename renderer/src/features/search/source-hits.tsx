import { useTranslation } from 'react-i18next';
import type { SourceSearchHit } from '../../../../shared/contract-search.js';
import { useLang } from '../../lib/use-lang.js';
import { sourceKindLabel, statusLabel } from '../sources/labels.js';
import { statusClass } from '../sources/sources-panel.js';

interface SourceHitsProps {
  sources: readonly SourceSearchHit[];
  /** Matching sources in all (more than shown when above the limit). */
  total: number;
  onOpen(id: number): void;
}

/** Sources of the registry whose name, alias, role or organisation matched: above the hits, each opens the Quellenregister. */
export function SourceHits({ sources, total, onOpen }: SourceHitsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="search-sources" aria-labelledby="search-sources-heading">
      <h3 id="search-sources-heading" className="search-sources-heading">
        {t('search.sources.heading', { count: total })}
      </h3>
      <ul className="search-source-list">
        {sources.map((s) => {
          const about = [s.role, s.organisation].filter(Boolean).join(', ');
          return (
            <li key={s.id}>
              <button type="button" className="search-source-open" onClick={() => onOpen(s.id)} title={t('search.sources.open')}>
                <span className="search-source-name">
                  {s.name}
                  {s.protected && <span className="badge badge-protected">{t('sources.protectedBadge')}</span>}
                </span>
                <span className="row-meta">
                  {sourceKindLabel(s.kind, lang)}
                  {about ? ` · ${about}` : ''} · {t('search.sources.mentions', { count: s.mentionCount })} ·{' '}
                  <span className={`src-status src-status-${statusClass(s.status)}`}>{statusLabel(s.status, lang)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

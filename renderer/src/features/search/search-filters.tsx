import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_TYPES, type AnnotationType } from '../../../../shared/annotation.js';
import type { SearchFilters } from '../../../../shared/contract-search.js';
import type { Mappe } from '../../../../shared/contract-search.js';

interface SearchFiltersFormProps {
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
  mappen: readonly Mappe[];
}

/** A comma-separated text field as a list of values. */
function list(value: string): string[] | undefined {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/**
 * The filters the contract offers (agency, date range, language, Mappe, tag, annotation type, open
 * Rückfragen), combined with AND. Each control changes the search at once.
 */
export function SearchFiltersForm({ filters, onChange, mappen }: SearchFiltersFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  const active = Object.keys(filters).length;

  return (
    <details className="search-filters">
      <summary>{active ? t('search.filtersActive', { count: active }) : t('search.filters')}</summary>
      <div className="search-filter-grid">
        <label htmlFor={`${id}-agency`}>{t('search.filter.agency')}</label>
        <input
          id={`${id}-agency`}
          type="text"
          defaultValue={filters.agencies?.join(', ') ?? ''}
          key={`a${filters.agencies?.join(',') ?? ''}`}
          onBlur={(e) => set({ agencies: list(e.target.value) })}
          onKeyDown={(e) => e.key === 'Enter' && set({ agencies: list(e.currentTarget.value) })}
          placeholder="dpa, Reuters"
        />
        <label htmlFor={`${id}-from`}>{t('search.filter.from')}</label>
        <input id={`${id}-from`} type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        <label htmlFor={`${id}-to`}>{t('search.filter.to')}</label>
        <input id={`${id}-to`} type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        <label htmlFor={`${id}-lang`}>{t('search.filter.language')}</label>
        <select id={`${id}-lang`} value={filters.languages?.[0] ?? ''} onChange={(e) => set({ languages: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{t('search.filter.any')}</option>
          <option value="de">{t('search.filter.langDe')}</option>
          <option value="en">{t('search.filter.langEn')}</option>
        </select>
        <label htmlFor={`${id}-mappe`}>{t('search.filter.mappe')}</label>
        <select id={`${id}-mappe`} value={filters.mappen?.[0] ?? ''} onChange={(e) => set({ mappen: e.target.value ? [Number(e.target.value)] : undefined })}>
          <option value="">{t('search.filter.any')}</option>
          {mappen.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tag`}>{t('search.filter.tag')}</label>
        <input
          id={`${id}-tag`}
          type="text"
          defaultValue={filters.tags?.join(', ') ?? ''}
          key={`t${filters.tags?.join(',') ?? ''}`}
          onBlur={(e) => set({ tags: list(e.target.value) })}
          onKeyDown={(e) => e.key === 'Enter' && set({ tags: list(e.currentTarget.value) })}
        />
        <label htmlFor={`${id}-type`}>{t('search.filter.type')}</label>
        <select id={`${id}-type`} value={filters.types?.[0] ?? ''} onChange={(e) => set({ types: e.target.value ? [e.target.value as AnnotationType] : undefined })}>
          <option value="">{t('search.filter.any')}</option>
          {ANNOTATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`annotations.types.${type}`)}
            </option>
          ))}
        </select>
        <span />
        <label className="search-filter-check">
          <input type="checkbox" checked={filters.openInquiries ?? false} onChange={(e) => set({ openInquiries: e.target.checked || undefined })} />
          {t('search.filter.openInquiries')}
        </label>
      </div>
      {active > 0 && (
        <button type="button" className="link-button search-filters-reset" onClick={() => onChange({})}>
          {t('search.filter.reset')}
        </button>
      )}
    </details>
  );
}

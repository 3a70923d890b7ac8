import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch, SearchFilters, SearchSort } from '../../../../shared/contract-search.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';

interface SavedSearchesProps {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  onApply(saved: SavedSearch): void;
}

/** Saving the current query and filters under a name, and the list of saved searches (apply, delete). */
export function SavedSearches({ query, filters, sort, onApply }: SavedSearchesProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(() => {
    api['search.saved.list']({}).then(setSaved, (e: unknown) => setError(toErrorPayload(e)));
  }, []);
  useEffect(reload, [reload]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    api['search.saved.save']({ name: trimmed, query, filters, sort }).then(
      (s) => {
        setName('');
        setError(null);
        setStatus(t('search.saved.savedAs', { name: s.name }));
        reload();
      },
      (err: unknown) => setError(toErrorPayload(err)),
    );
  };

  const remove = (s: SavedSearch) => {
    api['search.saved.delete']({ id: s.id }).then(
      () => {
        setStatus(t('search.saved.deleted', { name: s.name }));
        reload();
      },
      (err: unknown) => setError(toErrorPayload(err)),
    );
  };

  return (
    <section className="saved-searches" aria-labelledby="saved-searches-heading">
      <h3 id="saved-searches-heading" className="search-subheading">
        {t('search.saved.heading')}
      </h3>
      <form className="saved-search-form" onSubmit={save}>
        <input
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label={t('search.saved.nameLabel')}
          placeholder={t('search.saved.namePlaceholder')}
          maxLength={200}
        />
        <button type="submit" className="button button-small" disabled={!name.trim()}>
          {t('search.saved.save')}
        </button>
      </form>
      {error && (
        <p className="search-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {saved.length > 0 ? (
        <ul className="saved-search-list">
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button saved-search-apply" onClick={() => onApply(s)} title={s.query}>
                {s.name}
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => remove(s)} aria-label={t('search.saved.delete', { name: s.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted search-small">{t('search.saved.none')}</p>
      )}
    </section>
  );
}

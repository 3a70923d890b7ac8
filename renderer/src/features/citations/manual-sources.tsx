import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CslDate, CslName, ManualSource } from '../../../../shared/contract-citations.js';
import { MANUAL_SOURCE_TYPES, type ManualSourceKind } from '../../../../shared/manual-source-types.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { dateToForm, nameFromForm, nameToDisplay, nameToForm } from './csl-fields.js';
import { ExportDialog, type ExportScope } from './export-dialog.js';
import { notify } from './notify.js';

const KINDS = Object.keys(MANUAL_SOURCE_TYPES) as ManualSourceKind[];
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

interface FormValues {
  kind: ManualSourceKind;
  title: string;
  authors: string;
  date: string;
  publisher: string;
  url: string;
  accessed: string;
  note: string;
}

const EMPTY: FormValues = { kind: 'webpage', title: '', authors: '', date: '', publisher: '', url: '', accessed: '', note: '' };

function toForm(s: ManualSource): FormValues {
  const i = s.item;
  return {
    kind: s.kind,
    title: i.title ?? '',
    authors: (i.author ?? []).map(nameToForm).join('\n'),
    date: i.issued ? dateToForm(i.issued) : '',
    publisher: i.publisher ?? '',
    url: i.URL ?? '',
    accessed: i.accessed ? dateToForm(i.accessed) : '',
    note: i.note ?? '',
  };
}

/** JJJJ[-MM[-TT]] → CSL date; null for an invalid date; undefined when empty. */
function isoDate(text: string): CslDate | null | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const m = ISO_DATE.exec(t);
  if (!m) return null;
  const parts = m.slice(1).filter((x): x is string => x !== undefined).map(Number) as [number, ...number[]];
  if ((parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12)) || (parts[2] !== undefined && (parts[2] < 1 || parts[2] > 31))) return null;
  return { 'date-parts': [parts] };
}

/** A short line for the list: "Beispiel, Anna (2025): Titel". */
function summary(s: ManualSource, untitled: string): { who: string; year: string; title: string } {
  const who = (s.item.author ?? []).map(nameToDisplay).join('; ');
  const year = s.item.issued?.['date-parts']?.[0]?.[0];
  return { who, year: year === undefined ? '' : String(year), title: s.item.title ?? untitled };
}

/**
 * "Manuelle Quellen" in the Quellenregister: sources without an article (web page, document,
 * interview, person) for the bibliography, with a form to add and edit them, deletion, and an
 * export of the manual sources.
 */
export function ManualSources() {
  const { t } = useTranslation();
  const ids = useId();
  const [sources, setSources] = useState<ManualSource[] | null>(null);
  const [editing, setEditing] = useState<{ id: number | null; values: FormValues } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [announce, setAnnounce] = useState('');
  const [exportOpen, setExportOpen] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  const reload = useCallback(() => {
    api['citations.sources']({}).then(
      (list) => (setSources(list), setError(null)),
      (e: unknown) => setError(toErrorPayload(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  // Focus moves to the form's first field when it opens.
  const openForm = (id: number | null, values: FormValues) => {
    setFormError(null);
    setEditing({ id, values });
    setTimeout(() => firstField.current?.focus(), 0);
  };

  const scopes = useMemo<ExportScope[]>(() => [{ key: 'manual', label: t('manualSources.scope'), includeManual: true, resolve: () => Promise.resolve({ articleIds: [] }) }], [t]);

  const set = (field: keyof FormValues, value: string) => setEditing((e) => e && { ...e, values: { ...e.values, [field]: value } });

  const closeForm = () => {
    setEditing(null);
    setFormError(null);
    addButton.current?.focus();
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const v = editing.values;
    const title = v.title.trim();
    const author = v.authors.split('\n').map(nameFromForm).filter((n): n is CslName => n !== null);
    const issued = isoDate(v.date);
    const accessed = isoDate(v.accessed);
    const url = v.url.trim();
    if (!title && author.length === 0) return setFormError(t('manualSources.errNeedTitle'));
    if (issued === null) return setFormError(t('manualSources.errDate', { field: t('manualSources.date') }));
    if (accessed === null) return setFormError(t('manualSources.errDate', { field: t('manualSources.accessed') }));
    if (url && !/^https?:\/\/\S+$/i.test(url)) return setFormError(t('manualSources.errUrl'));
    const item = {
      ...(title ? { title } : {}),
      ...(author.length > 0 ? { author } : {}),
      ...(issued ? { issued } : {}),
      ...(v.publisher.trim() ? { publisher: v.publisher.trim() } : {}),
      ...(url ? { URL: url } : {}),
      ...(accessed ? { accessed } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    };
    try {
      const saved = await api['citations.saveSource']({ ...(editing.id !== null ? { id: editing.id } : {}), kind: v.kind, item });
      setAnnounce(t('manualSources.saved', { title: summary(saved, t('manualSources.untitled')).title }));
      closeForm();
      reload();
    } catch (err) {
      setFormError(errorText(toErrorPayload(err)));
    }
  };

  const remove = (s: ManualSource) => {
    const title = summary(s, t('manualSources.untitled')).title;
    if (!window.confirm(t('manualSources.deleteConfirm', { title }))) return;
    api['citations.deleteSource']({ id: s.id }).then(
      () => {
        setAnnounce(t('manualSources.deleted', { title }));
        if (editing?.id === s.id) closeForm();
        reload();
      },
      (e: unknown) => setError(toErrorPayload(e)),
    );
  };

  const v = editing?.values;
  const field = (name: string) => `${ids}-${name}`;

  return (
    <section className="manual-sources" aria-labelledby={field('heading')}>
      <div className="manual-sources-head">
        <h2 id={field('heading')}>{t('manualSources.heading')}</h2>
        <div className="manual-sources-actions">
          <button ref={addButton} type="button" className="button button-small" onClick={() => openForm(null, EMPTY)}>
            {t('manualSources.add')}
          </button>
          <button type="button" className="button button-small" onClick={() => setExportOpen(true)} disabled={!sources || sources.length === 0}>
            {t('manualSources.export')}
          </button>
        </div>
      </div>
      <p className="cite-hint">{t('manualSources.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="cite-error" role="alert">
          {errorText(error)}
        </p>
      )}

      {editing && v && (
        <form className="manual-source-form" aria-labelledby={field('form-title')} onSubmit={(e) => void save(e)} noValidate>
          <h3 id={field('form-title')}>{editing.id === null ? t('manualSources.formAdd') : t('manualSources.formEdit')}</h3>
          <div className="cite-field">
            <label htmlFor={field('kind')}>{t('manualSources.kind')}</label>
            <select ref={firstField} id={field('kind')} value={v.kind} onChange={(e) => set('kind', e.target.value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`manualSources.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="cite-field">
            <label htmlFor={field('title')}>{t('manualSources.title')}</label>
            <input id={field('title')} type="text" value={v.title} onChange={(e) => set('title', e.target.value)} />
          </div>
          <div className="cite-field">
            <label htmlFor={field('authors')}>{t('manualSources.authors')}</label>
            <textarea id={field('authors')} rows={2} value={v.authors} onChange={(e) => set('authors', e.target.value)} aria-describedby={field('authors-hint')} />
            <p id={field('authors-hint')} className="cite-hint">
              {t('manualSources.authorsHint')}
            </p>
          </div>
          <div className="cite-field">
            <label htmlFor={field('date')}>{t('manualSources.date')}</label>
            <input id={field('date')} type="text" inputMode="numeric" value={v.date} onChange={(e) => set('date', e.target.value)} aria-describedby={field('date-hint')} />
            <p id={field('date-hint')} className="cite-hint">
              {t('manualSources.dateHint')}
            </p>
          </div>
          <div className="cite-field">
            <label htmlFor={field('publisher')}>{t('manualSources.publisher')}</label>
            <input id={field('publisher')} type="text" value={v.publisher} onChange={(e) => set('publisher', e.target.value)} />
          </div>
          <div className="cite-field">
            <label htmlFor={field('url')}>{t('manualSources.url')}</label>
            <input id={field('url')} type="url" value={v.url} onChange={(e) => set('url', e.target.value)} aria-describedby={field('url-hint')} />
            <p id={field('url-hint')} className="cite-hint">
              {t('manualSources.urlHint')}
            </p>
          </div>
          <div className="cite-field">
            <label htmlFor={field('accessed')}>{t('manualSources.accessed')}</label>
            <input id={field('accessed')} type="text" inputMode="numeric" value={v.accessed} onChange={(e) => set('accessed', e.target.value)} aria-describedby={field('date-hint')} />
          </div>
          <div className="cite-field">
            <label htmlFor={field('note')}>{t('manualSources.note')}</label>
            <textarea id={field('note')} rows={2} value={v.note} onChange={(e) => set('note', e.target.value)} />
          </div>
          {formError && (
            <p className="cite-error" role="alert">
              {formError}
            </p>
          )}
          <div className="dialog-actions">
            <button type="submit" className="button button-primary">
              {t('manualSources.save')}
            </button>
            <button type="button" className="button" onClick={closeForm}>
              {t('manualSources.cancel')}
            </button>
          </div>
        </form>
      )}

      {sources && sources.length === 0 ? (
        <p className="muted">{t('manualSources.empty')}</p>
      ) : (
        sources && (
          <ul className="manual-source-list" aria-label={t('manualSources.count', { count: sources.length })}>
            {sources.map((s) => {
              const line = summary(s, t('manualSources.untitled'));
              return (
                <li key={s.id} className="manual-source">
                  <span className="badge badge-kind">{t(`manualSources.kinds.${s.kind}`)}</span>{' '}
                  <span className="manual-source-text">
                    {line.who && <span className="manual-source-who">{line.who}</span>}
                    {line.year && <span className="manual-source-year"> ({line.year})</span>}
                    {line.who || line.year ? ': ' : ''}
                    <span className="manual-source-title">{line.title}</span>
                  </span>{' '}
                  <button type="button" className="link-button" aria-label={t('manualSources.editLabel', { title: line.title })} onClick={() => openForm(s.id, toForm(s))}>
                    {t('manualSources.edit')}
                  </button>{' '}
                  <button type="button" className="link-button danger-link" aria-label={t('manualSources.deleteLabel', { title: line.title })} onClick={() => remove(s)}>
                    {t('manualSources.delete')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      )}
      <ExportDialog open={exportOpen} scopes={scopes} onClose={() => setExportOpen(false)} notify={notify} />
    </section>
  );
}

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyLine } from '../../../../shared/agency-line.js';
import type { ArticleDetail } from '../../../../shared/article.js';
import type { CitationRecord, CslItem } from '../../../../shared/contract-citations.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { formatPublishedLong } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';
import { redactProtected } from '../sources/protected-terms.js';
import { copyText } from '../../lib/files.js';
import { COMMON_TYPES, RECORD_FIELDS, dateToForm, fieldKind, fieldToForm, isCommonType, nameToDisplay, patchFromForm, type RecordField } from './csl-fields.js';
import type { ToastMessage } from './toast.js';

interface RecordPanelProps {
  article: ArticleDetail;
  /** Opens the export dialog for this article. */
  onExport(): void;
  notify(message: Omit<ToastMessage, 'id'>): void;
}

type FormValues = Record<RecordField, string>;

function formOf(item: CslItem): FormValues {
  return Object.fromEntries(RECORD_FIELDS.map((f) => [f, fieldToForm(item, f)])) as FormValues;
}

/** File name the agency line falls back to when the record names no agency or outlet. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * "Quellenangabe": the article's bibliographic record as exports use it (type, title, authors,
 * editors, agency or outlet, date, place, URL, accessed), editable; edited fields say so and can
 * be reset to what the metadata gives. Above it the newsroom's source line, ready to copy.
 */
export function RecordPanel({ article, onExport, notify }: RecordPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [record, setRecord] = useState<CitationRecord | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<FormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const formId = useId();

  useEffect(() => {
    let current = true;
    api['citations.record']({ articleId: article.id }).then(
      (r) => current && setRecord(r),
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [article.id]);

  const startEdit = () => {
    if (!record) return;
    setValues(formOf(record.effective));
    setEditing(true);
    setError(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!record || !values) return;
    const patch = patchFromForm(record.effective, values);
    if (Object.keys(patch).length === 0) {
      setEditing(false);
      return;
    }
    setSaving(true);
    try {
      setRecord(await api['citations.updateRecord']({ articleId: article.id, patch }));
      setEditing(false);
      setError(null);
    } catch (err) {
      setError(toErrorPayload(err));
    } finally {
      setSaving(false);
    }
  };

  const reset = useCallback(
    async (fields?: string[]) => {
      try {
        setRecord(await api['citations.resetRecord']({ articleId: article.id, ...(fields ? { fields } : {}) }));
        setError(null);
      } catch (err) {
        setError(toErrorPayload(err));
      }
    },
    [article.id],
  );

  const item = record?.effective ?? null;
  const line = item
    ? agencyLine({ source: item['container-title'] ?? item.publisher ?? null, fallback: baseName(article.source.file), date: item.issued?.['date-parts']?.[0] ?? null }, lang)
    : null;
  const edited = new Set(Object.keys(record?.overrides ?? {}));

  const copyLine = async () => {
    if (!line) return;
    try {
      const text = await redactProtected(line, lang);
      await copyText(text);
      notify({ title: t('citations.lineCopied'), body: text });
    } catch (err) {
      notify({ title: t('citations.copyFailed'), body: err instanceof Error ? err.message : String(err), tone: 'error' });
    }
  };

  const label = (f: RecordField) => t(`citations.fields.${f}`);

  return (
    <section className="side-panel citation-panel" aria-labelledby="citation-panel-heading">
      <div className="side-panel-head">
        <h3 id="citation-panel-heading">{t('citations.panelHeading')}</h3>
        {!editing && record && (
          <button type="button" className="button button-small" onClick={startEdit}>
            {t('citations.edit')}
          </button>
        )}
      </div>
      {line && (
        <div className="agency-line">
          <p className="agency-line-text">{line}</p>
          <button type="button" className="button button-small button-quiet" onClick={() => void copyLine()} aria-label={t('citations.copyLineLabel')}>
            {t('citations.copy')}
          </button>
        </div>
      )}
      {error && (
        <p className="cite-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {!record && !error && <p className="muted">{t('citations.loading')}</p>}
      {record && item && !editing && (
        <dl className="facts record-facts">
          {RECORD_FIELDS.map((f) => {
            const shown = displayValue(item, f, (type) => (isCommonType(type) ? t(`citations.types.${type}`) : type), (iso) => formatPublishedLong(iso, lang));
            if (!shown && !edited.has(f)) return null;
            return (
              <div className="fact" key={f}>
                <dt>
                  {label(f)}
                  {edited.has(f) && <span className="badge badge-edited">{t('citations.edited')}</span>}
                </dt>
                <dd>
                  <span className={f === 'URL' ? 'fact-url' : undefined}>{shown || <span className="muted">{t('citations.removed')}</span>}</span>
                  {edited.has(f) && (
                    <button type="button" className="link-button reset-field" onClick={() => void reset([f])} aria-label={t('citations.resetFieldLabel', { field: label(f) })}>
                      {t('citations.reset')}
                    </button>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {record && values && editing && (
        <form className="record-form" onSubmit={(e) => void save(e)} aria-label={t('citations.formLabel')}>
          {RECORD_FIELDS.map((f) => {
            const id = `${formId}-${f}`;
            const kind = fieldKind(f);
            const set = (v: string) => setValues({ ...values, [f]: v });
            return (
              <div className="cite-field" key={f}>
                <label htmlFor={id}>
                  {label(f)}
                  {edited.has(f) && <span className="badge badge-edited">{t('citations.edited')}</span>}
                </label>
                {kind === 'type' ? (
                  <select id={id} value={values[f]} onChange={(e) => set(e.target.value)}>
                    {[...(isCommonType(values[f]) ? [] : [values[f]]), ...COMMON_TYPES].map((type) => (
                      <option key={type} value={type}>
                        {isCommonType(type) ? t(`citations.types.${type}`) : type}
                      </option>
                    ))}
                  </select>
                ) : kind === 'names' ? (
                  <>
                    <textarea id={id} rows={3} value={values[f]} onChange={(e) => set(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} />
                    <span id={`${id}-hint`} className="cite-hint">
                      {t('citations.namesHint')}
                    </span>
                  </>
                ) : (
                  <>
                    <input
                      id={id}
                      type="text"
                      value={values[f]}
                      onChange={(e) => set(e.target.value)}
                      spellCheck={f === 'title'}
                      aria-describedby={kind === 'date' ? `${id}-hint` : undefined}
                    />
                    {kind === 'date' && (
                      <span id={`${id}-hint`} className="cite-hint">
                        {t('citations.dateHint')}
                      </span>
                    )}
                  </>
                )}
              </div>
            );
          })}
          <div className="cite-form-actions">
            <button type="submit" className="button button-primary button-small" disabled={saving}>
              {t('citations.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              {t('citations.cancel')}
            </button>
            {edited.size > 0 && (
              <button type="button" className="link-button" onClick={() => void reset().then(() => setEditing(false))}>
                {t('citations.resetAll')}
              </button>
            )}
          </div>
        </form>
      )}
      <button type="button" className="button button-small export-open" onClick={onExport}>
        {t('citations.exportOpen')}
      </button>
    </section>
  );
}

/** A field's value as the panel shows it. */
function displayValue(item: CslItem, field: RecordField, typeLabel: (type: string) => string, dateLabel: (iso: string) => string): string {
  switch (fieldKind(field)) {
    case 'type':
      return typeLabel(item.type);
    case 'names':
      return (item[field as 'author' | 'editor'] ?? []).map(nameToDisplay).join('; ');
    case 'date': {
      const d = item[field as 'issued' | 'accessed'];
      const text = d ? dateToForm(d) : '';
      return /^\d{4}(-\d{2}){0,2}$/.test(text) ? dateLabel(text) : text;
    }
    default:
      return item[field as 'title'] ?? '';
  }
}

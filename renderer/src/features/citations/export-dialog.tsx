import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationExport, CitationStyleInfo, CslLocale, ExportFormat } from '../../../../shared/contract-citations.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { redactProtected } from '../sources/protected-terms.js';
import { AGENCY_STYLE, DEFAULT_STYLE_OF, FORMAT_GROUPS, LOCALE_OPTIONS, loadCitationPrefs } from './citation-prefs.js';
import { copyText, downloadText } from '../../lib/files.js';
import type { ToastMessage } from './toast.js';

/** What an export covers: named articles, or the whole collection. */
export interface ExportScope {
  key: string;
  /** Shown in the dialog ("Dieser Artikel", "Ganze Sammlung (12 Artikel)"). */
  label: string;
  /** Resolves the articles when the export runs (a filtered list is fetched then). */
  resolve(): Promise<{ articleIds: number[]; all?: boolean }>;
  /** "manuelle Quellen einschließen" starts checked. */
  includeManual?: boolean;
  /** The scope holds every manual source anyway (the whole collection): the checkbox is checked and fixed. */
  coversManual?: boolean;
}

interface ExportDialogProps {
  open: boolean;
  /** One or more scopes; with several the user chooses. */
  scopes: readonly ExportScope[];
  onClose(): void;
  notify(message: Omit<ToastMessage, 'id'>): void;
}

const STYLED: readonly ExportFormat[] = ['text', 'html', 'markdown'];

/**
 * "Quellen exportieren": format (CSL-JSON, BibTeX, BibLaTeX, RIS, formatted bibliography as text,
 * HTML or Markdown, the agency line), style and locale, a plain-text preview (HTML output is shown
 * as its source, never rendered), download and copy. Custom .csl styles can be added here.
 */
export function ExportDialog({ open, scopes, onClose, notify }: ExportDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const [scopeKey, setScopeKey] = useState(scopes[0]?.key ?? '');
  const [format, setFormat] = useState<ExportFormat>('text');
  const [style, setStyle] = useState(DEFAULT_STYLE_OF['de-DE']);
  const [locale, setLocale] = useState<CslLocale>('de-DE');
  const [styles, setStyles] = useState<CitationStyleInfo[]>([]);
  const [preview, setPreview] = useState<{ key: string; result: CitationExport | null; error: ErrorPayload | null } | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [styleMessage, setStyleMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [manualIds, setManualIds] = useState<number[]>([]);
  const [includeManual, setIncludeManual] = useState(scopes[0]?.includeManual ?? false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // On opening: the styles, and the user's default style and locale.
  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([api['citations.styles']({}), loadCitationPrefs(), api['citations.sources']({})]).then(
      ([list, prefs, manual]) => {
        if (!current) return;
        setManualIds(manual.map((s) => s.id));
        setStyles(list);
        setLocale(prefs.locale);
        if (prefs.style === AGENCY_STYLE) setFormat('agency');
        setStyle(list.some((s) => s.id === prefs.style) ? prefs.style : DEFAULT_STYLE_OF[prefs.locale]);
      },
      (e: unknown) => current && setLoadError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [open]);

  const scope = scopes.find((s) => s.key === scopeKey) ?? scopes[0];

  const withManual = includeManual && !scope?.coversManual && manualIds.length > 0;
  const previewKey = JSON.stringify([scope?.key, format, style, locale, withManual, manualIds]);
  const run = useCallback(async (): Promise<CitationExport | null> => {
    if (!scope) return null;
    const target = await scope.resolve();
    const sources = withManual && !target.all ? { sourceIds: manualIds } : {};
    const out = await api['citations.export']({ ...target, ...sources, format, ...(STYLED.includes(format) ? { style } : {}), locale });
    return { ...out, content: await redactProtected(out.content, locale === 'en-US' ? 'en' : 'de') };
  }, [scope, format, style, locale, withManual, manualIds]);

  // The preview follows every choice.
  useEffect(() => {
    if (!open || styles.length === 0) return;
    let current = true;
    run().then(
      (r) => current && setPreview({ key: previewKey, result: r, error: null }),
      (e: unknown) => current && setPreview({ key: previewKey, result: null, error: toErrorPayload(e) }),
    );
    return () => {
      current = false;
    };
  }, [open, styles.length, run, previewKey]);

  const busy = preview?.key !== previewKey;
  const result = busy ? null : (preview?.result ?? null);
  const error = loadError ?? (busy ? null : (preview?.error ?? null));
  const close = () => {
    setStyleMessage(null);
    onClose();
  };

  const download = () => {
    if (result) downloadText(result.fileName, result.mimeType, result.content);
  };

  const copy = async () => {
    if (!result) return;
    try {
      await copyText(result.content);
      notify({ title: t('citations.exportCopied'), body: result.content.length > 400 ? `${result.content.slice(0, 400)} …` : result.content });
    } catch (e) {
      notify({ title: t('citations.copyFailed'), body: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };

  const addStyle = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const xml = await file.text();
      const added = await api['citations.addStyle']({ name: file.name, xml });
      setStyles(await api['citations.styles']({}));
      setStyle(added.id);
      if (!STYLED.includes(format)) setFormat('text');
      setStyleMessage({ text: t('citations.styleAdded', { title: added.title }), error: false });
    } catch (err) {
      setStyleMessage({ text: `${t('citations.styleFailed')} ${errorText(toErrorPayload(err))}`, error: true });
    }
  };

  const styled = STYLED.includes(format);
  const localised = styled || format === 'agency';

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={close}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="export-body">
        <h2 id={`${ids}-title`}>{t('citations.exportTitle')}</h2>
        {scopes.length > 1 ? (
          <fieldset className="choice-group choice-row">
            <legend>{t('citations.scope')}</legend>
            {scopes.map((s) => (
              <label key={s.key} className="choice">
                <input
                  type="radio"
                  name={`${ids}-scope`}
                  value={s.key}
                  checked={scope?.key === s.key}
                  onChange={() => {
                    setScopeKey(s.key);
                    if (s.includeManual !== undefined) setIncludeManual(s.includeManual);
                  }}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          scope && <p className="export-scope">{scope.label}</p>
        )}
        {manualIds.length > 0 && (
          <label className="choice include-manual">
            <input type="checkbox" checked={withManual || Boolean(scope?.coversManual)} disabled={scope?.coversManual} onChange={(e) => setIncludeManual(e.target.checked)} />
            <span>{t('manualSources.includeCount', { count: manualIds.length })}</span>
          </label>
        )}
        <div className="cite-export-options">
          <div className="cite-field">
            <label htmlFor={`${ids}-format`}>{t('citations.format')}</label>
            <select id={`${ids}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {FORMAT_GROUPS.map((g) => (
                <optgroup key={g.group} label={t(`citations.formatGroups.${g.group}`)}>
                  {g.formats.map((f) => (
                    <option key={f} value={f}>
                      {t(`citations.formats.${f}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="cite-field">
            <label htmlFor={`${ids}-style`}>{t('citations.style')}</label>
            <select id={`${ids}-style`} value={style} onChange={(e) => setStyle(e.target.value)} disabled={!styled}>
              {styles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.custom ? `${s.title} (${t('citations.customStyle')})` : s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="cite-field">
            <label htmlFor={`${ids}-locale`}>{t('citations.locale')}</label>
            <select id={`${ids}-locale`} value={locale} onChange={(e) => setLocale(e.target.value as CslLocale)} disabled={!localised}>
              {LOCALE_OPTIONS.map((l) => (
                <option key={l.value} value={l.value} lang={l.lang}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="add-style">
          <button type="button" className="link-button" onClick={() => fileInput.current?.click()}>
            {t('citations.addStyle')}
          </button>
          <input ref={fileInput} type="file" accept=".csl,.xml,application/xml,text/xml" className="visually-hidden" tabIndex={-1} aria-label={t('citations.addStyleFile')} onChange={(e) => void addStyle(e)} />
          {styleMessage && (
            <p className={styleMessage.error ? 'cite-error' : 'cite-hint'} role={styleMessage.error ? 'alert' : 'status'}>
              {styleMessage.text}
            </p>
          )}
        </div>
        <div className="export-preview-head">
          <h3 id={`${ids}-preview`}>{t('citations.preview')}</h3>
          {result && <span className="export-file">{result.fileName}</span>}
        </div>
        {error ? (
          <p className="cite-error" role="alert">
            {errorText(error)}
          </p>
        ) : (
          <pre className="export-preview" tabIndex={0} aria-labelledby={`${ids}-preview`} aria-busy={busy}>
            {preview?.result?.content ?? ''}
          </pre>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={download} disabled={!result || busy}>
            {t('citations.download')}
          </button>
          <button type="button" className="button" onClick={() => void copy()} disabled={!result || busy}>
            {t('citations.copy')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('citations.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/annotation.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { downloadText } from '../../lib/files.js';

/** What to export: articles, annotation ids, or (both absent) the whole collection. */
export interface ExportScope {
  articleIds?: number[];
  ids?: string[];
}

interface ExportMenuProps {
  /** The button's text ("Exportieren", "Auswahl exportieren", …). */
  label: string;
  /** The scope, resolved when a format is chosen (the review view may have to collect ids first). */
  scope(): ExportScope | Promise<ExportScope>;
  /** Nothing to export: the menu is not shown. */
  disabled?: boolean;
}

/**
 * A disclosure (native `<details>`) offering the three export formats. Choosing one asks the core
 * for the file and hands it to the browser's download; the result is announced.
 */
export function ExportMenu({ label, scope, disabled = false }: ExportMenuProps) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const file = await api['annotations.export']({ format, ...(await scope()) });
      downloadText(file.fileName, file.mimeType, file.content);
      setStatus({ text: t('annotations.export.done', { count: file.count, file: file.fileName }), error: false });
      if (details.current) details.current.open = false;
    } catch (e) {
      setStatus({ text: errorText(toErrorPayload(e)), error: true });
    } finally {
      setBusy(false);
    }
  };

  if (disabled) return null;
  return (
    <div className="export-menu">
      <details ref={details}>
        <summary className="button button-small">
          {label}
        </summary>
        <div className="export-options" role="group" aria-label={t('annotations.export.formatsLabel')}>
          {EXPORT_FORMATS.map((format) => (
            <button key={format} type="button" className="export-option" disabled={busy} onClick={() => void run(format)}>
              <span className="export-format">{t(`annotations.export.formats.${format}`)}</span>
              <span className="export-format-hint">{t(`annotations.export.hints.${format}`)}</span>
            </button>
          ))}
        </div>
      </details>
      <p className={`export-status${status?.error ? ' is-error' : ''}`} role="status">
        {status?.text}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../../shared/contract.js';
import { errorText } from '../../i18n/index.js';
import type { ImportReport as Report } from './use-importer.js';

type Imported = Extract<ImportOutcome, { ok: true }>;
type Failed = Extract<ImportOutcome, { ok: false }>;

/** Splits outcomes into new articles, duplicates and failures. */
export function splitOutcomes(outcomes: readonly ImportOutcome[]): { imported: Imported[]; duplicates: Imported[]; failed: Failed[] } {
  const imported: Imported[] = [];
  const duplicates: Imported[] = [];
  const failed: Failed[] = [];
  for (const o of outcomes) {
    if (!o.ok) failed.push(o);
    else if (o.article.duplicate) duplicates.push(o);
    else imported.push(o);
  }
  return { imported, duplicates, failed };
}

/** "12 von 40" with a progress bar; shared by the report and the compact status. */
export function ImportProgress({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <div className="import-progress">
      <progress max={Math.max(1, report.total)} value={report.done} aria-label={t('import.progressLabel')} />
      <span className="import-progress-text">{t('import.progress', { done: report.done, total: report.total })}</span>
    </div>
  );
}

interface ImportReportViewProps {
  report: Report;
  onOpen(id: number): void;
  onClose(): void;
}

/** The full import report in the reading pane: progress, summary, and the three outcome lists. */
export function ImportReportView({ report, onOpen, onClose }: ImportReportViewProps) {
  const { t } = useTranslation();
  const { imported, duplicates, failed } = splitOutcomes(report.outcomes);
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <header className="import-report-head">
        <h2 id="import-report-heading">{report.running ? t('import.reportHeading') : t('import.finished')}</h2>
        {!report.running && (
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('import.close')}
          </button>
        )}
      </header>
      <ImportProgress report={report} />
      <p className="import-current" role="status" aria-live="polite">
        {report.current
          ? t('import.running', { file: report.current })
          : report.total === 0
            ? t('import.nothingToImport')
            : t('import.summary', { imported: imported.length, duplicates: duplicates.length, failed: failed.length })}
      </p>
      {failed.length > 0 && (
        <section className="outcome-group outcome-failed" aria-labelledby="import-failed-heading">
          <h3 id="import-failed-heading">
            {t('import.failed')} <span className="count-pill">{failed.length}</span>
          </h3>
          <ul className="outcome-list">
            {failed.map((o, i) => (
              <li key={`${o.file}-${i}`} className="outcome-item">
                <span className="outcome-file">{o.file}</span>
                <span className="outcome-message">{withoutFilePrefix(errorText(o.error), o.file)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {imported.length > 0 && (
        <section className="outcome-group outcome-imported" aria-labelledby="import-imported-heading">
          <h3 id="import-imported-heading">
            {t('import.imported')} <span className="count-pill">{imported.length}</span>
          </h3>
          <ul className="outcome-list">
            {imported.map((o) => (
              <OpenableOutcome key={`${o.file}-${o.article.id}`} outcome={o} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      )}
      {duplicates.length > 0 && (
        <section className="outcome-group outcome-duplicates" aria-labelledby="import-duplicates-heading">
          <h3 id="import-duplicates-heading">
            {t('import.duplicates')} <span className="count-pill">{duplicates.length}</span>
          </h3>
          <ul className="outcome-list">
            {duplicates.map((o, i) => (
              <OpenableOutcome key={`${o.file}-${i}`} outcome={o} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** The messages start with "file: "; the file is already shown above the message. */
function withoutFilePrefix(message: string, file: string): string {
  return file && message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

function OpenableOutcome({ outcome, onOpen }: { outcome: Imported; onOpen(id: number): void }) {
  return (
    <li className="outcome-item">
      <button type="button" className="link-button outcome-title" onClick={() => onOpen(outcome.article.id)}>
        {outcome.article.title}
      </button>
      <span className="outcome-file">{outcome.file}</span>
    </li>
  );
}

interface ImportStatusProps {
  report: Report;
  reportShown: boolean;
  onShowReport(): void;
}

/** The compact import status at the foot of the library, so progress stays visible while reading. */
export function ImportStatus({ report, reportShown, onShowReport }: ImportStatusProps) {
  const { t } = useTranslation();
  const failedCount = report.outcomes.filter((o) => !o.ok).length;
  return (
    <div className="import-status">
      <ImportProgress report={report} />
      {failedCount > 0 && <span className="import-status-failed">{t('import.failed')}: {failedCount}</span>}
      {!reportShown && (
        <button type="button" className="button button-quiet button-small" onClick={onShowReport}>
          {t('import.showReport')}
        </button>
      )}
    </div>
  );
}

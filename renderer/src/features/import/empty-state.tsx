import { useTranslation } from 'react-i18next';
import { DocumentIcon, FolderIcon, ImportIcon } from '../../lib/icons.js';

interface EmptyStateProps {
  onImportFiles(): void;
  onImportFolder(): void;
}

/** What a new user sees: an empty collection and the ways to fill it. */
export function EmptyState({ onImportFiles, onImportFolder }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-illustration" aria-hidden="true">
        <DocumentIcon className="icon-large" />
      </div>
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p className="empty-body">{t('empty.body')}</p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={onImportFiles}>
          <ImportIcon />
          {t('empty.importFiles')}
        </button>
        <button type="button" className="button" onClick={onImportFolder}>
          <FolderIcon />
          {t('empty.importFolder')}
        </button>
      </div>
      <p className="empty-drop">{t('empty.dropHint')}</p>
      <p className="empty-formats muted">{t('empty.formats')}</p>
      <p className="empty-privacy muted">{t('empty.privacy')}</p>
    </section>
  );
}

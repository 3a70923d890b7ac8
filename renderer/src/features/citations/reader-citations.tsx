import { useMemo, useState } from 'react';
import './citations.css';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '../../../../shared/article.js';
import { SourcesPanel } from '../sources/sources-panel.js';
import { ExportDialog, type ExportScope } from './export-dialog.js';
import { PassageCite } from './passage-cite.js';
import { RecordPanel } from './record-panel.js';
import { notify } from './notify.js';

/**
 * Everything citations and sources add to the reading view: the "Quellenangabe" record, the
 * "Quellen" proposals, the export dialog for this article and "Quellenangabe kopieren" for a
 * selected passage. One element in the reader's side column.
 */
export function ReaderCitations({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const scopes = useMemo<ExportScope[]>(
    () => [{ key: 'article', label: t('citations.scopeArticle', { title: article.title }), resolve: () => Promise.resolve({ articleIds: [article.id] }) }],
    [article.id, article.title, t],
  );

  return (
    <>
      <RecordPanel article={article} onExport={() => setExporting(true)} notify={notify} />
      <SourcesPanel article={article} />
      <ExportDialog open={exporting} scopes={scopes} onClose={() => setExporting(false)} notify={notify} />
      <PassageCite article={article} />
    </>
  );
}

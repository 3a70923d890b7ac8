import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ExportDialog, type ExportScope } from './export-dialog.js';
import { notify } from './notify.js';

interface CollectionExportProps {
  /** The open article, if any. */
  articleId: number | null;
  /** The list's filter; empty for the whole collection. */
  query: string;
  /** The Mappe shown in the list, if any: its articles become an export scope. */
  mappeId?: number | null;
  /** Rows in the list. */
  total: number | null;
}

/** Rows fetched per request when collecting the ids of a filtered list. */
const ID_PAGE = 500;

/**
 * "Quellen exportieren…" in the library's head: the open article, every article in the (filtered)
 * list, or the whole collection. The library has no multi-select; the filter is the selection.
 */
export function CollectionExport({ articleId, query, total, mappeId = null }: CollectionExportProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const scopes = useMemo<ExportScope[]>(() => {
    const list: ExportScope[] = [];
    if (articleId !== null) list.push({ key: 'article', label: t('citations.scopeOpen'), resolve: () => Promise.resolve({ articleIds: [articleId] }) });
    if (mappeId !== null) {
      list.push({
        key: 'mappe',
        label: t('citations.scopeMappe', { count: total ?? 0 }),
        resolve: async () => {
          const ids: number[] = [];
          for (let offset = 0; ; offset += ID_PAGE) {
            const page = await api['mappen.articles']({ id: mappeId, offset, limit: ID_PAGE });
            ids.push(...page.items.map((a) => a.id));
            if (page.items.length < ID_PAGE || ids.length >= page.total) break;
          }
          return { articleIds: ids };
        },
      });
    } else if (query) {
      list.push({
        key: 'list',
        label: t('citations.scopeList', { count: total ?? 0 }),
        resolve: async () => {
          const ids: number[] = [];
          for (let offset = 0; ; offset += ID_PAGE) {
            const page = await api['articles.list']({ query, offset, limit: ID_PAGE });
            ids.push(...page.items.map((a) => a.id));
            if (page.items.length < ID_PAGE || ids.length >= page.total) break;
          }
          return { articleIds: ids };
        },
      });
    }
    list.push({ key: 'all', label: t('citations.scopeAll'), coversManual: true, resolve: () => Promise.resolve({ articleIds: [], all: true }) });
    return list;
  }, [articleId, query, total, mappeId, t]);

  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} disabled={total === 0}>
        {t('citations.exportOpen')}
      </button>
      <ExportDialog open={open} scopes={scopes} onClose={() => setOpen(false)} notify={notify} />
    </>
  );
}

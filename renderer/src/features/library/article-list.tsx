import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../../shared/article.js';
import { formatPublishedShort } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';
import { ARTICLE_DRAG_TYPE } from '../mappen/use-mappen.js';
import type { ArticlePages } from './use-article-pages.js';

/** Height of one row in pixels; fixed so the virtualizer never has to measure 100,000 rows. */
export const ROW_HEIGHT = 76;

interface ArticleListProps {
  pages: ArticlePages;
  /** The article open in the reading view. */
  selectedId: number | null;
  onOpen(id: number): void;
  /** Changes whenever the rows are re-queried, so the keyboard cursor returns to the top. */
  resetKey: string;
}

/**
 * The library as a virtualized listbox. Focus stays on the listbox and the keyboard cursor is
 * announced with `aria-activedescendant`, the ARIA pattern that works when most options are not
 * in the DOM. ↑/↓, Page ↑/↓, Home/End move the cursor; Enter or a click opens the article.
 */
export function ArticleList({ pages, selectedId, onOpen, resetKey }: ArticleListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  // The cursor ring is for keyboard users; after a click the selection highlight says enough.
  const [showsCursor, setShowsCursor] = useState(false);
  const total = pages.total ?? 0;

  // The virtualizer re-renders this component itself on scroll; nothing here relies on the React Compiler memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Let React batch scroll updates instead of rendering synchronously inside every scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const { ensureRange } = pages;
  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange, total]);

  useEffect(() => {
    setActive(-1);
    virtualizer.scrollToOffset(0);
    // Only a new query resets the cursor; a refetch after an import keeps the reader's place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageStep = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cursor = active < 0 ? -1 : active;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(cursor + 1);
        break;
      case 'ArrowUp':
        moveTo(cursor < 0 ? 0 : cursor - 1);
        break;
      case 'PageDown':
        moveTo(cursor + pageStep());
        break;
      case 'PageUp':
        moveTo(cursor - pageStep());
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
      case ' ': {
        const row = cursor >= 0 ? pages.rowAt(cursor) : undefined;
        if (row) onOpen(row.id);
        break;
      }
      default:
        return;
    }
    setShowsCursor(true);
    e.preventDefault();
  };

  const onFocus = () => {
    if (active >= 0 || total === 0) return;
    // Start the cursor at the open article when it is on screen, else at the first row.
    const visible = items.find((v) => pages.rowAt(v.index)?.id === selectedId);
    setActive(visible ? visible.index : first);
  };

  const activeRendered = active >= 0 && items.some((v) => v.index === active);
  const labels: RowLabels = { derived: t('library.derived'), noAgency: t('library.noAgency'), noDate: t('library.noDate') };

  return (
    <div
      ref={scrollRef}
      className={`article-list${showsCursor ? ' shows-cursor' : ''}`}
      role="listbox"
      tabIndex={0}
      aria-label={t('library.listLabel')}
      aria-activedescendant={activeRendered ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="article-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = pages.rowAt(v.index);
          return (
            <div
              key={v.key}
              id={optionId(v.index)}
              role="option"
              aria-selected={row !== undefined && row.id === selectedId}
              aria-setsize={total}
              aria-posinset={v.index + 1}
              className={`article-row${v.index === active ? ' is-active' : ''}${row && row.id === selectedId ? ' is-selected' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              // Rows can be dragged onto a Mappe; the reading view's "In Mappe legen" is the keyboard way.
              draggable={row !== undefined}
              onDragStart={(e) => {
                if (!row) return;
                e.dataTransfer.setData(ARTICLE_DRAG_TYPE, String(row.id));
                e.dataTransfer.setData('text/plain', row.title);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => {
                setShowsCursor(false);
                setActive(v.index);
                if (row) onOpen(row.id);
              }}
            >
              {row ? (
                <RowContent row={row} lang={lang} derived={labels.derived} noAgency={labels.noAgency} noDate={labels.noDate} />
              ) : (
                <span className="row-loading">{t('library.loadingRow')}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function optionId(index: number): string {
  return `article-option-${index}`;
}

/** Translated words a row needs, passed down so rows need no i18n subscription of their own. */
interface RowLabels {
  derived: string;
  noAgency: string;
  noDate: string;
}

interface RowContentProps extends RowLabels {
  row: ArticleSummary;
  lang: 'de' | 'en';
}

/**
 * One row: headline, then agency · date · place. Memoized: while scrolling, rows that stay in view
 * keep the same data object and are not rendered again.
 */
const RowContent = memo(function RowContent({ row, lang, derived, noAgency, noDate }: RowContentProps) {
  return (
    <>
      <span className="row-title">
        {row.title}
        {row.titleDerived && <span className="row-derived"> · {derived}</span>}
      </span>
      <span className="row-meta">
        <span className="row-agency">{row.agency ?? noAgency}</span>
        <span aria-hidden="true"> · </span>
        <span>{row.published ? formatPublishedShort(row.published, lang) : noDate}</span>
        {row.datelinePlace && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{row.datelinePlace}</span>
          </>
        )}
      </span>
    </>
  );
});

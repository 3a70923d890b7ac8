import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './annotations.css';
import type { AnnotationImportResult, AnnotationType, ReviewRow } from '../../../../shared/annotation.js';
import type { ArticleSummary } from '../../../../shared/article.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { formatPublishedShort, formatTimestamp } from '../../lib/format-date.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { useLang } from '../../lib/use-lang.js';
import { ANNOTATION_TYPES, TYPE_GLYPHS } from './annotation-types.js';
import { ExportMenu } from './export-menu.js';
import { REVIEW_SORTS, reviewQuery, type ReviewFilterState, type ReviewSortValue } from './review-filters.js';
import { TypeBadge } from './type-badge.js';
import { useTags } from './use-article-annotations.js';
import { allReviewIds, useReviewPages } from './use-review-pages.js';

/** Fixed row height, so the virtualizer never measures. */
const ROW_HEIGHT = 88;

const EMPTY_FILTERS: ReviewFilterState = { types: [], tag: '', articleId: '', from: '', to: '', text: '', sort: 'created_desc' };

interface ReviewViewProps {
  /** Opens an article at one of its annotations. */
  onOpen(articleId: number, annotationId: string): void;
}

/**
 * The review view: annotations across the collection, filtered by type (chips with counts), tag,
 * article, creation date and the text of notes and passages; sorted; virtualized. A row opens the
 * article at the annotation. Exports the filtered selection or everything; imports W3C files.
 */
export function ReviewView({ onOpen }: ReviewViewProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [revision, setRevision] = useState(0);
  const text = useDebounced(filters.text, 200);
  const query = reviewQuery({ ...filters, text });
  const pages = useReviewPages(query, revision);
  const tags = useTags(revision);
  const articles = useArticleChoices(revision);
  const set = (patch: Partial<ReviewFilterState>) => setFilters((f) => ({ ...f, ...patch }));
  const toggleType = (type: AnnotationType) => set({ types: filters.types.includes(type) ? filters.types.filter((x) => x !== type) : [...filters.types, type] });
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);

  return (
    <section className="review-view" aria-labelledby="review-heading">
      <div className="review-head">
        <div className="pane-title">
          <h2 id="review-heading">{t('review.heading')}</h2>
          <p className="pane-count" role="status" aria-live="polite">
            {pages.total === null ? '' : t('review.count', { count: pages.total })}
          </p>
        </div>
        <div className="review-actions">
          <ExportMenu label={t('review.exportSelection')} scope={async () => ({ ids: await allReviewIds(query) })} disabled={!filtered || !pages.total} />
          <ExportMenu label={t('review.exportAll')} scope={() => ({})} />
          <ImportButton onImported={() => setRevision((r) => r + 1)} />
        </div>
      </div>

      <div className="review-filters">
        <div className="type-chips" role="group" aria-label={t('review.typeFilter')}>
          {ANNOTATION_TYPES.map((type) => (
            <button key={type} type="button" className={`type-chip type-${type}`} aria-pressed={filters.types.includes(type)} onClick={() => toggleType(type)}>
              <span className="type-glyph" aria-hidden="true">
                {TYPE_GLYPHS[type]}
              </span>
              {t(`annotations.types.${type}`)}
              <span className="chip-count">{pages.countsByType?.[type] ?? 0}</span>
            </button>
          ))}
        </div>
        <div className="filter-fields">
          <label className="filter-field filter-text">
            <span>{t('review.text')}</span>
            <input type="search" value={filters.text} onChange={(e) => set({ text: e.target.value })} placeholder={t('review.textPlaceholder')} spellCheck={false} autoComplete="off" />
          </label>
          <label className="filter-field">
            <span>{t('review.tag')}</span>
            <select value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
              <option value="">{t('review.allTags')}</option>
              {tags.map((tag) => (
                <option key={tag.name} value={tag.name}>
                  {tag.name} ({tag.count})
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field filter-article">
            <span>{t('review.article')}</span>
            <select value={filters.articleId} onChange={(e) => set({ articleId: e.target.value })}>
              <option value="">{t('review.allArticles')}</option>
              {articles.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>{t('review.from')}</span>
            <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="filter-field">
            <span>{t('review.to')}</span>
            <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} />
          </label>
          <label className="filter-field">
            <span>{t('review.sortLabel')}</span>
            <select value={filters.sort} onChange={(e) => set({ sort: e.target.value as ReviewSortValue })}>
              {REVIEW_SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {t(`review.sort.${s.value}`)}
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <button type="button" className="button button-quiet button-small filter-reset" onClick={() => setFilters(EMPTY_FILTERS)}>
              {t('review.reset')}
            </button>
          )}
        </div>
      </div>

      {pages.error ? (
        <p className="pane-message is-error" role="alert">
          {errorText(pages.error)}
        </p>
      ) : pages.total === 0 ? (
        <div className="pane-message review-empty">
          <p>{filtered ? t('review.noHits') : t('review.empty')}</p>
        </div>
      ) : (
        <ReviewList pages={pages} onOpen={onOpen} resetKey={JSON.stringify(query)} />
      )}
    </section>
  );
}

interface ReviewListProps {
  pages: ReturnType<typeof useReviewPages>;
  onOpen(articleId: number, annotationId: string): void;
  resetKey: string;
}

/** The matching annotations as a virtual list of buttons. */
function ReviewList({ pages, onOpen, resetKey }: ReviewListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- as in the library list: the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6, useFlushSync: false });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensureRange } = pages;
  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange, total]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    // A new query starts at the top.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  return (
    <div ref={scrollRef} className="review-list">
      <div className="review-list-sizer" role="list" aria-label={t('review.listLabel')} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = pages.rowAt(v.index);
          return (
            <div key={v.key} role="listitem" className="review-row" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
              {row ? <ReviewRowButton row={row} lang={lang} onOpen={onOpen} /> : <span className="row-loading">{t('library.loadingRow')}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const ReviewRowButton = memo(function ReviewRowButton({ row, lang, onOpen }: { row: ReviewRow; lang: 'de' | 'en'; onOpen(articleId: number, annotationId: string): void }) {
  const { t } = useTranslation();
  const quote = row.anchor ? row.selectors.quote.exact : row.originalQuote;
  return (
    <button type="button" className={`review-open type-${row.type}`} onClick={() => onOpen(row.articleId, row.id)}>
      <span className="review-row-head">
        <TypeBadge type={row.type} />
        <span className="review-article">{row.articleTitle}</span>
        <span className="review-date">
          {[row.articleAgency, row.articlePublished ? formatPublishedShort(row.articlePublished, lang) : null].filter(Boolean).join(' · ')}
        </span>
      </span>
      <span className="review-quote">„{quote}“</span>
      <span className="review-note">
        {!row.anchor && <span className="review-orphan">{t('review.orphan')} · </span>}
        {row.note || <span className="muted">{t('review.noNote')}</span>}
        {row.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        <span className="review-created">{formatTimestamp(row.created, lang)}</span>
      </span>
    </button>
  );
});

/** Article titles for the article filter, A–Z (a native select finds them by typing). */
function useArticleChoices(revision: number): ArticleSummary[] {
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  useEffect(() => {
    let current = true;
    api['articles.list']({ sort: 'title', direction: 'asc', limit: 500 }).then(
      (result) => current && setArticles(result.items),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [revision]);
  return articles;
}

/** Imports a W3C Web Annotation file chosen in a file dialog and reports what it did. */
function ImportButton({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const describe = (r: AnnotationImportResult) => t('review.importResult', { file: r.file, created: r.created, updated: r.updated, unchanged: r.unchanged, orphaned: r.orphaned });

  const onChange = async (el: HTMLInputElement) => {
    const file = el.files?.[0];
    el.value = '';
    if (!file) return;
    try {
      const r = await api['annotations.import']({ name: file.name, content: await file.text() });
      setResult({ text: describe(r), error: false });
      onImported();
    } catch (e) {
      setResult({ text: errorText(toErrorPayload(e)), error: true });
    }
  };

  return (
    <div className="import-annotations">
      <button type="button" className="button button-small" onClick={() => input.current?.click()}>
        {t('review.import')}
      </button>
      <input ref={input} className="annotation-import-input" type="file" accept=".jsonld,.json,application/ld+json,application/json" hidden tabIndex={-1} onChange={(e) => void onChange(e.currentTarget)} />
      <p className={`export-status${result?.error ? ' is-error' : ''}`} role="status">
        {result?.text}
      </p>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './annotations.css';
import type { Annotation, AnnotationType } from '../../../../shared/annotation.js';
import type { ArticleDetail } from '../../../../shared/article.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { CitePassageAction } from '../citations/passage-cite.js';
import { askAboutAnnotation } from '../inquiries/ask-request.js';
import { ANNOTATION_TYPES, typeForShortcut } from './annotation-types.js';
import { AnnotationPanel } from './annotation-panel.js';
import { selectionOffsets } from './dom-selection.js';
import { DRAFT_MARK_ID, HighlightedText } from './highlighted-text.js';
import { annotatableRange, type Mark } from './segments.js';
import { AnnotationForm, SelectionToolbar, type AnnotationFields, type PopoverPosition } from './selection-popover.js';
import { useArticleAnnotations, useTags } from './use-article-annotations.js';

/** Renders [start, end) of the canonical text with its highlights (handed to the article body). */
export type Decorate = (start: number, end: number) => ReactNode;

/** A request to show one annotation (from the review list); a new object each time, so a repeat click jumps again. */
export interface AnnotationFocus {
  annotationId: string;
}

interface Selected extends PopoverPosition {
  start: number;
  end: number;
}

const PANEL_KEY = 'fundstelle.annotationPanel';
const FLASH_MS = 1600;
const UNDO_MS = 12_000;

/**
 * The user's explicit choice for the side panel, or null: then it opens only for an article with
 * annotations, so a fresh article keeps the source details (credits, desks) beside its text.
 */
function panelPreference(): boolean | null {
  try {
    const v = localStorage.getItem(PANEL_KEY);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    return null;
  }
}

/** True while the user types somewhere: shortcuts must not steal those keys. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

interface AnnotationLayerProps {
  article: ArticleDetail;
  focus?: AnnotationFocus | undefined;
  /** The article, rendered with `decorate` for its text. */
  children(decorate: Decorate): ReactNode;
}

/**
 * Annotation in the reading view: highlights in the text, the toolbar on a selection, the note
 * form, keyboard shortcuts (1–5 with text selected), the side panel and undo after delete.
 */
export function AnnotationLayer({ article, focus, children }: AnnotationLayerProps) {
  const { t } = useTranslation();
  const { data, error, reload } = useArticleAnnotations(article.id);
  const [tagRevision, setTagRevision] = useState(0);
  const suggestions = useTags(tagRevision).map((tag) => tag.name);
  const rootRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [panelChoice, setPanelChoice] = useState(panelPreference);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [draft, setDraft] = useState<(Selected & { type: AnnotationType }) | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const typeLabels = useMemo(() => Object.fromEntries(ANNOTATION_TYPES.map((type) => [type, t(`annotations.types.${type}`)])) as Record<AnnotationType, string>, [t]);
  const marks = useMemo(() => {
    const placed: Mark[] = (data?.anchored ?? []).flatMap((a) => (a.anchor ? [{ id: a.id, type: a.type, start: a.anchor.start, end: a.anchor.end }] : []));
    return draft ? [...placed, { id: DRAFT_MARK_ID, type: draft.type, start: draft.start, end: draft.end }] : placed;
  }, [data, draft]);
  const decorate = useCallback<Decorate>(
    (start, end) => <HighlightedText text={article.text} start={start} end={end} marks={marks} flashId={flashId} typeLabels={typeLabels} />,
    [article.text, marks, flashId, typeLabels],
  );

  /** The current selection as an annotatable range with a place for the popover, or null. */
  const readSelection = useCallback((): Selected | null => {
    const text = textRef.current;
    const root = rootRef.current;
    if (!text || !root) return null;
    const sel = selectionOffsets(text);
    if (!sel) return null;
    const range = annotatableRange(article.text, article.blocks, sel.a, sel.b);
    if (!range) return null;
    const box = root.getBoundingClientRect();
    return { ...range, x: Math.min(sel.rect.left - box.left, box.width - 420), y: sel.rect.bottom - box.top };
  }, [article]);

  const jumpTo = useCallback((id: string) => {
    const target = textRef.current?.querySelector(`mark[data-annotation-id="${CSS.escape(id)}"]`) ?? rootRef.current?.querySelector(`[data-item-id="${CSS.escape(id)}"]`);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    setFlashId(id);
  }, []);

  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  // A jump requested from the review list, once the annotations are there.
  const loaded = data !== null;
  useEffect(() => {
    if (!focus || !loaded) return;
    // After the highlights are painted.
    const frame = window.requestAnimationFrame(() => jumpTo(focus.annotationId));
    return () => window.cancelAnimationFrame(frame);
  }, [focus, loaded, jumpTo]);

  const chooseType = useCallback(
    (type: AnnotationType, at: Selected | null) => {
      if (!at) return;
      setFormError(null);
      setSelected(null);
      setDraft({ ...at, type });
    },
    [],
  );

  // Shortcuts: 1–5 turn the selected passage into that type; Escape closes toolbar and form.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (selected || draft)) {
        setSelected(null);
        setDraft(null);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || draft || isTyping(e.target)) return;
      const type = typeForShortcut(e.key);
      if (!type) return;
      const at = readSelection() ?? selected;
      if (!at) return;
      e.preventDefault();
      chooseType(type, at);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, draft, readSelection, chooseType]);

  // The toolbar goes away when the selection does (a click elsewhere).
  useEffect(() => {
    if (!selected) return;
    const onChange = () => {
      if (window.getSelection()?.isCollapsed ?? true) setSelected(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [selected]);

  // A selection ends with the mouse button (released anywhere: a drag may end outside the
  // article) or with Shift+arrows; then the toolbar appears beside it.
  const draftOpen = draft !== null;
  useEffect(() => {
    if (draftOpen) return;
    let timer = 0;
    const afterSelecting = (e: Event) => {
      if (e instanceof KeyboardEvent && !e.shiftKey) return;
      if (e.target instanceof Element && e.target.closest('.selection-toolbar, .annotation-popover')) return;
      window.clearTimeout(timer);
      // Let the browser finish updating the selection first.
      timer = window.setTimeout(() => {
        setSelected(readSelection());
      }, 0);
    };
    document.addEventListener('mouseup', afterSelecting);
    document.addEventListener('keyup', afterSelecting);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('mouseup', afterSelecting);
      document.removeEventListener('keyup', afterSelecting);
    };
  }, [readSelection, draftOpen]);

  const create = async (fields: AnnotationFields) => {
    if (!draft) return;
    setSaving(true);
    try {
      const created = await api['annotations.create']({ articleId: article.id, start: draft.start, end: draft.end, ...fields });
      setDraft(null);
      window.getSelection()?.removeAllRanges();
      reload();
      setTagRevision((r) => r + 1);
      setFlashId(created.id);
      // A Rückfrage goes on to routing (features/inquiries): whom to ask, and why.
      if (created.type === 'question') askAboutAnnotation(created);
    } catch (e) {
      setFormError(errorText(toErrorPayload(e)));
    } finally {
      setSaving(false);
    }
  };

  const onDeleted = (annotation: Annotation) => {
    setUndo(annotation);
    reload();
  };
  const dismissUndo = useCallback(() => setUndo(null), []);
  const restore = async () => {
    if (!undo) return;
    try {
      const restored = await api['annotations.restore']({ id: undo.id });
      setUndo(null);
      reload();
      setFlashId(restored.id);
    } catch (e) {
      setNotice(errorText(toErrorPayload(e)));
    }
  };

  const togglePanel = () => {
    const next = !panelOpen;
    setPanelChoice(next);
    try {
      localStorage.setItem(PANEL_KEY, next ? 'open' : 'closed');
    } catch {
      // Without storage the panel simply opens by default next time.
    }
  };

  const total = data ? data.anchored.length + data.orphans.length : 0;
  const panelOpen = panelChoice ?? total > 0;
  return (
    <div ref={rootRef} className={`annotation-layout${panelOpen ? ' has-panel' : ''}`}>
      <div className="annotation-main">
        <div className="annotation-bar">
          <p className="annotation-hint">{t('annotations.hint')}</p>
          <button type="button" className="button button-small" aria-pressed={panelOpen} aria-controls={panelOpen ? 'annotation-panel' : undefined} onClick={togglePanel}>
            {t('annotations.panel.toggle', { count: total })}
          </button>
        </div>
        {(error || notice) && (
          <p className="annotation-error" role="alert">
            {error ? errorText(error) : notice}
          </p>
        )}
        <div ref={textRef} className="annotation-text">
          {children(decorate)}
        </div>
      </div>
      {panelOpen && data && (
        <AnnotationPanel
          text={article.text}
          data={data}
          flashId={flashId}
          suggestions={suggestions}
          onJump={jumpTo}
          onChanged={() => {
            reload();
            setTagRevision((r) => r + 1);
          }}
          onDeleted={onDeleted}
          onClose={togglePanel}
        />
      )}
      {selected && !draft && <SelectionToolbar at={selected} onChoose={(type) => chooseType(type, selected)} extra={<CitePassageAction articleId={article.id} range={selected} />} />}
      {draft && (
        <AnnotationForm
          key={`${draft.start}-${draft.end}`}
          at={draft}
          quote={article.text.slice(draft.start, draft.end)}
          initial={{ type: draft.type, note: '', tags: [] }}
          suggestions={suggestions}
          submitLabel={t('annotations.form.create')}
          busy={saving}
          error={formError}
          onSubmit={(fields) => void create(fields)}
          onCancel={() => setDraft(null)}
        />
      )}
      {undo && <UndoToast onUndo={() => void restore()} onDismiss={dismissUndo} />}
    </div>
  );
}

/** "Annotation gelöscht — Rückgängig", for a while; it takes focus so the keyboard can undo at once. */
function UndoToast({ onUndo, onDismiss }: { onUndo(): void; onDismiss(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, []);
  useEffect(() => {
    const timer = window.setInterval(() => {
      // Never pull the toast away from under the keyboard focus.
      if (!ref.current?.contains(document.activeElement)) onDismiss();
    }, UNDO_MS);
    return () => window.clearInterval(timer);
  }, [onDismiss]);
  return (
    <div ref={ref} className="undo-toast" role="status">
      <span>{t('annotations.deleted')}</span>
      <button type="button" className="button button-small button-primary" onClick={onUndo}>
        {t('annotations.undo')}
      </button>
      <button type="button" className="button button-quiet button-small" aria-label={t('annotations.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

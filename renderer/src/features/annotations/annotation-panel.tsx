import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, ArticleAnnotations } from '../../../../shared/annotation.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { AnnotationInquiryInfo } from '../inquiries/annotation-inquiry-info.js';
import { ExportMenu } from './export-menu.js';
import { AnnotationForm, type AnnotationFields } from './selection-popover.js';
import { TypeBadge } from './type-badge.js';

interface AnnotationPanelProps {
  /** The article's canonical text, for the current wording of each passage. */
  text: string;
  data: ArticleAnnotations;
  flashId: string | null;
  suggestions: readonly string[];
  onJump(id: string): void;
  onChanged(): void;
  onDeleted(annotation: Annotation): void;
  onClose(): void;
}

/**
 * The side panel of the reading view: the article's annotations in text order (click to jump,
 * edit, delete with undo) and, apart, the orphans a new version of the text left without a place,
 * with their original passage. Orphans are listed, never hidden.
 */
export function AnnotationPanel({ text, data, flashId, suggestions, onJump, onChanged, onDeleted, onClose }: AnnotationPanelProps) {
  const { t } = useTranslation();
  const total = data.anchored.length + data.orphans.length;
  const item = (a: Annotation) => (
    <AnnotationItem key={a.id} annotation={a} text={text} flash={a.id === flashId} suggestions={suggestions} onJump={onJump} onChanged={onChanged} onDeleted={onDeleted} />
  );
  return (
    <aside id="annotation-panel" className="annotation-panel" aria-labelledby="annotation-panel-heading">
      <div className="panel-head">
        <h3 id="annotation-panel-heading">
          {t('annotations.panel.heading')} <span className="count-pill">{total}</span>
        </h3>
        <button type="button" className="button button-quiet button-small panel-close" onClick={onClose}>
          {t('annotations.panel.hide')}
        </button>
      </div>
      <ExportMenu label={t('annotations.export.article')} scope={() => ({ articleIds: [data.articleId] })} disabled={total === 0} />
      {data.anchored.length === 0 ? <p className="panel-empty">{t('annotations.panel.empty')}</p> : <ol className="annotation-list">{data.anchored.map(item)}</ol>}
      {data.orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h4 id="orphans-heading">
            {t('annotations.panel.orphans')} <span className="count-pill">{data.orphans.length}</span>
          </h4>
          <p className="orphans-hint">{t('annotations.panel.orphansHint')}</p>
          <ol className="annotation-list">{data.orphans.map(item)}</ol>
        </section>
      )}
    </aside>
  );
}

interface AnnotationItemProps {
  annotation: Annotation;
  text: string;
  flash: boolean;
  suggestions: readonly string[];
  onJump(id: string): void;
  onChanged(): void;
  onDeleted(annotation: Annotation): void;
}

function AnnotationItem({ annotation: a, text, flash, suggestions, onJump, onChanged, onDeleted }: AnnotationItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quote = a.anchor ? text.slice(a.anchor.start, a.anchor.end) : a.originalQuote;

  const save = async (fields: AnnotationFields) => {
    setBusy(true);
    try {
      await api['annotations.update']({ id: a.id, ...fields });
      setEditing(false);
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorText(toErrorPayload(e)));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    try {
      onDeleted(await api['annotations.delete']({ id: a.id }));
    } catch (e) {
      setError(errorText(toErrorPayload(e)));
    }
  };

  return (
    <li className={`annotation-item type-${a.type}${flash ? ' is-flash' : ''}${a.anchor ? '' : ' is-orphan'}`} data-item-id={a.id}>
      <div className="item-head">
        <TypeBadge type={a.type} />
        {a.anchor?.method === 'fuzzy' && <span className="item-fuzzy">{t('annotations.panel.fuzzy')}</span>}
      </div>
      {a.anchor ? (
        <button type="button" className="item-quote" onClick={() => onJump(a.id)} title={t('annotations.panel.jump')}>
          „{quote}“
        </button>
      ) : (
        <blockquote className="item-quote is-orphan">„{quote}“</blockquote>
      )}
      {editing ? (
        <AnnotationForm
          at={null}
          quote={quote}
          initial={{ type: a.type, note: a.note, tags: a.tags }}
          suggestions={suggestions}
          submitLabel={t('annotations.form.save')}
          busy={busy}
          error={error}
          onSubmit={(fields) => void save(fields)}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      ) : (
        <>
          {a.note && <p className="item-note">{a.note}</p>}
          {(a.type === 'question' || a.type === 'claim') && <AnnotationInquiryInfo annotationId={a.id} />}
          {a.tags.length > 0 && (
            <ul className="tag-list" aria-label={t('annotations.form.tags')}>
              {a.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="item-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={t('annotations.panel.editLabel', { quote: short(quote) })}>
              {t('annotations.panel.edit')}
            </button>
            <button type="button" className="link-button is-danger" onClick={() => void remove()} aria-label={t('annotations.panel.deleteLabel', { quote: short(quote) })}>
              {t('annotations.panel.delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** The start of a passage, for button labels that must tell items apart. */
function short(quote: string): string {
  return quote.length > 40 ? `${quote.slice(0, 40)}…` : quote;
}

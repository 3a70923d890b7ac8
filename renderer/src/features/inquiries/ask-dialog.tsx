import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '../../../../shared/article.js';
import type { Inquiry, RouteResult } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { useDebounced } from '../../lib/use-debounced.js';
import type { AskRequest } from './ask-request.js';
import { notifyInquiriesChanged } from './inquiry-events.js';
import { shorten } from './inquiry-format.js';
import { contactOptions, useAddressBook } from './use-contact-options.js';

interface AskDialogProps {
  article: ArticleDetail;
  request: AskRequest;
  /** Called once the dialog has closed; unmount it then (mount a new one, by `key`, per request). */
  onClose(): void;
}

/**
 * The Rückfrage dialog: write the question about a passage (or the whole article) while the
 * routing preview says whom it would go to; once stored, it shows the routed contact with the
 * reason and lets the user pick another one. A native modal <dialog> (focus trap, Escape).
 */
export function AskDialog({ article, request, onClose }: AskDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [question, setQuestion] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [inquiry, setInquiry] = useState<Inquiry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RouteResult | null>(null);
  const debouncedQuestion = useDebounced(question, 400);

  const needsQuestion = request.kind === 'compose' || !request.annotation.note.trim();
  const [busy, setBusy] = useState(!needsQuestion);
  const creating = useRef<Promise<Inquiry> | null>(null);
  const passage = request.kind === 'compose' ? request.passage : request.annotation.anchor;
  const passageText = passage ? article.text.slice(passage.start, passage.end) : null;
  /** Closes through the element, so the browser returns focus to where it was. */
  const close = () => ref.current?.close();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // A Rückfrage annotation with a note is stored at once: the note is the question.
  useEffect(() => {
    if (request.kind !== 'annotation' || !request.annotation.note.trim()) return;
    const a = request.annotation;
    let current = true;
    // One request per dialog, even when an effect runs twice (React's StrictMode in development).
    creating.current ??= api['inquiries.create']({
      articleId: article.id,
      annotationId: a.id,
      ...(a.anchor ? { start: a.anchor.start, end: a.anchor.end } : {}),
      question: a.note,
    });
    creating.current.then(
      (created) => {
        if (!current) return;
        setInquiry(created);
        setBusy(false);
        notifyInquiriesChanged();
      },
      (e: unknown) => {
        if (!current) return;
        setError(errorText(toErrorPayload(e)));
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [request, article.id]);

  // Routing preview while composing.
  const composing = needsQuestion && inquiry === null;
  const previewStart = composing ? passage?.start : undefined;
  const previewEnd = composing ? passage?.end : undefined;
  useEffect(() => {
    if (!composing) return;
    let current = true;
    const q = debouncedQuestion.trim();
    api['inquiries.route']({
      articleId: article.id,
      ...(previewStart !== undefined && previewEnd !== undefined ? { start: previewStart, end: previewEnd } : {}),
      ...(q ? { question: q } : {}),
    }).then(
      (r) => current && setPreview(r),
      () => current && setPreview(null),
    );
    return () => {
      current = false;
    };
  }, [composing, article.id, previewStart, previewEnd, debouncedQuestion]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const q = question.trim();
    if (!q) {
      setError(t('inquiries.ask.questionRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const range = request.kind === 'compose' ? request.passage : request.annotation.anchor;
      // A question on a passage is also a Rückfrage annotation, so it is highlighted like the others;
      // one made in the text without a note gets the question as its note.
      const annotation =
        request.kind === 'annotation'
          ? await api['annotations.update']({ id: request.annotation.id, note: q })
          : range
            ? await api['annotations.create']({ articleId: article.id, start: range.start, end: range.end, type: 'question', note: q })
            : null;
      const created = await api['inquiries.create']({
        articleId: article.id,
        question: q,
        ...(range ? { start: range.start, end: range.end } : {}),
        ...(annotation ? { annotationId: annotation.id } : {}),
        ...(dueDate ? { dueDate } : {}),
      });
      setInquiry(created);
      notifyInquiriesChanged();
    } catch (err) {
      setError(errorText(toErrorPayload(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="inq-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="inq-dialog-body">
        <h2 id={titleId}>{passage ? t('inquiries.ask.title') : t('inquiries.ask.titleArticle')}</h2>
        {passageText !== null ? (
          <blockquote className="inq-quote" lang={article.language ?? undefined}>
            „{shorten(passageText, 400)}“
          </blockquote>
        ) : (
          <p className="inq-muted">{t('inquiries.ask.wholeArticle', { title: article.title })}</p>
        )}

        {composing && (
          <form onSubmit={(e) => void submit(e)}>
            <label className="inq-field">
              <span>{t('inquiries.ask.question')}</span>
              <textarea value={question} onChange={(e) => setQuestion(e.target.value)} rows={4} autoFocus required />
            </label>
            <label className="inq-field inq-field-inline">
              <span>{t('inquiries.ask.dueDate')}</span>
              <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
            </label>
            <p className="inq-route-preview" aria-live="polite">
              {preview?.contactEmail ? t('inquiries.ask.wouldGoTo', { email: preview.contactEmail, reason: preview.reason }) : preview ? preview.reason : ''}
            </p>
            {error && (
              <p className="inq-error" role="alert">
                {error}
              </p>
            )}
            <div className="inq-actions">
              <button type="button" className="button" onClick={close}>
                {t('inquiries.cancel')}
              </button>
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('inquiries.ask.submit')}
              </button>
            </div>
          </form>
        )}

        {request.kind === 'annotation' && !composing && inquiry === null && (
          <>
            <p role="status">{busy ? t('inquiries.ask.saving') : ''}</p>
            {error && (
              <p className="inq-error" role="alert">
                {error}
              </p>
            )}
            {error && (
              <div className="inq-actions">
                <button type="button" className="button" onClick={close}>
                  {t('inquiries.close')}
                </button>
              </div>
            )}
          </>
        )}

        {inquiry && <Routed article={article} inquiry={inquiry} onChange={setInquiry} onClose={close} />}
      </div>
    </dialog>
  );
}

/** The stored Rückfrage: question, routed contact with the reason, and the choice of another contact. */
function Routed({ article, inquiry, onChange, onClose }: { article: ArticleDetail; inquiry: Inquiry; onChange(i: Inquiry): void; onClose(): void }) {
  const { t } = useTranslation();
  const book = useAddressBook();
  const options = contactOptions(article.deskContacts, book);
  if (inquiry.contactEmail && !options.some((o) => o.email.toLowerCase() === inquiry.contactEmail?.toLowerCase())) {
    options.unshift({ email: inquiry.contactEmail, label: `${inquiry.contactName ?? inquiry.contactEmail} <${inquiry.contactEmail}>`, group: 'article' });
  }
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  const change = (email: string) => {
    setError(null);
    api['inquiries.update']({ id: inquiry.id, contactEmail: email || null }).then(
      (updated) => {
        onChange(updated);
        notifyInquiriesChanged();
      },
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <div className="inq-routed">
      <p className="inq-saved" role="status">
        {t('inquiries.ask.saved')}
      </p>
      <p className="inq-question">{inquiry.question}</p>
      <div className="inq-route-box">
        <p className="inq-route-to">
          {inquiry.contactEmail ? (
            <>
              {t('inquiries.ask.goesTo')} <strong className="inq-route-email">{inquiry.contactEmail}</strong>
              {inquiry.contactName ? <span className="inq-muted"> ({inquiry.contactName})</span> : null}
            </>
          ) : (
            t('inquiries.ask.noContact')
          )}
        </p>
        <p className="inq-route-reason">{inquiry.routing.reason}</p>
      </div>
      <label className="inq-field" htmlFor={selectId}>
        <span>{t('inquiries.ask.changeContact')}</span>
      </label>
      <select id={selectId} className="inq-select" value={inquiry.contactEmail ?? ''} onChange={(e) => change(e.target.value)}>
        <option value="">{t('inquiries.ask.noContactOption')}</option>
        <optgroup label={t('inquiries.ask.groupArticle')}>
          {options
            .filter((o) => o.group === 'article')
            .map((o) => (
              <option key={o.email} value={o.email}>
                {o.label}
              </option>
            ))}
        </optgroup>
        <optgroup label={t('inquiries.ask.groupBook')}>
          {options
            .filter((o) => o.group === 'addressBook')
            .map((o) => (
              <option key={o.email} value={o.email}>
                {o.label}
              </option>
            ))}
        </optgroup>
      </select>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
      <div className="inq-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('inquiries.done')}
        </button>
      </div>
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { notifyInquiriesChanged } from './inquiry-events.js';
import { shorten, todayIso } from './inquiry-format.js';
import { AnswerBlock, StatusBadge } from './status-badge.js';

interface QueueItemProps {
  inquiry: Inquiry;
  onOpenArticle(id: number): void;
  /** Announces a change the item may not survive (it can leave the filtered list). */
  onNotice(text: string): void;
}

/** One Rückfrage in a contact's queue: passage, question, article, status and the next step. */
export function QueueItem({ inquiry, onOpenArticle, onNotice }: QueueItemProps) {
  const { t } = useTranslation();
  const dueId = useId();
  const [answering, setAnswering] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (call: Promise<unknown>, notice?: string) => {
    setError(null);
    call.then(
      () => {
        if (notice) onNotice(notice);
        notifyInquiriesChanged();
      },
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <li className={`inq-item${inquiry.overdue ? ' is-overdue' : ''}`} data-inquiry-id={inquiry.id}>
      <div className="inq-item-top">
        <StatusBadge inquiry={inquiry} />
        <button type="button" className="link-button inq-article-link" onClick={() => onOpenArticle(inquiry.articleId)}>
          {shorten(inquiry.articleTitle, 110)}
        </button>
      </div>
      {inquiry.passage ? (
        <blockquote className="inq-quote">
          „{shorten(inquiry.passage.exact, 240)}“
          {inquiry.passage.paragraph !== null && <span className="inq-paragraph"> {t('inquiries.paragraph', { n: inquiry.passage.paragraph })}</span>}
        </blockquote>
      ) : (
        <p className="inq-muted">{t('inquiries.wholeArticle')}</p>
      )}
      <p className="inq-question">
        <span className="inq-label">{t('inquiries.questionLabel')}</span> {inquiry.question}
      </p>
      <AnswerBlock inquiry={inquiry} />
      {(inquiry.status === 'offen' || inquiry.status === 'gestellt') && (
        <div className="inq-item-actions">
          <label className="inq-field-inline inq-due-field" htmlFor={dueId}>
            {t('inquiries.dueLabel')}
          </label>
          <input
            id={dueId}
            type="date"
            className="inq-date"
            value={inquiry.dueDate ?? ''}
            onChange={(e) => run(api['inquiries.update']({ id: inquiry.id, dueDate: e.target.value || null }))}
          />
          {inquiry.status === 'gestellt' && !answering && (
            <button type="button" className="button button-small button-primary" onClick={() => setAnswering(true)}>
              {t('inquiries.enterAnswer')}
            </button>
          )}
          <button type="button" className="button button-small" onClick={() => run(api['inquiries.setStatus']({ id: inquiry.id, status: 'verworfen' }), t('inquiries.dismissed'))}>
            {t('inquiries.dismiss')}
          </button>
        </div>
      )}
      {inquiry.status === 'verworfen' && (
        <div className="inq-item-actions">
          <button type="button" className="button button-small" onClick={() => run(api['inquiries.setStatus']({ id: inquiry.id, status: 'offen' }))}>
            {t('inquiries.reopen')}
          </button>
        </div>
      )}
      {answering && (
        <AnswerForm
          inquiry={inquiry}
          onDone={(saved) => {
            setAnswering(false);
            if (saved) onNotice(t('inquiries.answer.saved'));
          }}
        />
      )}
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The answer as it came: text, who answered and when → `beantwortet`. */
function AnswerForm({ inquiry, onDone }: { inquiry: Inquiry; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [who, setWho] = useState(inquiry.contactName ?? '');
  const [date, setDate] = useState(todayIso);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) {
      setError(t('inquiries.answer.required'));
      return;
    }
    api['inquiries.setStatus']({ id: inquiry.id, status: 'beantwortet', answer: answer.trim(), ...(who.trim() ? { answeredBy: who.trim() } : {}), ...(date ? { date } : {}) }).then(
      () => {
        onDone(true);
        notifyInquiriesChanged();
      },
      (err: unknown) => setError(errorText(toErrorPayload(err))),
    );
  };

  return (
    <form className="inq-answer-form" onSubmit={submit} aria-label={t('inquiries.answer.formLabel')}>
      <label className="inq-field">
        <span>{t('inquiries.answer.text')}</span>
        <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} rows={3} autoFocus />
      </label>
      <div className="inq-field-row">
        <label className="inq-field">
          <span>{t('inquiries.answer.who')}</span>
          <input type="text" value={who} onChange={(e) => setWho(e.target.value)} />
        </label>
        <label className="inq-field">
          <span>{t('inquiries.answer.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
      <div className="inq-actions">
        <button type="button" className="button button-small" onClick={() => onDone(false)}>
          {t('inquiries.cancel')}
        </button>
        <button type="submit" className="button button-small button-primary">
          {t('inquiries.answer.save')}
        </button>
      </div>
    </form>
  );
}

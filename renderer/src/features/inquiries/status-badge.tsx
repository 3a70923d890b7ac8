import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/inquiry.js';
import { useLang } from '../../lib/use-lang.js';
import { formatDay } from './inquiry-format.js';

/** The status of a Rückfrage as a badge (text, not colour alone), with the overdue marker and due date. */
export function StatusBadge({ inquiry }: { inquiry: Pick<Inquiry, 'status' | 'overdue' | 'dueDate'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span className="inq-status-line">
      <span className={`inq-status inq-status-${inquiry.status}`}>{t(`inquiries.status.${inquiry.status}`)}</span>
      {inquiry.overdue && <span className="inq-overdue">{t('inquiries.overdue')}</span>}
      {inquiry.dueDate && <span className="inq-due">{t('inquiries.dueOn', { date: formatDay(inquiry.dueDate, lang) })}</span>}
    </span>
  );
}

/** "Antwort von Frankfurt Newsroom am 14.02.2025:" and the answer, or nothing while unanswered. */
export function AnswerBlock({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (inquiry.status !== 'beantwortet' || inquiry.answer === null) return null;
  const who = inquiry.answeredBy || inquiry.contactName || inquiry.contactEmail || t('inquiries.unknownSender');
  return (
    <div className="inq-answer">
      <p className="inq-answer-head">
        {inquiry.answeredAt ? t('inquiries.answerFromOn', { who, date: formatDay(inquiry.answeredAt, lang) }) : t('inquiries.answerFrom', { who })}
      </p>
      <p className="inq-answer-text">{inquiry.answer}</p>
    </div>
  );
}

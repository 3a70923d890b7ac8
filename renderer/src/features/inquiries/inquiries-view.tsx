import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INQUIRY_STATUSES, type Inquiry, type InquiryQueueGroup, type InquiryStatus } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { AddressBook } from './address-book.js';
import { DraftPanel } from './draft-panel.js';
import { useInquiriesRevision } from './inquiry-events.js';
import { groupInquiries, type ContactGroup } from './queue-groups.js';
import { QueueItem } from './queue-item.js';
import { useAddressBook } from './use-contact-options.js';
import './inquiries.css';

/** Statuses shown when the view opens: what still needs doing. */
const DEFAULT_STATUSES: InquiryStatus[] = ['offen', 'gestellt'];

/**
 * The Rückfragen view: the questions grouped by contact with a status filter, per contact the
 * e-mail draft and "Als gestellt markieren", per question the answer or "Verwerfen"; beside it
 * the address book.
 */
export function InquiriesView({ onOpenArticle }: { onOpenArticle(id: number): void }) {
  const { t } = useTranslation();
  const revision = useInquiriesRevision();
  const book = useAddressBook();
  const [statuses, setStatuses] = useState<InquiryStatus[]>(DEFAULT_STATUSES);
  const [data, setData] = useState<{ queue: InquiryQueueGroup[]; more: Inquiry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bookOpen, setBookOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const bookId = useId();

  useEffect(() => {
    let current = true;
    const closed = statuses.filter((s) => s === 'beantwortet' || s === 'verworfen');
    const wantsQueue = statuses.includes('offen') || statuses.includes('gestellt');
    Promise.all([
      wantsQueue ? api['inquiries.queue']({ includeAsked: statuses.includes('gestellt') }) : Promise.resolve([]),
      closed.length ? api['inquiries.list']({ status: closed }) : Promise.resolve([]),
    ]).then(
      ([queue, more]) => {
        if (!current) return;
        setData({ queue, more });
        setError(null);
      },
      (e: unknown) => current && setError(errorText(toErrorPayload(e))),
    );
    return () => {
      current = false;
    };
  }, [statuses, revision]);

  const groups = data ? groupInquiries(data.queue, data.more, book, statuses) : [];
  const toggle = (s: InquiryStatus, on: boolean) => setStatuses((prev) => INQUIRY_STATUSES.filter((x) => (x === s ? on : prev.includes(x))));

  return (
    <div className="inq-page">
      <div className={`inq-view${bookOpen ? ' with-book' : ''}`}>
        <section className="inq-queue" aria-labelledby="inq-view-heading">
          <header className="inq-view-head">
            <h2 id="inq-view-heading">{t('inquiries.viewHeading')}</h2>
            <button type="button" className="button" aria-expanded={bookOpen} aria-controls={bookOpen ? bookId : undefined} onClick={() => setBookOpen((o) => !o)}>
              {t('inquiries.book.toggle')}
            </button>
          </header>
          <fieldset className="inq-filter">
            <legend>{t('inquiries.filterLabel')}</legend>
            {INQUIRY_STATUSES.map((s) => (
              <label key={s} className="inq-filter-choice">
                <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
                <span>{t(`inquiries.status.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          <p className="inq-notice" role="status" aria-live="polite">
            {notice}
          </p>
          {error && (
            <p className="inq-error" role="alert">
              {error}
            </p>
          )}
          {data && groups.length === 0 && <p className="inq-empty">{statuses.length ? t('inquiries.empty') : t('inquiries.emptyNoStatus')}</p>}
          {groups.map((g) => (
            <ContactCard key={g.key} group={g} onOpenArticle={onOpenArticle} onNotice={setNotice} />
          ))}
        </section>
        {bookOpen && (
          <aside id={bookId} className="inq-book-pane" aria-label={t('inquiries.book.heading')}>
            <AddressBook contacts={book} />
          </aside>
        )}
      </div>
    </div>
  );
}

/** One contact with its questions and its draft. */
function ContactCard({ group, onOpenArticle, onNotice }: { group: ContactGroup; onOpenArticle(id: number): void; onNotice(text: string): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [drafting, setDrafting] = useState(false);
  const c = group.contact;
  const email = group.email;
  const title = group.key === 'none' ? t('inquiries.noContactGroup') : group.name || email || '';

  return (
    <section className="inq-card" aria-labelledby={headingId} data-contact={email ?? ''}>
      <header className="inq-card-head">
        <div>
          <h3 id={headingId}>{title}</h3>
          {email && <p className="inq-card-email">{email}</p>}
          {c && (c.organisation || c.beats.length > 0) && (
            <p className="inq-card-beats">
              {[c.organisation, ...c.beats].filter(Boolean).map((b) => (
                <span key={b} className="inq-chip">
                  {b}
                </span>
              ))}
            </p>
          )}
        </div>
        <div className="inq-card-side">
          <p className="inq-card-count">
            {t('inquiries.openCount', { count: group.open })}
            {group.overdue > 0 && <span className="inq-overdue"> {t('inquiries.overdueCount', { count: group.overdue })}</span>}
          </p>
          {email && group.open > 0 && !drafting && (
            <button type="button" className="button button-primary button-small" onClick={() => setDrafting(true)}>
              {t('inquiries.draft.create')}
            </button>
          )}
        </div>
      </header>
      {drafting && email && <DraftPanel contactEmail={email} onClose={() => setDrafting(false)} />}
      <ul className="inq-list">
        {group.inquiries.map((i) => (
          <QueueItem key={i.id} inquiry={i} onOpenArticle={onOpenArticle} onNotice={onNotice} />
        ))}
      </ul>
    </section>
  );
}

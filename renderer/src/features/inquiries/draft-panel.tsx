import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftResult } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { copyText, downloadText } from '../../lib/files.js';
import { notifyInquiriesChanged } from './inquiry-events.js';
import { todayIso } from './inquiry-format.js';

type FileDraft = Extract<DraftResult, { format: 'eml' | 'markdown' | 'text' }>;
type MailtoDraft = Extract<DraftResult, { format: 'mailto' }>;

interface Drafts {
  text: FileDraft;
  eml: FileDraft;
  markdown: FileDraft;
  mailto: MailtoDraft;
}

/** Loads all four formats of one contact's draft. */
async function loadDrafts(contactEmail: string): Promise<Drafts> {
  const [text, eml, markdown, mailto] = await Promise.all(
    (['text', 'eml', 'markdown', 'mailto'] as const).map((format) => api['inquiries.draft']({ contactEmail, format })),
  );
  return { text, eml, markdown, mailto } as Drafts;
}

/**
 * The e-mail draft of a contact's open questions: a preview of the text, then the ways out of
 * Fundstelle (.eml to open in the mail program as a draft, a mailto: link the user clicks, the
 * clipboard, Markdown) and "Als gestellt markieren" once it went out. Nothing is sent from here.
 */
export function DraftPanel({ contactEmail, onClose }: { contactEmail: string; onClose(): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [sentDate, setSentDate] = useState(todayIso);

  useEffect(() => {
    let current = true;
    loadDrafts(contactEmail).then(
      (d) => current && setDrafts(d),
      (e: unknown) => current && setError(errorText(toErrorPayload(e))),
    );
    return () => {
      current = false;
    };
  }, [contactEmail]);

  const download = (d: FileDraft) => {
    downloadText(d.fileName, d.mimeType, d.content);
    setNotice(t('inquiries.draft.downloaded', { file: d.fileName }));
  };

  const copy = async (text: string) => {
    try {
      await copyText(text);
      setNotice(t('inquiries.draft.copied'));
    } catch {
      setNotice(t('inquiries.draft.copyFailed'));
    }
  };

  const markSent = () => {
    if (!drafts) return;
    setError(null);
    api['inquiries.markSent']({ ids: drafts.text.inquiryIds, date: sentDate }).then(
      () => {
        notifyInquiriesChanged();
        onClose();
      },
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <section className="inq-draft" aria-labelledby={headingId}>
      <div className="inq-draft-head">
        <h4 id={headingId}>{t('inquiries.draft.heading')}</h4>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          {t('inquiries.draft.close')}
        </button>
      </div>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
      {!drafts && !error && <p role="status">{t('inquiries.draft.loading')}</p>}
      {drafts && (
        <>
          <dl className="inq-draft-meta">
            <div>
              <dt>{t('inquiries.draft.to')}</dt>
              <dd>{drafts.text.to}</dd>
            </div>
            <div>
              <dt>{t('inquiries.draft.subject')}</dt>
              <dd>{drafts.text.subject}</dd>
            </div>
          </dl>
          <pre className="inq-draft-preview" tabIndex={0} aria-label={t('inquiries.draft.previewLabel')}>
            {drafts.text.content}
          </pre>
          <div className="inq-draft-actions">
            <button type="button" className="button button-primary" onClick={() => download(drafts.eml)}>
              {t('inquiries.draft.eml')}
            </button>
            {drafts.mailto.url ? (
              <a className="button inq-mailto" href={drafts.mailto.url}>
                {t('inquiries.draft.mailto')}
              </a>
            ) : null}
            <button type="button" className="button" onClick={() => void copy(drafts.text.content)}>
              {t('inquiries.draft.copy')}
            </button>
            <button type="button" className="button" onClick={() => download(drafts.markdown)}>
              {t('inquiries.draft.markdown')}
            </button>
          </div>
          {drafts.mailto.tooLong && <p className="inq-hint">{t('inquiries.draft.tooLong', { length: drafts.mailto.length })}</p>}
          {drafts.mailto.url && <p className="inq-hint">{t('inquiries.draft.mailtoHint')}</p>}
          <p className="inq-notice" role="status" aria-live="polite">
            {notice}
          </p>
          <div className="inq-draft-sent">
            <label className="inq-field inq-field-inline">
              <span>{t('inquiries.draft.sentOn')}</span>
              <input type="date" value={sentDate} onChange={(e) => setSentDate(e.target.value)} required />
            </label>
            <button type="button" className="button" onClick={markSent}>
              {t('inquiries.draft.markSent', { count: drafts.text.inquiryIds.length })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

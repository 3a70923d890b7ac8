import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/annotation.js';
import type { ArticleDetail } from '../../../../shared/article.js';
import type { Inquiry } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { AskDialog } from './ask-dialog.js';
import { onAskAboutAnnotation, type AskRequest } from './ask-request.js';
import { notifyInquiriesChanged, useInquiriesRevision } from './inquiry-events.js';
import { shorten } from './inquiry-format.js';
import { AnswerBlock, StatusBadge } from './status-badge.js';
import './inquiries.css';

/**
 * The Rückfragen of the article in the reading view: "Rückfrage zum ganzen Artikel", the routing
 * dialog for Rückfrage annotations made in the text (handed over by the annotation layer), and
 * every inquiry with its status, the answer once it came, and the claim it is evidence for.
 */
export function ArticleInquiries({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const revision = useInquiriesRevision();
  const [ask, setAsk] = useState<{ serial: number; request: AskRequest } | null>(null);
  const startAsk = useCallback((request: AskRequest) => setAsk((prev) => ({ serial: (prev?.serial ?? 0) + 1, request })), []);
  const [inquiries, setInquiries] = useState<Inquiry[]>([]);
  const [claims, setClaims] = useState<Annotation[]>([]);

  const loadClaims = useCallback(() => {
    api['annotations.listForArticle']({ articleId: article.id }).then(
      (list) => setClaims(list.anchored.filter((a) => a.type === 'claim')),
      () => undefined,
    );
  }, [article.id]);

  useEffect(() => {
    let current = true;
    api['inquiries.list']({ articleId: article.id }).then(
      (list) => current && setInquiries(list),
      () => undefined,
    );
    loadClaims();
    return () => {
      current = false;
    };
  }, [article.id, revision, loadClaims]);

  // The annotation popup hands over new Rückfrage annotations of this article.
  useEffect(() => onAskAboutAnnotation((annotation) => annotation.articleId === article.id && startAsk({ kind: 'annotation', annotation })), [article.id, startAsk]);

  return (
    <section className="inq-article" aria-labelledby={headingId}>
      <div className="inq-article-head">
        <h3 id={headingId}>{t('inquiries.articleHeading')}</h3>
        <button type="button" className="button button-small" onClick={() => startAsk({ kind: 'compose', passage: null })}>
          {t('inquiries.askArticle')}
        </button>
      </div>
      {inquiries.length === 0 ? (
        <p className="inq-muted">{t('inquiries.articleNone')}</p>
      ) : (
        <ul className="inq-article-list">
          {inquiries.map((inquiry) => (
            <ArticleInquiryItem key={inquiry.id} article={article} inquiry={inquiry} claims={claims} onClaimsFocus={loadClaims} />
          ))}
        </ul>
      )}
      {ask && <AskDialog key={ask.serial} article={article} request={ask.request} onClose={() => setAsk(null)} />}
    </section>
  );
}

interface ArticleInquiryItemProps {
  article: ArticleDetail;
  inquiry: Inquiry;
  claims: Annotation[];
  onClaimsFocus(): void;
}

/** One inquiry at its passage: status, recipient, question, answer and the claim it is evidence for. */
function ArticleInquiryItem({ article, inquiry, claims, onClaimsFocus }: ArticleInquiryItemProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const claim = inquiry.claimAnnotationId ? claims.find((c) => c.id === inquiry.claimAnnotationId) : undefined;

  const attach = (claimId: string) => {
    setError(null);
    api['inquiries.attachAnswer']({ id: inquiry.id, claimAnnotationId: claimId || null }).then(
      () => notifyInquiriesChanged(),
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <li className="inq-article-item" data-inquiry-id={inquiry.id}>
      <div className="inq-item-top">
        <StatusBadge inquiry={inquiry} />
        <span className="inq-to">{inquiry.contactEmail ? t('inquiries.to', { who: inquiry.contactName ? `${inquiry.contactName} <${inquiry.contactEmail}>` : inquiry.contactEmail }) : t('inquiries.noContact')}</span>
      </div>
      {inquiry.passage ? (
        <blockquote className="inq-quote" lang={article.language ?? undefined}>
          „{shorten(inquiry.passage.exact)}“
          {inquiry.passage.paragraph !== null && <span className="inq-paragraph"> {t('inquiries.paragraph', { n: inquiry.passage.paragraph })}</span>}
        </blockquote>
      ) : (
        <p className="inq-muted">{t('inquiries.wholeArticle')}</p>
      )}
      <p className="inq-question">
        <span className="inq-label">{t('inquiries.questionLabel')}</span> {inquiry.question}
      </p>
      <AnswerBlock inquiry={inquiry} />
      {inquiry.claimAnnotationId && (
        <p className="inq-evidence">
          <span className="inq-evidence-badge">{t('inquiries.evidence')}</span>{' '}
          {claim ? t('inquiries.evidenceFor', { quote: shorten(claim.originalQuote, 120) }) : t('inquiries.evidenceForUnknown')}
        </p>
      )}
      {inquiry.status === 'beantwortet' && (
        <div className="inq-attach">
          <label htmlFor={selectId}>{t('inquiries.attachLabel')}</label>
          <select id={selectId} value={inquiry.claimAnnotationId ?? ''} onFocus={onClaimsFocus} onChange={(e) => attach(e.target.value)}>
            <option value="">{claims.length ? t('inquiries.attachNone') : t('inquiries.attachNoClaims')}</option>
            {claims.map((c) => (
              <option key={c.id} value={c.id}>
                „{shorten(c.originalQuote, 70)}“
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/inquiry.js';
import { api } from '../../api.js';
import { useInquiriesRevision } from './inquiry-events.js';
import { AnswerBlock, StatusBadge } from './status-badge.js';
import './inquiries.css';

/**
 * What an annotation's entry in the side panel shows about Rückfragen: for a Rückfrage annotation
 * its inquiry's status and, once answered, the answer; for a claim the answers attached to it as
 * evidence (Beleg). Renders nothing when the annotation has no inquiry.
 */
export function AnnotationInquiryInfo({ annotationId }: { annotationId: string }) {
  const { t } = useTranslation();
  const revision = useInquiriesRevision();
  const [inquiries, setInquiries] = useState<Inquiry[]>([]);

  useEffect(() => {
    let current = true;
    api['inquiries.list']({ annotationId }).then(
      (list) => current && setInquiries(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [annotationId, revision]);

  if (inquiries.length === 0) return null;
  return (
    <div className="inq-annotation-info">
      {inquiries.map((inquiry) =>
        inquiry.claimAnnotationId === annotationId ? (
          <div key={inquiry.id} className="inq-annotation-evidence">
            <span className="inq-evidence-badge">{t('inquiries.evidence')}</span>
            <AnswerBlock inquiry={inquiry} />
          </div>
        ) : (
          <div key={inquiry.id}>
            <StatusBadge inquiry={inquiry} />
            {inquiry.contactEmail && <span className="inq-to"> {t('inquiries.to', { who: inquiry.contactName ?? inquiry.contactEmail })}</span>}
            <AnswerBlock inquiry={inquiry} />
          </div>
        ),
      )}
    </div>
  );
}

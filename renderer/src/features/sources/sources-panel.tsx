import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '../../../../shared/article.js';
import type { ArticleProposalsView, ProposalView } from '../../../../shared/contract-sources.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import type { SourceDetail } from '../../../../shared/source.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { useLang } from '../../lib/use-lang.js';
import { proposalKindLabel, sourceKindLabel, statusLabel } from './labels.js';

/** Fired on `window` when accepting a proposal created an annotation, for views that show annotations. */
export const ANNOTATIONS_CHANGED_EVENT = 'fundstelle:annotations-changed';

interface Loaded {
  view: ArticleProposalsView;
  sources: SourceDetail[];
}

/** A passage shortened for a button label. */
function short(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * "Quellen" of the reading view: the attribution and figure proposals for the article — kind,
 * passage, speaker with role, and the cue that triggered each — to accept or reject, and the
 * sources already accepted for it with their verification status.
 */
export function SourcesPanel({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [showRejected, setShowRejected] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');

  const load = useCallback(async () => {
    const view = await api['proposals.list']({ articleId: article.id, includeRejected: showRejected });
    const ids = [...new Set(view.proposals.filter((p) => p.decision === 'accepted' && p.sourceId !== null).map((p) => p.sourceId as number))];
    const sources = (await Promise.all(ids.map((id) => api['sources.get']({ id }).catch(() => null)))).filter((s): s is SourceDetail => s !== null);
    sources.sort((a, b) => a.name.localeCompare(b.name, lang));
    return { view, sources };
  }, [article.id, showRejected, lang]);

  useEffect(() => {
    let current = true;
    load().then(
      (l) => current && (setLoaded(l), setError(null)),
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [load]);

  const decide = async (p: ProposalView, action: 'accept' | 'reject' | 'unreject') => {
    setPending(p.key);
    try {
      if (action === 'accept') {
        await api['proposals.accept']({ articleId: article.id, key: p.key });
        window.dispatchEvent(new CustomEvent(ANNOTATIONS_CHANGED_EVENT, { detail: { articleId: article.id } }));
      } else if (action === 'reject') await api['proposals.reject']({ articleId: article.id, key: p.key });
      else await api['proposals.unreject']({ articleId: article.id, key: p.key });
      setLoaded(await load());
      setError(null);
      setAnnounce(t(`sources.announce.${action}`, { text: short(p.text) }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setPending(null);
    }
  };

  const open = loaded?.view.proposals.filter((p) => p.decision === null) ?? [];
  const rejected = loaded?.view.proposals.filter((p) => p.decision === 'rejected') ?? [];
  const acceptedCount = loaded?.view.proposals.filter((p) => p.decision === 'accepted').length ?? 0;
  const rejectedCount = showRejected ? rejected.length : (loaded?.view.rejectedHidden ?? 0);

  return (
    <section className="side-panel sources-panel" aria-labelledby="sources-panel-heading">
      <div className="side-panel-head">
        <h3 id="sources-panel-heading">{t('sources.panelHeading')}</h3>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="cite-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {!loaded && !error && <p className="muted">{t('sources.loading')}</p>}
      {loaded && (
        <>
          <h4 className="panel-subhead">{t('sources.accepted', { count: loaded.sources.length })}</h4>
          {loaded.sources.length === 0 ? (
            <p className="muted panel-note">{t('sources.noneAccepted')}</p>
          ) : (
            <ul className="accepted-sources">
              {loaded.sources.map((s) => (
                <li key={s.id} className="accepted-source">
                  <span className="source-name">{s.name}</span>
                  {s.protected && <span className="badge badge-protected">{t('sources.protectedBadge')}</span>}
                  <span className="source-sub">
                    {[sourceKindLabel(s.kind, lang), s.role].filter(Boolean).join(' · ')}
                  </span>
                  <span className={`src-status src-status-${statusClass(s.status)}`}>{statusLabel(s.status, lang)}</span>
                </li>
              ))}
            </ul>
          )}
          <h4 className="panel-subhead">{t('sources.proposals', { count: open.length })}</h4>
          {acceptedCount > 0 && <p className="muted panel-note">{t('sources.acceptedCount', { count: acceptedCount })}</p>}
          {open.length === 0 ? (
            <p className="muted panel-note">{t('sources.noProposals')}</p>
          ) : (
            <ul className="proposal-list">
              {open.map((p) => (
                <ProposalItem key={p.key} proposal={p} busy={pending === p.key} onDecide={(a) => void decide(p, a)} />
              ))}
            </ul>
          )}
          {rejectedCount > 0 && (
            <button type="button" className="link-button panel-toggle" aria-expanded={showRejected} onClick={() => setShowRejected((v) => !v)}>
              {showRejected ? t('sources.hideRejected') : t('sources.showRejected', { count: rejectedCount })}
            </button>
          )}
          {showRejected && rejected.length > 0 && (
            <ul className="proposal-list is-rejected">
              {rejected.map((p) => (
                <ProposalItem key={p.key} proposal={p} busy={pending === p.key} onDecide={(a) => void decide(p, a)} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** CSS modifier of a status (no umlauts in class names). */
export function statusClass(status: string): string {
  return status.replace('ä', 'ae');
}

function ProposalItem({ proposal: p, busy, onDecide }: { proposal: ProposalView; busy: boolean; onDecide(action: 'accept' | 'reject' | 'unreject'): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const quoted = p.kind === 'quote' ? `„${p.text}“` : p.text;
  return (
    <li className={`proposal proposal-${p.kind}`}>
      <span className={`badge badge-kind kind-${p.kind}`}>{proposalKindLabel(p.kind, lang)}</span>
      <p className="proposal-text">{quoted}</p>
      {p.speaker && (
        <p className="proposal-speaker">
          <span className="source-name">{p.speaker.name}</span>
          {p.speaker.role && <span className="source-role">, {p.speaker.role}</span>}
          {p.speaker.resolution && <span className="proposal-resolution">{p.speaker.resolution}</span>}
        </p>
      )}
      <p className="proposal-cue" title={p.explanation}>
        {t('sources.cue', { cue: p.cue.text })}
      </p>
      <div className="proposal-actions">
        {p.decision === 'rejected' ? (
          <button type="button" className="button button-small" disabled={busy} onClick={() => onDecide('unreject')} aria-label={t('sources.unrejectLabel', { text: short(p.text) })}>
            {t('sources.unreject')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => onDecide('accept')} aria-label={t('sources.acceptLabel', { text: short(p.text) })}>
              {t('sources.accept')}
            </button>
            <button type="button" className="button button-small" disabled={busy} onClick={() => onDecide('reject')} aria-label={t('sources.rejectLabel', { text: short(p.text) })}>
              {t('sources.reject')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

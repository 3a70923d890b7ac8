import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { SOURCE_KINDS, VERIFICATION_STATUSES, type Source, type SourceDetail, type SourceKind, type VerificationStatus } from '../../../../shared/source.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { formatTimestamp } from '../../lib/format-date.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { useLang } from '../../lib/use-lang.js';
import { ManualSources } from '../citations/manual-sources.js';
import { sourceKindLabel, statusLabel } from './labels.js';
import { statusClass } from './sources-panel.js';

interface SourceRegisterProps {
  /** Opens an article in the reading view (from a mention). */
  onOpenArticle(id: number): void;
  /** The source to show first (opened from a search hit). */
  initialSourceId?: number | null;
}

/**
 * "Quellenregister": every person, organisation, document and anonymous source the articles rely
 * on, with role, organisation, mentions and verification status; a source's detail shows where it
 * is mentioned, the dated status history, the protection flag (Informantenschutz) and merging.
 */
export function SourceRegister({ onOpenArticle, initialSourceId = null }: SourceRegisterProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 180);
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [sources, setSources] = useState<Source[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(initialSourceId);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    api['sources.list']({ ...(debounced ? { query: debounced } : {}), ...(kind ? { kind } : {}) }).then(
      (list) => current && (setSources(list), setError(null)),
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [debounced, kind, revision]);

  const changed = useCallback((detail: SourceDetail | null) => {
    setRevision((r) => r + 1);
    if (detail) setSelectedId(detail.id);
  }, []);

  return (
    <div className="register">
      <section className="register-list" aria-labelledby="register-heading">
        <div className="pane-head register-head">
          <div className="pane-title">
            <h2 id="register-heading">{t('register.heading')}</h2>
            <p className="pane-count" role="status" aria-live="polite">
              {sources ? t('register.count', { count: sources.length }) : ''}
            </p>
          </div>
          <div className="register-filters">
            <input type="search" className="search-input register-search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('register.filterLabel')} placeholder={t('register.filterPlaceholder')} />
            <label className="sort-field">
              <span className="sort-label">{t('register.kindFilter')}</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as SourceKind | '')}>
                <option value="">{t('register.allKinds')}</option>
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {sourceKindLabel(k, lang)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        {error && (
          <p className="pane-message is-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {sources && sources.length === 0 ? (
          <div className="pane-message">
            <p>{debounced || kind ? t('register.noHits') : t('register.empty')}</p>
            {!debounced && !kind && <p className="muted">{t('register.emptyHint')}</p>}
          </div>
        ) : (
          sources && (
            <div className="register-table-wrap">
              <table className="register-table">
                <caption className="visually-hidden">{t('register.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('register.col.name')}</th>
                    <th scope="col">{t('register.col.kind')}</th>
                    <th scope="col">{t('register.col.role')}</th>
                    <th scope="col">{t('register.col.organisation')}</th>
                    <th scope="col" className="num">
                      {t('register.col.mentions')}
                    </th>
                    <th scope="col">{t('register.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sources.map((s) => (
                    <tr key={s.id} className={s.id === selectedId ? 'is-selected' : undefined}>
                      <td>
                        <button type="button" className="link-button source-open" onClick={() => setSelectedId(s.id)} aria-pressed={s.id === selectedId}>
                          {s.name}
                        </button>
                        {s.protected && <span className="badge badge-protected">{t('sources.protectedBadge')}</span>}
                      </td>
                      <td>{sourceKindLabel(s.kind, lang)}</td>
                      <td>{s.role ?? (s.wording ? <span className="muted">{s.wording}</span> : '')}</td>
                      <td>{s.organisation ?? ''}</td>
                      <td className="num">{s.mentionCount}</td>
                      <td>
                        <span className={`src-status src-status-${statusClass(s.status)}`}>{statusLabel(s.status, lang)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        )}
        <ManualSources />
      </section>
      <section className="register-detail" aria-label={t('register.detailLabel')}>
        {selectedId === null ? (
          <div className="reader-placeholder">
            <h2>{t('register.noneSelected')}</h2>
            <p>{t('register.noneSelectedHint')}</p>
          </div>
        ) : (
          <SourceDetailView key={selectedId} id={selectedId} all={sources ?? []} onChanged={changed} onOpenArticle={onOpenArticle} onRemoved={() => setSelectedId(null)} />
        )}
      </section>
    </div>
  );
}

interface DetailProps {
  id: number;
  all: readonly Source[];
  onChanged(detail: SourceDetail | null): void;
  onRemoved(): void;
  onOpenArticle(id: number): void;
}

function SourceDetailView({ id, all, onChanged, onOpenArticle, onRemoved }: DetailProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const ids = useId();
  const [detail, setDetail] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [mergeId, setMergeId] = useState('');
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    let current = true;
    api['sources.get']({ id }).then(
      (d) => current && setDetail(d),
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [id]);

  const apply = async (call: () => Promise<SourceDetail>, message: string) => {
    try {
      const next = await call();
      setDetail(next);
      setError(null);
      setAnnounce(message);
      onChanged(next);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  };

  if (!detail) {
    return error ? (
      <p className="pane-message is-error" role="alert">
        {errorText(error)}
      </p>
    ) : (
      <p className="reader-message">{t('register.loading')}</p>
    );
  }

  const others = all.filter((s) => s.id !== detail.id);
  const mergeTarget = others.find((s) => String(s.id) === mergeId);

  return (
    <article className="source-detail" aria-labelledby={`${ids}-name`}>
      <header className="source-detail-head">
        <p className="kicker">{sourceKindLabel(detail.kind, lang)}</p>
        <h2 id={`${ids}-name`} className="source-detail-name">
          {detail.name}
        </h2>
        {(detail.role || detail.organisation) && <p className="reader-meta">{[detail.role, detail.organisation].filter(Boolean).join(' · ')}</p>}
        {detail.wording && <p className="reader-meta">{t('register.wording', { wording: detail.wording })}</p>}
        {detail.aliases.length > 0 && <p className="reader-meta">{t('register.aliases', { aliases: detail.aliases.join(', ') })}</p>}
      </header>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="cite-error" role="alert">
          {errorText(error)}
        </p>
      )}

      <div className="source-controls">
        <div className="cite-field">
          <label htmlFor={`${ids}-status`}>{t('register.status')}</label>
          <select
            id={`${ids}-status`}
            value={detail.status}
            onChange={(e) => {
              const status = e.target.value as VerificationStatus;
              void apply(() => api['sources.setStatus']({ id: detail.id, status }), t('register.statusChanged', { status: statusLabel(status, lang) }));
            }}
          >
            {VERIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="protect-toggle">
          <label className="choice">
            <input
              type="checkbox"
              checked={detail.protected}
              aria-describedby={`${ids}-protect-hint`}
              onChange={(e) => {
                const value = e.target.checked;
                void apply(() => api['sources.setProtected']({ id: detail.id, protected: value }), value ? t('register.protectedOn') : t('register.protectedOff'));
              }}
            />
            <span>{t('register.protected')}</span>
          </label>
          <p id={`${ids}-protect-hint`} className="cite-hint">
            {t('register.protectedHint')}
          </p>
        </div>
      </div>

      <section className="source-section" aria-labelledby={`${ids}-history`}>
        <h3 id={`${ids}-history`}>{t('register.history')}</h3>
        <ol className="status-history">
          {[...detail.history].reverse().map((h) => (
            <li key={h.id}>
              <span className={`src-status src-status-${statusClass(h.status)}`}>{statusLabel(h.status, lang)}</span>
              <span className="history-meta">
                {h.previous ? t('register.historyFrom', { previous: statusLabel(h.previous, lang) }) : t('register.historyCreated')} · <time dateTime={h.at}>{formatTimestamp(h.at, lang)}</time>
                {h.by ? ` · ${h.by}` : ''}
              </span>
              {h.note && <span className="history-note">{h.note}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section className="source-section" aria-labelledby={`${ids}-mentions`}>
        <h3 id={`${ids}-mentions`}>{t('register.mentions', { count: detail.mentions.length })}</h3>
        {detail.mentions.length === 0 ? (
          <p className="muted">{t('register.noMentions')}</p>
        ) : (
          <ul className="mention-list">
            {detail.mentions.map((m) => (
              <li key={m.id}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(m.articleId)}>
                  {m.articleTitle}
                </button>
                <blockquote className="mention-quote">
                  <span className="muted">…{m.prefix.slice(-40)}</span>
                  <mark>{m.exact}</mark>
                  <span className="muted">{m.suffix.slice(0, 40)}…</span>
                </blockquote>
                {m.cue && <p className="proposal-cue">{t('sources.cue', { cue: m.cue })}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="source-section" aria-labelledby={`${ids}-merge`}>
        <h3 id={`${ids}-merge`}>{t('register.merge')}</h3>
        <p className="cite-hint">{t('register.mergeHint', { name: detail.name })}</p>
        <div className="merge-row">
          <div className="cite-field">
            <label htmlFor={`${ids}-merge-with`}>{t('register.mergeWith')}</label>
            <select id={`${ids}-merge-with`} value={mergeId} onChange={(e) => setMergeId(e.target.value)}>
              <option value="">{t('register.mergeChoose')}</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({sourceKindLabel(s.kind, lang)})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-small"
            disabled={!mergeTarget}
            onClick={() => {
              if (!mergeTarget || !window.confirm(t('register.mergeConfirm', { other: mergeTarget.name, name: detail.name }))) return;
              void apply(() => api['sources.merge']({ keepId: detail.id, mergeId: mergeTarget.id }), t('register.merged', { other: mergeTarget.name })).then(() => setMergeId(''));
            }}
          >
            {t('register.mergeButton')}
          </button>
        </div>
      </section>

      <div className="source-danger">
        <button
          type="button"
          className="link-button danger-link"
          onClick={() => {
            if (!window.confirm(t('register.deleteConfirm', { name: detail.name }))) return;
            api['sources.delete']({ id: detail.id }).then(
              () => {
                onRemoved();
                onChanged(null);
              },
              (e: unknown) => setError(toErrorPayload(e)),
            );
          }}
        >
          {t('register.delete')}
        </button>
      </div>
    </article>
  );
}

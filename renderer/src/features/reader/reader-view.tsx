import { memo, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '../../../../shared/article.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { formatPublishedLong } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';
import { AnnotationLayer, type AnnotationFocus } from '../annotations/annotation-layer.js';
import { ReaderCitations } from '../citations/reader-citations.js';
import { ArticleInquiries } from '../inquiries/article-inquiries.js';
import { ArticleBody } from './article-body.js';
import { ArticleFacts } from './article-facts.js';

type State = { status: 'loading' } | { status: 'ready'; article: ArticleDetail } | { status: 'error'; error: ErrorPayload };

/**
 * The reading view of one article: headline block, the text, and the record of the source beside
 * it. Mount it with `key={id}`: a new article is a new view, starting in the loading state.
 */
export const ReaderView = memo(function ReaderView({ id, focus }: { id: number; focus?: AnnotationFocus | undefined }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    api['articles.get']({ id }).then(
      (article) => current && setState({ status: 'ready', article }),
      (e: unknown) => current && setState({ status: 'error', error: toErrorPayload(e) }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (state.status === 'loading') {
    return (
      <p className="reader-message" role="status">
        {t('reader.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="reader-message is-error" role="alert">
        {errorText(state.error)}
      </p>
    );
  }
  return (
    <AnnotationLayer article={state.article} focus={focus}>
      {(decorate) => <Article article={state.article} decorate={decorate} />}
    </AnnotationLayer>
  );
});

function Article({ article, decorate }: { article: ArticleDetail; decorate?: ((start: number, end: number) => ReactNode) | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  // The article's own language on its text (not on our labels), for hyphenation and screen readers.
  const textLang = article.language && /^[a-z]{2}$/.test(article.language) ? article.language : undefined;
  const meta = [
    article.agency,
    article.published ? formatPublishedLong(article.published, lang) : null,
    article.dateline?.place ?? null,
  ].filter((x): x is string => Boolean(x));

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        {article.kicker && (
          <p className="kicker" lang={textLang}>
            {article.kicker}
          </p>
        )}
        <h2 id="reader-title" className="reader-title" lang={textLang}>
          {article.title}
        </h2>
        {article.titleDerived && (
          <p className="derived-note">
            <span className="badge badge-derived">{t('reader.derived')}</span>
            <span className="derived-hint">{t('reader.derivedHint')}</span>
          </p>
        )}
        {meta.length > 0 && (
          <p className="reader-meta">
            {meta.map((m, i) => (
              <span key={m}>
                {i > 0 && <span aria-hidden="true" className="meta-sep"> · </span>}
                {m}
              </span>
            ))}
          </p>
        )}
      </header>
      <ArticleBody article={article} textLang={textLang} decorate={decorate} />
      <ArticleInquiries article={article} />
      <div className="reader-side">
        <ArticleFacts article={article} />
        <ReaderCitations article={article} />
      </div>
    </article>
  );
}

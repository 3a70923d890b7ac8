import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDIT_ROLES, type ArticleDetail, type Credit, type CreditRole } from '../../../../shared/article.js';
import { formatNameList, formatPublishedLong, formatTimestamp } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';

/** Display order of credit roles: who reported first, who edited last. */
const ROLE_ORDER: readonly CreditRole[] = ['author', 'reporter', 'contributor', 'writer', 'editor'];

/** Credits grouped by role, in display order, each role once. */
export function groupCredits(credits: readonly Credit[]): { role: CreditRole; names: string[] }[] {
  const byRole = new Map<CreditRole, string[]>();
  for (const c of credits) {
    if (!CREDIT_ROLES.includes(c.role)) continue;
    const names = byRole.get(c.role) ?? [];
    if (!names.includes(c.name)) names.push(c.name);
    byRole.set(c.role, names);
  }
  return ROLE_ORDER.filter((r) => byRole.has(r)).map((role) => ({ role, names: byRole.get(role) ?? [] }));
}

/** The bibliographic record of the article: agency, date, place, people, desks, rights, file. */
export function ArticleFacts({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const languageName = article.language ? (new Intl.DisplayNames([lang], { type: 'language' }).of(article.language) ?? article.language) : null;

  return (
    <section className="reader-facts" aria-labelledby="reader-facts-heading">
      <h3 id="reader-facts-heading">{t('reader.details')}</h3>
      <dl className="facts">
        {article.agency && <Fact term={t('reader.agency')}>{article.agency}</Fact>}
        {article.published && <Fact term={t('reader.published')}>{formatPublishedLong(article.published, lang)}</Fact>}
        {article.dateline && <Fact term={t('reader.dateline')}>{article.dateline.place}</Fact>}
        {groupCredits(article.credits).map(({ role, names }) => (
          <Fact key={role} term={t(`reader.role.${role}`)}>
            {formatNameList(names, lang)}
          </Fact>
        ))}
        {article.deskContacts.length > 0 && (
          <Fact term={t('reader.deskContacts')}>
            <ul className="desk-list">
              {article.deskContacts.map((d) => (
                <li key={d.email}>
                  <span className="desk-email">
                    <EmailText email={d.email} />
                  </span>
                  <span className="desk-scope">{d.scope ?? t('reader.noScope')}</span>
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {article.versionMarkers.length > 0 && <Fact term={t('reader.versionMarkers')}>{article.versionMarkers.join(', ')}</Fact>}
        {article.copyright && <Fact term={t('reader.copyright')}>{article.copyright}</Fact>}
        {article.url && (
          <Fact term={t('reader.rightsUrl')}>
            <span className="fact-url">{article.url}</span>
          </Fact>
        )}
        <Fact term={t('reader.source')}>
          <span className="fact-file">{article.source.file}</span>
          <span className="fact-sub">
            {t(`reader.formats.${article.source.format}`)}
            {article.encoding ? ` · ${article.encoding}` : ''}
          </span>
        </Fact>
        <Fact term={t('reader.words')}>
          {t('reader.wordCount', { count: article.wordCount })}
          {languageName ? ` · ${languageName}` : ''}
        </Fact>
        <Fact term={t('reader.importedAt')}>{formatTimestamp(article.importedAt, lang)}</Fact>
      </dl>
    </section>
  );
}

/** An address that may wrap after the "@" rather than in the middle of a word. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

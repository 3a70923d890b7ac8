import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../shared/errors.js';
import { errorText } from './i18n/index.js';

/** Shown when the collection cannot be reached at all (no token, server gone, database refused). */
export function FatalError({ error }: { error: ErrorPayload }) {
  const { t } = useTranslation();
  return (
    <main className="fatal">
      <h1>{t('app.fatalTitle')}</h1>
      <p role="alert">{errorText(error)}</p>
      {error.code === 'FORBIDDEN' && <p className="muted">{t('app.fatalTokenHint')}</p>}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.retry')}
      </button>
    </main>
  );
}

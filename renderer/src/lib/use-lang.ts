import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/errors.js';

/** The current UI language, re-rendering the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'de';
}

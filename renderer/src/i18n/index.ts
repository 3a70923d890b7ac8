import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ERROR_MESSAGES, type ErrorCode, type ErrorPayload, type Lang } from '../../../shared/errors.js';
import de from './de.json';
import en from './en.json';

/**
 * UI translations. Component strings live in de.json / en.json; error messages are not copied
 * there but built from the one source every transport and the CLI use, `shared/errors.ts`, so an
 * error code reads the same in the terminal and in the window.
 */

type ErrorResources = Record<ErrorCode, string>;

/** The shared templates say `{file}`; i18next interpolates `{{file}}`. */
function errorResources(lang: Lang): ErrorResources {
  const out = {} as ErrorResources;
  for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
    out[code] = ERROR_MESSAGES[code][lang].replace(/\{(\w+)\}/g, '{{$1}}');
  }
  return out;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de; errors: ErrorResources };
  }
}

/** Starts i18next in `lang`; call once before the first render. */
export async function initI18n(lang: Lang): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'de',
    supportedLngs: ['de', 'en'],
    ns: ['translation', 'errors'],
    defaultNS: 'translation',
    resources: {
      de: { translation: de, errors: errorResources('de') },
      en: { translation: en, errors: errorResources('en') },
    },
    // React escapes text itself; escaping here would show "&amp;" in file names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
}

/** Switches the UI language at once (and the document's `lang`, for screen readers and hyphenation). */
export async function changeLanguage(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** An error in the current UI language, from its code and details. */
export function errorText(error: ErrorPayload): string {
  return i18next.t(error.code, { ns: 'errors', ...error.details, defaultValue: error.message });
}

export { i18next };

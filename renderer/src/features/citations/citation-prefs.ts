import type { CslLocale, ExportFormat } from '../../../../shared/contract-citations.js';
import { api } from '../../api.js';

/** Style and locale of "Quellenangabe kopieren" and the export dialog's starting choice. */
export interface CitationPrefs {
  /** A CSL style id, or `agency` for the newsroom's source line. */
  style: string;
  locale: CslLocale;
}

/** The pseudo-style of the source line (mirrors `AGENCY_STYLE_ID`; the contract module stays out of the bundle). */
export const AGENCY_STYLE = 'agency';

/** Default style per locale (mirrors `DEFAULT_STYLE` of the contract). */
export const DEFAULT_STYLE_OF: Record<CslLocale, string> = { 'de-DE': 'iso690-author-date-de', 'en-US': 'chicago-author-date' };

/** Locales the styles render in, with their names in their own language. */
export const LOCALE_OPTIONS: readonly { value: CslLocale; label: string; lang: string }[] = [
  { value: 'de-DE', label: 'Deutsch', lang: 'de' },
  { value: 'en-US', label: 'English', lang: 'en' },
];

/** Export formats in the order the dialog offers them, by group. */
export const FORMAT_GROUPS: readonly { group: 'managers' | 'bibliography' | 'newsroom'; formats: readonly ExportFormat[] }[] = [
  { group: 'managers', formats: ['csl-json', 'bibtex', 'biblatex', 'ris'] },
  { group: 'bibliography', formats: ['text', 'html', 'markdown'] },
  { group: 'newsroom', formats: ['agency'] },
];

/** The user's citation settings, read fresh (they may have changed in the settings dialog). */
export async function loadCitationPrefs(): Promise<CitationPrefs> {
  const settings = await api['settings.get']({});
  return { style: settings.citationStyle, locale: settings.citationLocale };
}

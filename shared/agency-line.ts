/**
 * The newsroom's source line ("Quelle: Reuters, Februar 2025" / "Source: Reuters, February 2025").
 * Pure: used by the core's exports and by the renderer alike.
 */

/** Language of a source line. */
export type AgencyLineLang = 'de' | 'en';

/** What a source line is made of: who (agency, outlet or file) and when, with the precision known. */
export interface AgencyLineInput {
  /** Agency or outlet ("Reuters", "dpa"); null when unknown. */
  source: string | null;
  /** Used when `source` is empty (outlet or file name). */
  fallback?: string | null;
  /** ISO date with its precision (`2025`, `2025-02`, `2014-08-29`, timestamp) or CSL date parts. */
  date: string | readonly number[] | null;
}

const MONTHS: Record<AgencyLineLang, readonly string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// Agency style for a full date in English: "29 Aug 2014" (abbreviated month, no dot).
const MONTHS_SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Date parts `[year, month?, day?]` of an ISO 8601 date with the precision the source gives
 * (`2025`, `2025-02`, `2014-08-29`, `2014-08-29T10:00:00Z`); null when it is not such a date.
 */
export function datePartsOf(iso: string | null | undefined): number[] | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(iso.trim());
  if (!m) return null;
  const parts = [Number(m[1])];
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return parts;
    parts.push(month);
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day >= 1 && day <= 31) parts.push(day);
    }
  }
  return parts;
}

/** The date as a source line prints it: `Februar 2025`, `29.08.2014`, `2025` / `February 2025`, `29 Aug 2014`. */
export function formatAgencyDate(parts: readonly number[], lang: AgencyLineLang): string {
  const [year, month, day] = parts;
  if (year === undefined) return '';
  if (month === undefined || month < 1 || month > 12) return String(year);
  if (day === undefined) return `${MONTHS[lang][month - 1]} ${year}`;
  if (lang === 'de') return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
  return `${day} ${MONTHS_SHORT_EN[month - 1]} ${year}`;
}

/**
 * "Quelle: Reuters, Februar 2025" (de) or "Source: Reuters, February 2025" (en). Without a date
 * only the source is named; without any source the label stands alone with the date.
 */
export function agencyLine(input: AgencyLineInput, lang: AgencyLineLang): string {
  const label = lang === 'de' ? 'Quelle' : 'Source';
  const who = input.source?.trim() || input.fallback?.trim() || '';
  const parts = typeof input.date === 'string' ? datePartsOf(input.date) : input.date && input.date.length > 0 ? input.date : null;
  const when = parts ? formatAgencyDate(parts, lang) : '';
  return `${label}: ${[who, when].filter(Boolean).join(', ')}`.trimEnd();
}

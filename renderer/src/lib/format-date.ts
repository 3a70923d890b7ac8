import type { Lang } from '../../../shared/errors.js';

/**
 * Dates as the source gives them: an agency that says "2025-02" said a month, not the first of
 * February, so the display keeps exactly that precision.
 */

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

type Precision = 'year' | 'month' | 'day' | 'time';

interface ParsedDate {
  date: Date;
  precision: Precision;
}

/** Parses an ISO 8601 date of any precision (`2025`, `2025-02`, `2014-08-29`, full timestamp). */
export function parsePublished(value: string): ParsedDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (m) {
    const [, y, mo, d] = m;
    const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
    if (Number.isNaN(date.getTime())) return null;
    return { date, precision: d ? 'day' : mo ? 'month' : 'year' };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, precision: 'time' };
}

/** Long form for the reading view: "Februar 2025", "29. August 2014", "29. August 2014, 14:05". */
export function formatPublishedLong(value: string, lang: Lang): string {
  const p = parsePublished(value);
  if (!p) return value;
  const locale = LOCALES[lang];
  switch (p.precision) {
    case 'year':
      return String(p.date.getUTCFullYear());
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(p.date);
    case 'day':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(p.date);
    case 'time':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(p.date);
  }
}

/** Short form for list rows: "Feb. 2025", "29. Aug. 2014". */
export function formatPublishedShort(value: string, lang: Lang): string {
  const p = parsePublished(value);
  if (!p) return value;
  const locale = LOCALES[lang];
  switch (p.precision) {
    case 'year':
      return String(p.date.getUTCFullYear());
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(p.date);
    case 'day':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(p.date);
    case 'time':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(p.date);
  }
}

/** A timestamp (import time) in the UI language. */
export function formatTimestamp(value: string, lang: Lang): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Names joined as a reader expects: "Hyunjoo Jin und Jack Kim". */
export function formatNameList(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(names);
}

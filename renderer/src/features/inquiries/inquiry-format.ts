import type { Lang } from '../../../../shared/errors.js';

/** Date helpers of the Rückfragen UI. */

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** A day (`2025-02-14`) or a timestamp as a medium date in the UI language ("14.02.2025"). */
export function formatDay(value: string, lang: Lang): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', ...(day ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Today as `YYYY-MM-DD` in local time (the default of date fields). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A passage shortened for a line of UI, with an ellipsis when cut. */
export function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

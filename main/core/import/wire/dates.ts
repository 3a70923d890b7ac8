/**
 * Dates as wire deliveries print them, turned into ISO 8601 with the precision the source gives
 * (`2025`, `2025-02`, `2014-08-29`). Nothing is invented: a missing day stays missing.
 */

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['januar', 1], ['jänner', 1], ['jän', 1],
  ['feb', 2], ['february', 2], ['februar', 2], ['feber', 2],
  ['mar', 3], ['march', 3], ['märz', 3], ['mär', 3], ['mrz', 3],
  ['apr', 4], ['april', 4],
  ['may', 5], ['mai', 5],
  ['jun', 6], ['june', 6], ['juni', 6],
  ['jul', 7], ['july', 7], ['juli', 7],
  ['aug', 8], ['august', 8],
  ['sep', 9], ['sept', 9], ['september', 9],
  ['oct', 10], ['october', 10], ['okt', 10], ['oktober', 10],
  ['nov', 11], ['november', 11],
  ['dec', 12], ['december', 12], ['dez', 12], ['dezember', 12],
]);

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date from parts, or null when the parts are not a real calendar date. */
export function isoDate(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200) return null;
  if (month === undefined) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How precise an ISO value is: 1 year, 2 month, 3 day, 4 timestamp. */
export function precisionOf(iso: string): number {
  if (iso.length <= 4) return 1;
  if (iso.length <= 7) return 2;
  if (iso.length <= 10) return 3;
  return 4;
}

/** Accepts `2025`, `2025-02`, `2025-02-25` or an ISO timestamp as printed; null otherwise. */
export function parseIsoLike(s: string): string | null {
  const t = s.trim();
  if (t.length > 40) return null;
  // Each optional group starts with a fixed character, so this cannot backtrack badly.
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(t);
  if (!m) return null;
  const base = isoDate(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  if (base === null) return null;
  return m[4] === undefined ? base : base + m[4];
}

/** Parses a German numeric date `12.9.2015` / `01.11.2015`. */
export function parseDmy(s: string): string | null {
  const t = s.trim();
  if (t.length > 12) return null;
  const m = /^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})$/.exec(t);
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

function monthOf(token: string): number | null {
  const t = token.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(t) ?? null;
}

function dayOf(token: string): number | null {
  const m = /^(\d{1,2})\.?$/.exec(token);
  return m ? Number(m[1]) : null;
}

function yearOf(token: string): number | null {
  return /^\d{4}$/.test(token) ? Number(token) : null;
}

/**
 * Parses a date written with a month name, as datelines print it: `Aug 29, 2014`, `Aug. 29, 2014`,
 * `August 29, 2014`, `29 August 2014`, `29. August 2014`; also numeric `29.08.2014`.
 */
export function parseWordDate(s: string): string | null {
  const t = s.trim();
  if (t.length === 0 || t.length > 40) return null;
  const numeric = parseDmy(t);
  if (numeric) return numeric;
  const tokens = t.replace(/,/g, ' ').split(/\s+/).filter((x) => x.length > 0);
  if (tokens.length !== 3) return null;
  const [a, b, c] = tokens as [string, string, string];
  const year = yearOf(c);
  if (year === null) return null;
  const m1 = monthOf(a);
  const d1 = dayOf(b);
  if (m1 !== null && d1 !== null) return isoDate(year, m1, d1);
  const d2 = dayOf(a);
  const m2 = monthOf(b);
  if (d2 !== null && m2 !== null) return isoDate(year, m2, d2);
  return null;
}

/** True for a date without a year (`Aug 29`, `29. August`): it is part of a dateline, not of its place. */
export function isYearlessDate(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length !== 2) return false;
  const [a, b] = tokens as [string, string];
  return (monthOf(a) !== null && dayOf(b) !== null) || (dayOf(a) !== null && monthOf(b) !== null);
}

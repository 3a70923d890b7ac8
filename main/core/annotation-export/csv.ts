import { ANNOTATION_TYPE_LABELS } from '../../../shared/annotation.js';
import type { Lang } from '../../../shared/errors.js';
import type { ExportItem } from './export-items.js';

/**
 * CSV for review lists: one row per annotation, RFC 4180 (comma, CRLF, fields with comma, quote or
 * line break in double quotes, quotes doubled), UTF-8 with a byte-order mark so spreadsheet
 * programs read umlauts correctly, and safe against formula injection.
 */

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

const HEADERS: Record<Lang, string[]> = {
  de: ['ID', 'Artikel-ID', 'Artikel', 'Agentur', 'Datum', 'Typ', 'Textstelle', 'Notiz', 'Tags', 'Von', 'Bis', 'Status', 'Erstellt', 'Geändert'],
  en: ['ID', 'Article ID', 'Article', 'Agency', 'Date', 'Type', 'Passage', 'Note', 'Tags', 'From', 'To', 'Status', 'Created', 'Modified'],
};

const STATUS: Record<Lang, Record<'placed' | 'changed' | 'orphan', string>> = {
  de: { placed: 'verankert', changed: 'Text geändert', orphan: 'verwaist' },
  en: { placed: 'anchored', changed: 'text changed', orphan: 'orphaned' },
};

const WITHHELD: Record<Lang, string> = { de: '[nicht zur Veröffentlichung bestimmt]', en: '[not meant for publication]' };

/**
 * One CSV field. A value starting with = + - @ (or tab / carriage return) would be run as a formula
 * by spreadsheet programs (OWASP "CSV injection"): it is prefixed with an apostrophe, which they
 * show as text. Then RFC 4180 quoting.
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV file (with BOM) for annotations in article and text order. */
export function toCsv(items: readonly ExportItem[], lang: Lang): string {
  const rows = [HEADERS[lang]];
  for (const { annotation: a, article, quotable } of items) {
    const status = a.anchor === null ? 'orphan' : a.anchor.method === 'fuzzy' ? 'changed' : 'placed';
    rows.push([
      a.id,
      String(article.id),
      article.title,
      article.agency ?? '',
      article.published ?? '',
      ANNOTATION_TYPE_LABELS[a.type][lang],
      quotable ? (a.anchor === null ? a.originalQuote : a.selectors.quote.exact) : WITHHELD[lang],
      a.note,
      a.tags.join(', '),
      a.anchor ? String(a.anchor.start) : '',
      a.anchor ? String(a.anchor.end) : '',
      STATUS[lang][status],
      a.created,
      a.modified,
    ]);
  }
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

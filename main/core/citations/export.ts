import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { agencyLine, type AgencyLineLang } from '../../../shared/agency-line.js';
import {
  DEFAULT_STYLE,
  type CitationExport,
  type CslItem,
  type CslLocale,
  type ExportFormat,
} from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import { getArticle } from '../articles.js';
import { citationJsFormat, renderBibliography, resolveStyle } from './engine.js';
import { getRecord, getSource, listSources } from './record.js';
import { toRis } from './ris.js';
import { redactProtected } from '../sources.js';

/** What to export: articles and manual sources by id, or everything. */
export interface ExportSelection {
  articleIds: readonly number[];
  sourceIds?: readonly number[] | undefined;
  all?: boolean | undefined;
}

/** Options of an export: style and locale for formatted output (and the locale of agency lines). */
export interface ExportOptions {
  format: ExportFormat;
  style?: string | undefined;
  locale?: CslLocale | undefined;
}

/** One item to export and the file it came from (for the agency line's fallback). */
interface Entry {
  item: CslItem;
  fileName: string | null;
}

function collect(db: Database, sel: ExportSelection): Entry[] {
  const articleIds = sel.all
    ? (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    : [...new Set(sel.articleIds)];
  const entries: Entry[] = articleIds.map((id) => ({ item: getRecord(db, id).effective, fileName: path.basename(getArticle(db, id).source.file) }));
  const sources = sel.all ? listSources(db).reverse() : [...new Set(sel.sourceIds ?? [])].map((id) => getSource(db, id));
  for (const s of sources) entries.push({ item: s.item, fileName: null });
  if (entries.length === 0) throw new AppError('CITATION_NOTHING_SELECTED');
  return entries;
}

/** Makes citation keys unique within one export (`jin2025bei`, `jin2025beia`, …), as BibTeX needs. */
function uniqueKeys(items: readonly CslItem[]): CslItem[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const key = item['citation-key'] || item.id;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return n === 0 ? { ...item, 'citation-key': key } : { ...item, 'citation-key': `${key}${suffix(n)}` };
  });
}

function suffix(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/** The source line of one item: agency or outlet, else publisher, else the file name; with its date. */
export function agencyLineOf(item: CslItem, fileName: string | null, lang: AgencyLineLang): string {
  return agencyLine(
    {
      source: item['container-title'] ?? item.publisher ?? null,
      fallback: fileName ?? item.title ?? null,
      date: item.issued?.['date-parts']?.[0] ?? null,
    },
    lang,
  );
}

/** Locale → language of agency lines and of the HTML document. */
export function langOf(locale: CslLocale): AgencyLineLang {
  return locale === 'en-US' ? 'en' : 'de';
}

const FILES: Record<ExportFormat, { ext: string; mimeType: string }> = {
  'csl-json': { ext: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  bibtex: { ext: 'bib', mimeType: 'application/x-bibtex' },
  biblatex: { ext: 'bib', mimeType: 'application/x-bibtex' },
  ris: { ext: 'ris', mimeType: 'application/x-research-info-systems' },
  text: { ext: 'txt', mimeType: 'text/plain; charset=utf-8' },
  html: { ext: 'html', mimeType: 'text/html; charset=utf-8' },
  markdown: { ext: 'md', mimeType: 'text/markdown; charset=utf-8' },
  agency: { ext: 'txt', mimeType: 'text/plain; charset=utf-8' },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Braces family names with a lower-case hyphenated prefix ("al-Farsi, Omar" → "{al-Farsi}, Omar")
 * in BibTeX name lists: BibTeX would otherwise read "al" as a particle and "Farsi" as the family.
 */
export function protectPrefixedFamilies(bib: string): string {
  return bib.replace(/^(\s*(?:author|editor) = \{)(.*)(\},?)$/gm, (_whole, head: string, names: string, tail: string) => {
    const fixed = names
      .split(' and ')
      .map((n) => n.replace(/^([a-z][^\s,{}]*-[^\s,{}]+)(?=,|$)/, '{$1}'))
      .join(' and ');
    return `${head}${fixed}${tail}`;
  });
}

/** Exported items as CSL-JSON (an array, valid against csl-data.json). */
export function toCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Exports the selection in a format: CSL-JSON, BibTeX, BibLaTeX, RIS (authors and dates fixed for
 * newspaper items), a formatted bibliography (text, HTML document, Markdown) in a style and
 * locale, or newsroom source lines. The style is checked before anything is formatted.
 */
export function exportCitations(db: Database, sel: ExportSelection, opts: ExportOptions): CitationExport {
  const locale = opts.locale ?? 'de-DE';
  const styleId = opts.style ?? DEFAULT_STYLE[locale];
  const formatted = opts.format === 'text' || opts.format === 'html' || opts.format === 'markdown';
  // Refuse an unknown style even where it does not matter, so a typo never goes unnoticed.
  const templateKey = opts.style !== undefined || formatted ? resolveStyle(db, styleId) : styleId;
  const entries = collect(db, sel);
  const items = uniqueKeys(entries.map((e) => e.item));
  let content: string;
  switch (opts.format) {
    case 'csl-json':
      content = toCslJson(items);
      break;
    case 'bibtex':
    case 'biblatex':
      content = protectPrefixedFamilies(String(citationJsFormat(opts.format, items, { format: 'text' }))).trim().concat('\n');
      break;
    case 'ris':
      content = toRis(items);
      break;
    case 'text':
    case 'markdown':
      content = `${renderBibliography(templateKey, styleId, items, locale, opts.format)}\n`;
      break;
    case 'html': {
      const lang = langOf(locale);
      const title = lang === 'de' ? 'Quellenangaben' : 'References';
      content =
        `<!DOCTYPE html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n` +
        `${renderBibliography(templateKey, styleId, items, locale, 'html')}\n</body>\n</html>\n`;
      break;
    }
    case 'agency':
      content = `${entries.map((e) => agencyLineOf(e.item, e.fileName, langOf(locale))).join('\n')}\n`;
      break;
  }
  // Informantenschutz: no protected source's name, alias or surname leaves in a citation.
  content = redactProtected(db, content, langOf(locale));
  const f = FILES[opts.format];
  const only = entries.length === 1 ? entries[0]!.item['citation-key'] || entries[0]!.item.id : null;
  const base = only ? `quellenangabe-${only}` : `quellenangaben-${entries.length}`;
  const styled = formatted ? `-${styleId}` : opts.format === 'biblatex' ? '-biblatex' : '';
  return { fileName: `${base}${styled}.${f.ext}`.replace(/[^A-Za-z0-9._-]+/g, '-'), mimeType: f.mimeType, content };
}

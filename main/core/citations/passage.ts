import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  AGENCY_STYLE_ID,
  DEFAULT_STYLE,
  type CslLocale,
  type PassageCitation,
  type RenderFormat,
} from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import { getArticle } from '../articles.js';
import { renderBibliography, renderCitation, resolveStyle } from './engine.js';
import { agencyLineOf, langOf } from './export.js';
import { escapeMarkdown } from './markdown.js';
import { getRecord } from './record.js';
import { redactTerms } from '../../../shared/protected.js';
import { protectedTerms } from '../sources.js';

/** Options of "Quellenangabe kopieren". */
export interface CitePassageOptions {
  /** A CSL style id, or `agency` for the newsroom's source line. */
  style?: string | undefined;
  locale?: CslLocale | undefined;
  format?: RenderFormat | undefined;
}

const MARKS: Record<CslLocale, { open: string; close: string; innerOpen: string; innerClose: string }> = {
  // German: „…“, quotes inside become ‚…‘.
  'de-DE': { open: '„', close: '“', innerOpen: '‚', innerClose: '‘' },
  // English: “…”, quotes inside become ‘…’.
  'en-US': { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
};

/**
 * Turns the double quotation marks inside a quote into single ones of the target language,
 * pairing them by position: German „…“ and »…«, English “…”, French «…», straight "…".
 */
export function nestQuotes(quote: string, locale: CslLocale): string {
  const { innerOpen, innerClose } = MARKS[locale];
  const open: string[] = [];
  return quote.replace(/[„“”«»"]/g, (c) => {
    const pending = open[open.length - 1];
    const closes =
      (c === '“' && pending === '„') || c === '”' || (c === '«' && pending === '»') || (c === '»' && pending === '«') || (c === '"' && pending === '"');
    if (closes && pending !== undefined) {
      open.pop();
      return innerClose;
    }
    if (c === '”') return innerClose;
    open.push(c);
    return innerOpen;
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The passage [start, end) of an article's canonical text in quotation marks („…“ for German,
 * “…” for English) plus its citation in a style, or the agency line with style `agency`.
 * A passage touching a non-public block (private contact data, "nicht zur Veröffentlichung
 * bestimmt") is refused rather than cut: a quote with a silent gap would misquote the article,
 * and the non-public text must never reach a clipboard.
 */
export function citePassage(db: Database, articleId: number, start: number, end: number, opts: CitePassageOptions = {}): PassageCitation {
  const locale = opts.locale ?? 'de-DE';
  const format = opts.format ?? 'text';
  const style = opts.style ?? DEFAULT_STYLE[locale];
  // Check the style first: an unknown one is an error whatever the passage.
  const templateKey = style === AGENCY_STYLE_ID ? null : resolveStyle(db, style);
  const article = getArticle(db, articleId);
  const length = article.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) {
    throw new AppError('CITATION_RANGE_INVALID', { start, end, length });
  }
  if (article.blocks.some((b) => b.kind === 'nonpublic' && start < b.end && end > b.start)) {
    throw new AppError('CITATION_PASSAGE_NONPUBLIC', { start, end });
  }
  const marks = MARKS[locale];
  // A quote is inline: paragraph breaks and runs of whitespace fold into one space.
  const quote = article.text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (!quote) throw new AppError('CITATION_RANGE_INVALID', { start, end, length });
  const inner = nestQuotes(quote, locale);
  const item = getRecord(db, articleId).effective;

  let citation: string;
  let reference = '';
  if (templateKey === null) {
    citation = agencyLineOf(item, path.basename(article.source.file), langOf(locale));
  } else {
    citation = renderCitation(templateKey, style, [item], locale, format);
    reference = renderBibliography(templateKey, style, [item], locale, format);
  }

  let quoted: string;
  if (format === 'html') quoted = escapeHtml(`${marks.open}${inner}${marks.close}`);
  else if (format === 'markdown') quoted = escapeMarkdown(`${marks.open}${inner}${marks.close}`);
  else quoted = `${marks.open}${inner}${marks.close}`;

  let text: string;
  if (templateKey === null) {
    const line = format === 'html' ? escapeHtml(citation) : format === 'markdown' ? escapeMarkdown(citation) : citation;
    text = format === 'html' ? `<p>${quoted}</p>\n<p>${line}</p>` : format === 'markdown' ? `${quoted}\n\n${line}` : `${quoted}\n${line}`;
  } else if (format === 'html') {
    text = `<p>${quoted} ${citation}</p>\n${reference}`;
  } else {
    text = `${quoted} ${citation}\n\n${reference}`;
  }
  // Informantenschutz: the quote, the citation and the reference never name a protected source.
  const terms = protectedTerms(db);
  const redact = (t: string) => redactTerms(t, terms, langOf(locale));
  return { quote: redact(inner), citation: redact(citation), reference: redact(reference), text: redact(text), style, locale, format };
}

/**
 * Plain-text notes and press releases that are not wire stories: blank-line separated paragraphs,
 * and a headline when the first line plainly is one.
 */
import type { ParsedArticle } from '../../../shared/article.js';
import { CanonicalTextBuilder } from '../../../shared/text-builder.js';
import { articleFromBuilder } from './import-meta.js';

const MAX_TITLE_LENGTH = 150;

/** Splits text into blank-line separated paragraphs (lines kept, CRLF and BOM removed). */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0\f\v]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Parses plain text: paragraphs on blank lines; a short single first line without closing punctuation is the title. */
export function parsePlainText(text: string): ParsedArticle {
  const paragraphs = splitParagraphs(text);
  let title: string | null = null;
  const first = paragraphs[0];
  // Only a one-line first paragraph followed by more text is a headline; a lone line is the text itself.
  // "?" and "!" stay allowed: "Wer zahlt für die Südwestbahn?" is a headline, a sentence ends in ".".
  if (first !== undefined && paragraphs.length > 1 && !first.includes('\n')) {
    const line = first.replace(/\s+/g, ' ').trim();
    if (line.length <= MAX_TITLE_LENGTH && !/[.,;:]$/.test(line)) title = line;
  }
  const builder = new CanonicalTextBuilder();
  for (const p of title === null ? paragraphs : paragraphs.slice(1)) builder.add('paragraph', p);
  return { ...articleFromBuilder(builder), title };
}

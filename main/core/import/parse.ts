import path from 'node:path';
import { publicText, type ParsedArticle } from '../../../shared/article.js';
import { deriveTitle } from '../../../shared/derive-title.js';
import { AppError } from '../../../shared/errors.js';
import { detectLanguage } from '../language.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import type { LoadedFile, ParseResult } from './types.js';
import { parseWire } from './wire/index.js';

/*
 * Parsing a loaded file into an article, with no database: used by the import pipeline on the
 * main thread and by the parse workers of the folder import (parse-worker.ts).
 */

/** Parses a loaded file by its format; plain text that has the shape of a wire story is parsed as one. */
export async function parseLoaded(file: LoadedFile): Promise<ParseResult> {
  // pdf.js and the HTML stack are large: load them only when a PDF or HTML file arrives.
  if (file.format === 'pdf') {
    const { parsePdf } = await import('./pdf.js');
    return { article: await parsePdf(file.bytes, file.name), format: 'pdf' };
  }
  const text = file.text ?? '';
  if (file.format === 'html') {
    const { parseHtml, htmlToText } = await import('./html.js');
    const page = parseHtml(text, file.name);
    // A saved agency page: read the wire metadata from its text, keep what only the page knows.
    const wire = parseWire(htmlToText(text));
    if (wire) {
      return {
        article: { ...wire, title: wire.title ?? page.title, url: wire.url ?? page.url, language: page.language ?? wire.language, published: wire.published ?? page.published },
        format: 'html',
      };
    }
    return { article: page, format: 'html' };
  }
  if (file.format === 'markdown') return { article: parseMarkdown(text), format: 'markdown' };
  const wire = parseWire(text);
  if (wire) return { article: wire, format: 'wire' };
  return { article: parsePlainText(text), format: 'text' };
}

/** Fills what the parsers leave open: a derived title when the delivery has none, the detected language. */
export function completeArticle(article: ParsedArticle, fileName: string): ParsedArticle & { title: string } {
  if (article.blocks.length === 0 || !article.blocks.some((b) => b.kind === 'paragraph' || b.kind === 'heading')) {
    throw new AppError('FILE_NO_TEXT', { file: fileName, reason: 'kein Absatz gefunden' });
  }
  let title = article.title?.trim() || null;
  let titleDerived = article.titleDerived;
  if (!title) {
    title = deriveTitle(article.text, article.blocks, article.datelineText) ?? path.parse(fileName).name;
    titleDerived = true;
  }
  const language = article.language ?? detectLanguage(publicText(article.text, article.blocks));
  return { ...article, title, titleDerived, language };
}

/**
 * Domain types of an article in the collection. Pure data: no Node, no DOM.
 * The metadata JSON (CLI output, contract results) uses exactly these field names.
 */

import { bmpClasses, LETTER_OR_DIGIT, letterOrDigitAt } from './char-classes.js';

/** Kinds of block in the canonical text. */
export const BLOCK_KINDS = ['heading', 'paragraph', 'credits', 'notice', 'nonpublic'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A block is a span [start, end) of the canonical text. Blocks are ordered and never overlap. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export const CREDIT_ROLES = ['author', 'reporter', 'contributor', 'writer', 'editor'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

export interface Credit {
  role: CreditRole;
  name: string;
}

/** A desk to ask, as named in the article ("… unter X (für Politik und Konjunktur)"). */
export interface DeskContact {
  email: string;
  /** The beat (Ressort) the desk is responsible for, or null when the article names none. */
  scope: string | null;
}

export interface Dateline {
  place: string;
  agency: string | null;
}

export const SOURCE_FORMATS = ['wire', 'text', 'markdown', 'html', 'pdf'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * What an importer makes of one file: canonical text plus blocks and the metadata read out of it.
 * Produced by the parsers, stored by the store. Nothing here is HTML.
 */
export interface ParsedArticle {
  /** Canonical plain text; blocks are joined by a blank line ("\n\n"). */
  text: string;
  blocks: Block[];
  /** Headline; null when the delivery has none (the store then derives one from the lead). */
  title: string | null;
  /** True when the title was derived from the lead because the delivery has none. */
  titleDerived: boolean;
  /** ISO 639-1, or null to let the store detect it. */
  language: string | null;
  agency: string | null;
  copyright: string | null;
  /** Rights or source URL named in the delivery, if any. */
  url: string | null;
  /** ISO 8601 with the precision the source gives: `2025`, `2025-02`, `2014-08-29`, or a full timestamp. */
  published: string | null;
  dateline: Dateline | null;
  /** The dateline exactly as it opens the lead ("Seoul (Reuters) - "), so views can strip it. */
  datelineText: string | null;
  credits: Credit[];
  deskContacts: DeskContact[];
  /** Version markers as printed: "Berichtigung", "Neufassung", "CORRECTED", "Adds comments, detail". */
  versionMarkers: string[];
  /** Short topic line above the headline (dpa "Dachzeile", "Künstliche Intelligenz"), if any. */
  kicker: string | null;
}

/** Where an article came from. */
export interface ArticleSourceInfo {
  file: string;
  format: SourceFormat;
}

/** The metadata JSON of one article, as printed by `fundstelle import --json` and returned by the contract. */
export interface ArticleMetadata {
  id: number;
  /** True when the content was already in the collection; `id` is then the existing article's. */
  duplicate: boolean;
  title: string;
  titleDerived: boolean;
  language: string | null;
  agency: string | null;
  copyright: string | null;
  published: string | null;
  dateline: Dateline | null;
  credits: Credit[];
  deskContacts: DeskContact[];
  headings: string[];
  versionMarkers: string[];
  wordCount: number;
  source: ArticleSourceInfo;
}

/** A full article for the reading view: metadata plus the canonical text and its blocks. */
export interface ArticleDetail extends Omit<ArticleMetadata, 'duplicate'> {
  text: string;
  blocks: Block[];
  datelineText: string | null;
  kicker: string | null;
  url: string | null;
  /** Detected character encoding of the original file (e.g. `utf-8`, `windows-1252`). */
  encoding: string | null;
  importedAt: string;
  contentHash: string;
}

/** One row of the library list. */
export interface ArticleSummary {
  id: number;
  title: string;
  titleDerived: boolean;
  agency: string | null;
  published: string | null;
  language: string | null;
  datelinePlace: string | null;
  wordCount: number;
  importedAt: string;
}

/** Text of one block. */
export function blockText(text: string, block: Block): string {
  return text.slice(block.start, block.end);
}

/** Headings of an article, in order: the text of its heading blocks. */
export function headingsOf(text: string, blocks: readonly Block[]): string[] {
  return blocks.filter((b) => b.kind === 'heading').map((b) => blockText(text, b));
}

/** - ' ’ . , between two letters or digits keep them one word. */
function isWordJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2c;
}

/** Per code unit: 1 a letter or digit, 2 a word joiner, 4 a surrogate (see {@link countWords}). */
let wordFlags: Uint8Array | null = null;
function wordFlagTable(): Uint8Array {
  if (wordFlags) return wordFlags;
  const classes = bmpClasses();
  const flags = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) flags[c] = (classes[c] === LETTER_OR_DIGIT ? 1 : 0) | (isWordJoiner(c) ? 2 : 0) | (c >= 0xd800 && c <= 0xdfff ? 4 : 0);
  wordFlags = flags;
  return flags;
}

/**
 * Words in the public text (paragraphs and headings); credits, notices and non-public blocks don't
 * count. A word is what `/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*\/gu` matches: letters and digits,
 * joined by a hyphen, apostrophe, full stop or comma ("E-Mail", "3,5" are one word each).
 *
 * Every imported article is counted, so this is one scan without branches per character (a branch
 * at every word boundary is mispredicted often enough to cost more than the scan itself): a word
 * starts where a letter or digit follows a character that is none, except where that character is
 * a joiner right after a letter or digit. A block with surrogates (letters outside the BMP come as
 * pairs) is counted again by {@link countWordsBySteps}, which reads code points.
 */
export function countWords(text: string, blocks: readonly Block[]): number {
  const flags = wordFlagTable();
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    // Flags of the two characters before the current one, and every flag seen (for surrogates).
    let prev = 0;
    let prev2 = 0;
    let seen = 0;
    let words = 0;
    for (let i = b.start; i < b.end; i++) {
      const f = flags[text.charCodeAt(i)] as number;
      // 1 when a word starts here: f is a letter, prev is not, and not (prev a joiner after a letter).
      words += f & ~prev & ~((prev >> 1) & prev2) & 1;
      prev2 = prev;
      prev = f;
      seen |= f;
    }
    n += seen & 4 ? countWordsBySteps(text, b) : words;
  }
  return n;
}

/** {@link countWords} for one block, by code point. */
function countWordsBySteps(text: string, b: Block): number {
  const table = bmpClasses();
  let n = 0;
  let i = b.start;
  while (i < b.end) {
    let w = letterOrDigitAt(text, i, table);
    if (w === 0 || i + w > b.end) {
      i++;
      continue;
    }
    n++;
    i += w;
    for (;;) {
      while (i < b.end && (w = letterOrDigitAt(text, i, table)) > 0 && i + w <= b.end) i += w;
      if (i + 1 < b.end && isWordJoiner(text.charCodeAt(i)) && (w = letterOrDigitAt(text, i + 1, table)) > 0 && i + 1 + w <= b.end) i += 1 + w;
      else break;
    }
  }
  return n;
}

/**
 * Text that may be searched, shown as article text and exported: headings and paragraphs only,
 * joined by a blank line. Public blocks that the text already separates by exactly "\n\n" are taken
 * as one slice of it (usually all of them; search snippets read 50 articles per search), so no
 * copy of the article is made.
 */
export function publicText(text: string, blocks: readonly Block[]): string {
  let out = '';
  let runs = 0;
  let start = -1;
  let end = -1;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    if (start >= 0 && b.start === end + 2 && text.charCodeAt(end) === 10 && text.charCodeAt(end + 1) === 10) {
      end = b.end;
      continue;
    }
    if (start >= 0) out = runs++ > 0 ? `${out}\n\n${text.slice(start, end)}` : text.slice(start, end);
    start = b.start;
    end = b.end;
  }
  if (start < 0) return '';
  return runs > 0 ? `${out}\n\n${text.slice(start, end)}` : text.slice(start, end);
}

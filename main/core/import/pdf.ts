/**
 * PDF import with pdf.js (legacy build, the only one that runs in Node): text items are grouped into
 * lines by position, lines into paragraphs by vertical gaps, and words hyphenated at line ends are
 * joined again. No worker, no network, no eval, no fonts loaded into the host.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockKind, ParsedArticle } from '../../../shared/article.js';
import { AppError } from '../../../shared/errors.js';
import { CanonicalTextBuilder } from '../../../shared/text-builder.js';
import { articleFromBuilder, cleanMetaText, normaliseLanguage, splitAuthors } from './import-meta.js';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js reads these with fs in Node; the trailing separator is required.
const STANDARD_FONT_DATA_URL = path.join(pdfjsDir, 'standard_fonts') + path.sep;
const CMAP_URL = path.join(pdfjsDir, 'cmaps') + path.sep;

/** pdf.js's own exception classes (BaseException subclasses, by name). */
const PDFJS_EXCEPTIONS = new Set(['FormatError', 'InvalidPDFException', 'UnknownErrorException', 'MissingPDFException', 'UnexpectedResponseException', 'PasswordException', 'AbortException', 'ResponseException']);

/**
 * Whether an unhandled rejection is one of pdf.js's own exceptions, raised inside pdf.js.
 *
 * pdf.js (without a real worker, as here) leaves some promises of a broken document's internal
 * requests without a handler: fuzzing found one rejecting with "FormatError: bad ObjStm stream"
 * after the document had been refused and destroyed (tests/stress/fuzz.ts). Node ends the process
 * on an unhandled rejection, so one corrupt PDF would take the app down. Such a rejection of
 * pdf.js's own exception classes is dropped here; every other unhandled rejection is thrown as
 * before (Node's default: the process ends).
 */
export function isPdfjsRejection(reason: unknown): boolean {
  const e = reason as { name?: unknown; stack?: unknown } | null;
  return !!e && typeof e.name === 'string' && PDFJS_EXCEPTIONS.has(e.name) && typeof e.stack === 'string' && e.stack.includes('pdfjs-dist');
}

function containPdfjsRejections(): void {
  const key = Symbol.for('fundstelle.pdfjsRejectionGuard');
  const g = globalThis as Record<symbol, unknown>;
  if (g[key]) return;
  g[key] = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfjsRejection(reason)) return;
    throw reason;
  });
}
containPdfjsRejections();

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  /** Baseline y (PDF user space: grows upwards). */
  y: number;
  x: number;
  size: number;
}

interface PdfBlock {
  kind: BlockKind;
  text: string;
}

/** Parses PDF bytes into paragraphs and metadata; FILE_PARSE_FAILED for corrupt or encrypted files, FILE_NO_TEXT without a text layer. */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const task = pdfjs.getDocument({
    // A copy: pdf.js transfers the buffer to its (fake) worker, which would detach the caller's bytes.
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });

  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new AppError('FILE_PARSE_FAILED', { file: fileName, reason: loadFailureReason(err) });
  }

  try {
    const pages: PdfBlock[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let items: TextItem[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        items = content.items.filter((it): it is TextItem & typeof it => 'str' in it) as TextItem[];
        page.cleanup();
      } catch (err) {
        throw new AppError('FILE_PARSE_FAILED', { file: fileName, reason: `Seite ${n}: ${errorMessage(err)}` });
      }
      pages.push(pageBlocks(items));
    }
    const blocks = joinAcrossPages(pages);
    if (blocks.length === 0) {
      throw new AppError('FILE_NO_TEXT', { file: fileName, reason: 'keine Textebene – gescannte PDF? Bitte vorher OCR anwenden' });
    }

    const builder = new CanonicalTextBuilder();
    for (const b of blocks) builder.add(b.kind, b.text);

    const info = await readInfo(doc);
    return {
      ...articleFromBuilder(builder),
      title: sensibleTitle(info['Title'], fileName),
      credits: sensibleAuthor(info['Author']) ? splitAuthors(info['Author']) : [],
      published: pdfDateToIso(info['CreationDate']),
      language: normaliseLanguage(info['Language']),
    };
  } finally {
    await doc.destroy();
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function loadFailureReason(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'passwortgeschützt oder verschlüsselt';
  if (name === 'InvalidPDFException') return `ungültige PDF-Struktur: ${errorMessage(err)}`;
  return errorMessage(err);
}

async function readInfo(doc: { getMetadata(): Promise<{ info: object }> }): Promise<Record<string, unknown>> {
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } catch {
    // Broken metadata must not cost the text.
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: items → lines → paragraphs

/** Groups a page's text items into lines and the lines into paragraph and heading blocks. */
function pageBlocks(items: TextItem[]): PdfBlock[] {
  const lines = groupLines(items);
  if (lines.length === 0) return [];
  const paragraphs = groupParagraphs(lines);
  const bodySize = median(lines.map((l) => l.size)) || 1;
  return paragraphs
    .map((ls): PdfBlock => {
      const text = joinLines(ls.map((l) => l.text));
      // Noticeably larger type on a short block reads as a headline or subhead.
      const heading = ls.every((l) => l.size >= bodySize * 1.2) && text.length <= 200;
      return { kind: heading ? 'heading' : 'paragraph', text };
    })
    .filter((b) => b.text.trim() !== '' && !isPageNumber(b.text));
}

function groupLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: (Line & { end: number }) | null = null;
  let breakAfter = false;
  for (const it of items) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const size = Math.max(Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0), it.height) || 1;
    if (it.str === '') {
      if (it.hasEOL) breakAfter = true;
      continue;
    }
    // Same line unless pdf.js marked an end of line or the baseline moved by more than half a glyph.
    if (cur && !breakAfter && Math.abs(y - cur.y) <= size * 0.5) {
      const gap = x - cur.end;
      const needsSpace = gap > size * 0.15 && !cur.text.endsWith(' ') && !it.str.startsWith(' ');
      cur.text += (needsSpace ? ' ' : '') + it.str;
      cur.end = x + it.width;
      cur.size = Math.max(cur.size, size);
    } else {
      if (cur) lines.push(cur);
      cur = { text: it.str, y, x, size, end: x + it.width };
    }
    breakAfter = it.hasEOL;
  }
  if (cur) lines.push(cur);
  return lines.map(({ text, y, x, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), y, x, size })).filter((l) => l.text);
}

/**
 * Splits lines into paragraphs where the vertical gap is larger than the line spacing. The line
 * spacing is the smallest regular gap on the page; when every gap is the same (one-line paragraphs,
 * or one paragraph), a gap of more than 1.75 font sizes still separates paragraphs.
 */
function groupParagraphs(lines: Line[]): Line[][] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (prev && cur) gaps.push(prev.y - cur.y);
  }
  const regular = gaps.filter((g, i) => g > (lines[i]?.size ?? 1) * 0.6);
  const spacing = regular.length > 0 ? Math.min(...regular) : 0;
  const allSame = regular.every((g) => Math.abs(g - spacing) < 0.5);

  const out: Line[][] = [];
  let para: Line[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const gap = prev.y - line.y;
      const sizeChange = Math.abs(line.size - prev.size) > Math.min(line.size, prev.size) * 0.15;
      const newPara =
        gap < -line.size || // moved up: next column or a box
        sizeChange ||
        (gap > line.size * 0.6 && (allSame ? gap > line.size * 1.75 : gap > spacing * 1.3));
      if (newPara && para.length > 0) {
        out.push(para);
        para = [];
      }
    }
    para.push(line);
  });
  if (para.length > 0) out.push(para);
  return out;
}

/** Joins the lines of one paragraph, undoing end-of-line hyphenation ("Rechen-" + "zentrum" → "Rechenzentrum"). */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
    } else if (/\u00ad$/.test(out)) {
      out = out.slice(0, -1) + line; // soft hyphen: always a word break
    } else if (/\p{L}[-\u2010]$/u.test(out) && /^\p{Ll}/u.test(line)) {
      out = out.slice(0, -1) + line; // "Rechen-" + "zentrum": a hyphenated word
    } else if (/\p{L}[-\u2010]$/u.test(out)) {
      out += line; // "Bund-" + "Länder-Gipfel": a real hyphen, no space
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

/** Lets a paragraph continue on the next page when the page ends mid-word or mid-sentence and the next starts lower-case. */
function joinAcrossPages(pages: PdfBlock[][]): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const page of pages) {
    page.forEach((b, i) => {
      const prev = out[out.length - 1];
      if (i === 0 && prev && prev.kind === 'paragraph' && b.kind === 'paragraph' && /^\p{Ll}/u.test(b.text) && !/[.!?:"“”»«]$/.test(prev.text)) {
        prev.text = joinLines([prev.text, b.text]);
      } else {
        out.push({ ...b });
      }
    });
  }
  return out;
}

function isPageNumber(text: string): boolean {
  const t = text.trim();
  return /^(?:(?:seite|page|s\.)\s*)?\d{1,4}(?:\s*(?:von|of|\/)\s*\d{1,4})?$/i.test(t) || /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(t);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Metadata

/** A PDF Title unless it is a placeholder or a file name ("Microsoft Word - bericht.docx", "Untitled"). */
function sensibleTitle(value: unknown, fileName: string): string | null {
  const t = cleanMetaText(value);
  if (!t || t.length < 3) return null;
  if (/^(untitled|unbenannt|ohne titel|document\d*|dokument\d*|titel|title|print|druck)$/i.test(t)) return null;
  if (/^microsoft (word|powerpoint|excel) - /i.test(t)) return null;
  if (/\.(docx?|odt|pdf|rtf|txt|indd|pages|qxp|html?)$/i.test(t)) return null;
  if (t.toLowerCase() === fileName.toLowerCase() || t.toLowerCase() === fileName.replace(/\.[^.]+$/, '').toLowerCase()) return null;
  return t;
}

/** An Author that names people, not an account ("Administrator", "user"). */
function sensibleAuthor(value: unknown): boolean {
  const a = cleanMetaText(value);
  return !!a && !/^(admin(istrator)?|user|benutzer|owner|besitzer|unknown|unbekannt|root|default)$/i.test(a);
}

/**
 * A PDF date ("D:20250225093000+01'00'") as ISO 8601 with the precision it has; null for implausible
 * dates (before 1990 or in the future: producers write 1970 or garbage for unset dates).
 */
export function pdfDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?(?:\d{2}'?)?)?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, tz] = m;
  const year = Number(y);
  if (year < 1990 || year > new Date().getUTCFullYear()) return null;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d && (Number(d) < 1 || Number(d) > 31)) return null;
  if (!mo) return y ?? null;
  if (!d) return `${y}-${mo}`;
  if (!hh) return `${y}-${mo}-${d}`;
  let out = `${y}-${mo}-${d}T${hh}:${mi ?? '00'}:${ss ?? '00'}`;
  if (tz === 'Z') out += 'Z';
  else if (tz) {
    const tm = /^([+-]\d{2})'?(\d{2})?/.exec(tz);
    out += `${tm?.[1] ?? '+00'}:${tm?.[2] ?? '00'}`;
  }
  const t = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(out) ? out : `${out}Z`);
  if (Number.isNaN(t) || t > Date.now() + 86_400_000) return null;
  return out;
}


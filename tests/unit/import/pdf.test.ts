import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, headingsOf, type ParsedArticle } from '../../../shared/article.js';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { loadFile } from '../../../main/core/import/load-file.js';
import { isPdfjsRejection, joinLines, parsePdf, pdfDateToIso } from '../../../main/core/import/pdf.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const LEADING = 15; // line spacing at 12 pt
const PARAGRAPH_GAP = 30;

/** Draws lines top-down; an empty string leaves a paragraph gap. Helvetica (WinAnsi): umlauts and ß yes, „“ no. */
async function makePdf(pages: { heading?: string; lines: string[]; footer?: string }[], meta = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const p of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    if (p.heading) {
      page.drawText(p.heading, { x: 56, y, size: 20, font: bold });
      y -= 40;
    }
    for (const line of p.lines) {
      if (line === '') {
        y -= PARAGRAPH_GAP - LEADING;
        continue;
      }
      page.drawText(line, { x: 56, y, size: 12, font });
      y -= LEADING;
    }
    if (p.footer) page.drawText(p.footer, { x: 290, y: 40, size: 9, font });
  }
  if (meta) {
    doc.setTitle('Südwestbahn baut Rechenzentrum in Ulm');
    doc.setAuthor('Anna Beispiel und Ben Muster');
    doc.setCreationDate(new Date('2025-02-25T09:30:00Z'));
  } else {
    doc.setTitle('Microsoft Word - bericht.docx');
    doc.setAuthor('Administrator');
    doc.setCreationDate(new Date('1970-01-01T00:00:00Z'));
  }
  return doc.save();
}

const STORY_PAGES = [
  {
    heading: 'Südwestbahn baut Rechenzentrum',
    lines: [
      'Die Südwestbahn will bis 2027 ein eigenes Rechen-',
      'zentrum in Ulm errichten. Das teilte der Vorstand am',
      'Dienstag mit. Die Kosten liegen bei 80 Millionen Euro.',
      '',
      'Das Projekt ist Teil der Bund-',
      'Länder-Vereinbarung zur Digitalisierung der Schiene',
      'und soll auch die Straßenbahn in Neu-Ulm versorgen.',
    ],
    footer: '1',
  },
  {
    lines: [
      'Kritik kommt vom Fahrgastverband. Dessen Sprecher sagte,',
      'das Geld fehle für "größere Züge" auf der Bodenseestrecke.',
      '',
      'Eine Entscheidung des Aufsichtsrats wird im Mai erwartet.',
    ],
    footer: '2',
  },
];

async function writeAndParse(name: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const loaded = await loadFile(file);
  expect(loaded.format).toBe('pdf');
  return parsePdf(loaded.bytes, loaded.name);
}

async function refused(promise: Promise<unknown>, code: ErrorCode, file: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).details.file).toBe(file);
  return err as AppError;
}

describe('parsePdf', () => {
  it('groups lines into paragraphs per page, de-hyphenates, and marks the large headline as heading', async () => {
    const a = await writeAndParse('rechenzentrum.pdf', await makePdf(STORY_PAGES));
    expect(a.blocks.map((b) => [b.kind, blockText(a.text, b)])).toEqual([
      ['heading', 'Südwestbahn baut Rechenzentrum'],
      ['paragraph', 'Die Südwestbahn will bis 2027 ein eigenes Rechenzentrum in Ulm errichten. Das teilte der Vorstand am Dienstag mit. Die Kosten liegen bei 80 Millionen Euro.'],
      ['paragraph', 'Das Projekt ist Teil der Bund-Länder-Vereinbarung zur Digitalisierung der Schiene und soll auch die Straßenbahn in Neu-Ulm versorgen.'],
      ['paragraph', 'Kritik kommt vom Fahrgastverband. Dessen Sprecher sagte, das Geld fehle für "größere Züge" auf der Bodenseestrecke.'],
      ['paragraph', 'Eine Entscheidung des Aufsichtsrats wird im Mai erwartet.'],
    ]);
    expect(headingsOf(a.text, a.blocks)).toEqual(['Südwestbahn baut Rechenzentrum']);
  });

  it('reads title, authors and creation date from the PDF metadata', async () => {
    const a = await writeAndParse('rechenzentrum.pdf', await makePdf(STORY_PAGES));
    expect(a.title).toBe('Südwestbahn baut Rechenzentrum in Ulm');
    expect(a.credits).toEqual([
      { role: 'author', name: 'Anna Beispiel' },
      { role: 'author', name: 'Ben Muster' },
    ]);
    expect(a.published).toBe('2025-02-25T09:30:00Z');
  });

  it('ignores placeholder metadata (Word file name title, Administrator, 1970 date)', async () => {
    const a = await writeAndParse('bericht.pdf', await makePdf(STORY_PAGES, false));
    expect(a.title).toBeNull();
    expect(a.credits).toEqual([]);
    expect(a.published).toBeNull();
  });

  it('does not detach or change the bytes it is given', async () => {
    const bytes = await makePdf(STORY_PAGES);
    const copy = Uint8Array.from(bytes);
    await parsePdf(bytes, 'x.pdf');
    expect(bytes.length).toBe(copy.length);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('refuses a truncated PDF as FILE_PARSE_FAILED', async () => {
    const bytes = await makePdf(STORY_PAGES);
    const file = path.join(dir, 'abgeschnitten.pdf');
    fs.writeFileSync(file, bytes.subarray(0, 400));
    const loaded = await loadFile(file);
    await refused(parsePdf(loaded.bytes, loaded.name), 'FILE_PARSE_FAILED', 'abgeschnitten.pdf');
  });

  it('refuses random bytes behind a PDF header as FILE_PARSE_FAILED', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251))]);
    const file = path.join(dir, 'kaputt.pdf');
    fs.writeFileSync(file, junk);
    const loaded = await loadFile(file);
    const e = await refused(parsePdf(loaded.bytes, loaded.name), 'FILE_PARSE_FAILED', 'kaputt.pdf');
    expect(String(e.details.reason)).toBeTruthy();
  });

  it('refuses a PDF without a text layer as FILE_NO_TEXT', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
    const file = path.join(dir, 'scan.pdf');
    fs.writeFileSync(file, await doc.save());
    const loaded = await loadFile(file);
    const e = await refused(parsePdf(loaded.bytes, loaded.name), 'FILE_NO_TEXT', 'scan.pdf');
    expect(String(e.details.reason)).toContain('OCR');
  });
});

describe('joinLines', () => {
  it('joins hyphenated words only before a lower-case continuation', () => {
    expect(joinLines(['ein Rechen-', 'zentrum'])).toBe('ein Rechenzentrum');
    expect(joinLines(['die Bund-', 'Länder-Runde'])).toBe('die Bund-Länder-Runde');
    expect(joinLines(['Kosten -', 'und Nutzen'])).toBe('Kosten - und Nutzen');
    expect(joinLines(['Soft\u00ad', 'hyphen'])).toBe('Softhyphen');
    expect(joinLines(['zwei', 'Zeilen'])).toBe('zwei Zeilen');
  });
});

describe('pdfDateToIso', () => {
  it('keeps the precision of a PDF date', () => {
    expect(pdfDateToIso("D:20250225103000+01'00'")).toBe('2025-02-25T10:30:00+01:00');
    expect(pdfDateToIso('D:20250225093000Z')).toBe('2025-02-25T09:30:00Z');
    expect(pdfDateToIso('D:20250225')).toBe('2025-02-25');
    expect(pdfDateToIso('D:202502')).toBe('2025-02');
    expect(pdfDateToIso('D:2025')).toBe('2025');
    expect(pdfDateToIso('D:19700101000000Z')).toBeNull();
    expect(pdfDateToIso('Quatsch')).toBeNull();
  });
});

describe('pdf.js rejections nobody handles', () => {
  it('are recognised only when they are pdf.js exceptions raised inside pdf.js', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new TextEncoder().encode('%PDF-1.7\nkein PDF'), verbosity: 0, isEvalSupported: false });
    const raised = await task.promise.then(
      () => null,
      (e: unknown) => e,
    );
    await task.destroy();
    expect((raised as Error).name).toMatch(/Exception$/);
    expect(isPdfjsRejection(raised)).toBe(true);
    expect(isPdfjsRejection(new TypeError('x'))).toBe(false);
    expect(isPdfjsRejection(Object.assign(new Error('bad ObjStm stream'), { name: 'FormatError' }))).toBe(false); // not from pdf.js
    expect(isPdfjsRejection(null)).toBe(false);
    // The guard is installed once, when the PDF importer is loaded.
    expect(process.listeners('unhandledRejection').length).toBeGreaterThan(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '../../../main/core/articles.js';
import { citePassage, nestQuotes } from '../../../main/core/citations/passage.js';
import type { Database } from '../../../main/db/open.js';
import { AppError } from '../../../shared/errors.js';
import { tempDb } from '../../helpers/db.js';
import { add, WIRE_DE, WIRE_NONPUBLIC } from './fixtures.js';

let db: Database;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDb()));
afterEach(() => cleanup());

function range(db: Database, id: number, passage: string): [number, number] {
  const start = getArticle(db, id).text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return [start, start + passage.length];
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('Quellenangabe kopieren', () => {
  it('quotes in „…“ with the in-text citation and the reference (German)', () => {
    const id = add(db, WIRE_DE);
    const [s, e] = range(db, id, 'Werftchef Jan Beispiel nannte den Kunden einen „verlässlichen Partner“.');
    const c = citePassage(db, id, s, e);
    expect(c.style).toBe('iso690-author-date-de');
    expect(c.quote).toBe('Werftchef Jan Beispiel nannte den Kunden einen ‚verlässlichen Partner‘.');
    expect(c.text.startsWith('„Werftchef Jan Beispiel nannte den Kunden einen ‚verlässlichen Partner‘.“ (')).toBe(true);
    expect(c.citation).toMatch(/Beispiel.*2026/);
    expect(c.reference).toMatch(/BEISPIEL, Anna.*2026/);
    expect(c.text).toContain(c.reference);
  });

  it('uses “…” for English, and the agency line as style `agency`', () => {
    const id = add(db, WIRE_DE);
    const [s, e] = range(db, id, 'Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln');
    const en = citePassage(db, id, s, e, { style: 'apa', locale: 'en-US' });
    expect(en.text).toMatch(/^“Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln” \(Beispiel et al\., 2026\)\n\nBeispiel, A\., van der Meer, J\., & al-Farsi, O\. \(2026, March\)/);
    const agency = citePassage(db, id, s, e, { style: 'agency' });
    expect(agency.text).toBe('„Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln“\nQuelle: Reuters, März 2026');
    expect(agency.reference).toBe('');
  });

  it('renders HTML and Markdown safely', () => {
    const id = add(db, WIRE_DE);
    const [s, e] = range(db, id, 'Die Fähren sollen ab 2027');
    const html = citePassage(db, id, s, e, { format: 'html', style: 'chicago-author-date' });
    expect(html.text).toMatch(/^<p>„Die Fähren sollen ab 2027“ \(Beispiel.*\)<\/p>\n<div class="csl-bib-body">/);
    const md = citePassage(db, id, s, e, { format: 'markdown', style: 'chicago-author-date' });
    expect(md.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(md.text).toContain('*Reuters*');
  });

  it('folds paragraph breaks inside a quote into a space', () => {
    const id = add(db, WIRE_DE);
    const text = getArticle(db, id).text;
    const s = text.indexOf('„verlässlichen Partner“.');
    const e = text.indexOf(' zwischen Lindau');
    expect(citePassage(db, id, s, e, { style: 'agency' }).quote).toBe('‚verlässlichen Partner‘. Die Fähren sollen ab 2027');
  });

  it('never includes non-public text: a passage touching a non-public block is refused', () => {
    const id = add(db, WIRE_NONPUBLIC, 'wire', 'dpa.txt');
    const article = getArticle(db, id);
    const secret = article.blocks.find((b) => b.kind === 'nonpublic')!;
    const [s] = range(db, id, 'Der erfundene Verband');
    const [, e] = range(db, id, 'von einem „Wendepunkt“.');
    expect(code(() => citePassage(db, id, s, e))).toBe('CITATION_PASSAGE_NONPUBLIC');
    expect(code(() => citePassage(db, id, secret.start + 2, secret.start + 10))).toBe('CITATION_PASSAGE_NONPUBLIC');
    expect(code(() => citePassage(db, id, secret.end - 1, e))).toBe('CITATION_PASSAGE_NONPUBLIC');
    // Right up to the block (exclusive end) is fine, and nothing of it appears.
    const ok = citePassage(db, id, secret.end, e, { style: 'agency' });
    expect(ok.text).not.toContain('Geheim');
    expect(ok.text).not.toContain('0171');
  });

  it('refuses empty and out-of-range passages and unknown styles', () => {
    const id = add(db, WIRE_DE);
    const len = getArticle(db, id).text.length;
    expect(code(() => citePassage(db, id, 5, 5))).toBe('CITATION_RANGE_INVALID');
    expect(code(() => citePassage(db, id, 0, len + 1))).toBe('CITATION_RANGE_INVALID');
    expect(code(() => citePassage(db, id, 0, 5, { style: 'unbekannt' }))).toBe('CITATION_STYLE_UNKNOWN');
    expect(code(() => citePassage(db, 999, 0, 5))).toBe('ARTICLE_NOT_FOUND');
  });

  it('nests quotation marks by language', () => {
    expect(nestQuotes('Er sprach von „Aufbruch“ und "Wende"', 'de-DE')).toBe('Er sprach von ‚Aufbruch‘ und ‚Wende‘');
    expect(nestQuotes('He called it “a turning point” and „Wende“', 'en-US')).toBe('He called it ‘a turning point’ and ‘Wende’');
    expect(nestQuotes('Sie nannte es »Zeitenwende«', 'de-DE')).toBe('Sie nannte es ‚Zeitenwende‘');
  });
});

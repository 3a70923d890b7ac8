import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms, termOf, type StemLanguage } from '../../../main/core/search-text.js';
import { TermTable } from '../../../main/core/term-table.js';

/** What indexing a text means, written the slow and obvious way: split on non-word characters, one term per word. */
function reference(text: string, lang: StemLanguage): string {
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => termOf(w, lang))
    .join(' ');
}

// Letters of both cases, umlauts and ß/ẞ, combining marks, Cyrillic and Turkish capitals, a
// mathematical letter and an emoji outside the BMP, lone surrogates, digits and separators of every kind.
const UNITS = ['a', 'B', 'k', 'N', 'ä', 'Ö', 'ü', 'ß', 'ẞ', 'é', '\u0301', '\u0308', 'İ', 'ж', 'Д', '\u{1d538}', '😀', '\ud800', '\udc00', '7', '٣', ' ', '\n', '\u00a0', '-', '’', '.', '„'];
const LANGS: StemLanguage[] = ['de', 'en', null];

describe('indexing a text through the term table', () => {
  it('gives exactly the terms of splitting the text into words, for any text and language', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 80 }), fc.constantFrom(...LANGS), (text, lang) => {
        expect(indexTerms(text, lang)).toBe(reference(text, lang));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('gives the same terms on wire copy with headlines in capitals, read twice', () => {
    const text = 'BERLIN (Reuters) - Die Europäische Zentralbank (EZB) hält die Zinsen stabil.\nZINSEN BLEIBEN STABIL\nStraße, STRASSE, Rechenzentren und Rechenzentrum – Südkorea’s „Kakaobohnen“.';
    for (const lang of LANGS) {
      expect(indexTerms(text, lang)).toBe(reference(text, lang));
      expect(indexTerms(text, lang)).toBe(reference(text, lang));
    }
  });
});

describe('TermTable', () => {
  it('keeps one entry for the spellings of a word that differ only in ASCII case', () => {
    const calls: string[] = [];
    const table = new TermTable((w) => (calls.push(w), w.toLowerCase()), 100);
    expect(table.termsOf('Bank BANK bank bAnK')).toBe('bank bank bank bank');
    expect(calls).toEqual(['Bank']);
    expect(table.size).toBe(1);
    // Not ASCII: "Ä" and "ä" are two entries (each term is made from its own word).
    table.termsOf('Ärger ärger');
    expect(table.size).toBe(3);
  });

  it('stays correct and bounded when it fills up and starts again', () => {
    const limit = 50;
    const table = new TermTable((w) => `t${w.toLowerCase()}`, limit);
    const rand = fc.sample(fc.integer({ min: 0, max: 400 }), { numRuns: 20_000, seed: 3 });
    // Word 0–9 are frequent, the rest overflow the limit many times.
    const words = rand.map((n, i) => (i % 2 === 0 ? `w${n % 10}` : `W${n}`));
    for (let i = 0; i < words.length; i += 40) {
      const chunk = words.slice(i, i + 40);
      expect(table.termsOf(chunk.join(' '))).toBe(chunk.map((w) => `t${w.toLowerCase()}`).join(' '));
      expect(table.size).toBeLessThanOrEqual(limit);
    }
  });

  it('tells apart many distinct words (hash collisions, growing tables)', () => {
    const table = new TermTable((w) => `<${w}>`, 1_000_000);
    const words = Array.from({ length: 60_000 }, (_, i) => `x${i.toString(36)}`);
    const text = words.join(' ');
    expect(table.termsOf(text)).toBe(words.map((w) => `<${w}>`).join(' '));
    expect(table.termsOf(text)).toBe(words.map((w) => `<${w}>`).join(' '));
    expect(table.size).toBe(60_000);
  });

  it('keeps long words and terms outside the slot, and computes words too long to keep every time', () => {
    const calls: string[] = [];
    const table = new TermTable((w) => (calls.push(w), `${w.toLowerCase()}ß`), 1000);
    // 12 + 13 units fit in a slot, 13 + 14 do not; 1,023 units is the longest kept, 1,024 is not.
    const words = ['Abcdefghijkl', 'Abcdefghijklm', 'Lang'.repeat(50), 'x'.repeat(1022), 'y'.repeat(1023), 'Ж'.repeat(700)];
    const expected = words.map((w) => `${w.toLowerCase()}ß`).join(' ');
    expect(table.termsOf(words.join(' '))).toBe(expected);
    expect(table.termsOf(words.join(' '))).toBe(expected);
    // Kept: each computed once. Not kept ("y" × 1,023 gives a term of 1,024; "Ж" × 700 a word and
    // term of 701 units each, kept): computed on every read.
    expect(calls.filter((w) => w.startsWith('y'))).toHaveLength(2);
    expect(calls.filter((w) => !w.startsWith('y'))).toHaveLength(5);
    expect(table.size).toBe(5);
    expect(table.termOf('ABCDEFGHIJKLM')).toBe('abcdefghijklmß');
  });

  it('analyses a text of over a million characters, and the texts after it, alike', () => {
    const table = new TermTable((w) => w.toLowerCase(), 1000);
    const big = Array.from({ length: 250_000 }, (_, i) => `Wort${i % 500}`).join(' ');
    expect(table.termsOf(big)).toBe(big.toLowerCase());
    expect(table.termsOf('Noch ein Text')).toBe('noch ein text');
  });

  it('gives one-byte and two-byte results alike (a term beyond Latin-1 anywhere in the text)', () => {
    const table = new TermTable((w) => w.toLowerCase(), 100);
    expect(table.termsOf('Grüße aus Köln')).toBe('grüße aus köln');
    expect(table.termsOf('Grüße aus Москва')).toBe('grüße aus москва');
    expect(table.termsOf('')).toBe('');
    expect(table.termsOf(' - ')).toBe('');
  });
});

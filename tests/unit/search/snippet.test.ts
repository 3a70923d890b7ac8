import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, hitMatcher, makeSnippet, type HitMatcher } from '../../../main/core/search-snippet.js';
import { termOf, WORD_RE, type StemLanguage } from '../../../main/core/search-text.js';
import { parseSearchQuery } from '../../../shared/search-query.js';

/**
 * What a snippet is, written the slow and obvious way with regular expressions: every word is
 * stemmed, the first hit is the first word whose term the matcher wants, the passage starts six
 * words before it (in a window of 160 code units, a word cut by the window not counting) and runs
 * for `words` words, hits marked, whitespace folded.
 */
function reference(text: string, language: StemLanguage, m: HitMatcher, words = 24): string {
  const isHit = (w: string) => {
    const term = termOf(w, language);
    return m.exact.has(term) || m.prefixes.some((p) => term.startsWith(p));
  };
  const hitAt = [...text.matchAll(WORD_RE)].find((w) => isHit(w[0]))?.index ?? -1;
  let startChar = 0;
  if (hitAt > 0) {
    const base = Math.max(0, hitAt - 160);
    const before = [...text.slice(base, hitAt).matchAll(WORD_RE)];
    const usable = base > 0 ? before.slice(1) : before;
    const from = usable[Math.max(0, usable.length - 6)];
    startChar = from ? base + from.index : hitAt;
  }
  let out = '';
  let pos = startChar;
  let count = 0;
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = startChar;
  for (let w = re.exec(text); w && count < words; w = re.exec(text), count++) {
    out += text.slice(pos, w.index) + (isHit(w[0]) ? `${HIT_START}${w[0]}${HIT_END}` : w[0]);
    pos = w.index + w[0].length;
  }
  if (count === 0) return '';
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(pos))?.[0] ?? '';
  const after = /\S/.test(text.slice(pos + tail.length)) ? '…' : '';
  return `${startChar > 0 ? '…' : ''}${(out + tail).replace(/\s+/g, ' ').trim()}${after}`;
}

// Spellings the folding joins (ä/ae, ß/ss/ẞ, accents, capitals), stems (Rechenzentren/-um), words
// that only begin like a hit, and what lies outside plain Latin: a combining mark, a mathematical
// letter and an emoji outside the BMP, a lone surrogate; long words, so that six words back may not
// fit the look-back window.
const WORDS = [
  'Südkorea', 'Suedkorea', 'SÜDKOREA', 'sudkoreanisch', 'Straße', 'STRASSE', 'Strasse', 'STRAẞE', 'Strassenbahn',
  'Rechenzentren', 'Rechenzentrum', 'rechnen', 'Café', 'CAFE', 'cafe\u0301', 'Kakao', 'Kakaobohnen', 'kak',
  'Europäische', 'europaeische', 'Zentralbank', 'central', 'banks', 'cries', 'cry', 'die', 'der', 'Bank',
  '\u{1d538}bc', 'x\u{1d538}', '😀', '\ud800', '\u0301', 'Øre', 'ørsted', '2025', 'Ärger', 'Aerger',
  'Donaudampfschifffahrtsgesellschaftskapitänsmütze', 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung',
];
const SEPARATORS = ['', ' ', ' ', ' ', '\n', '\n\n', ', ', '. ', ' – ', '\u00a0', '-', '’', ' „', '“ ', '(', ') '];
const QUERIES = ['Südkorea', 'Sudkorea', 'strasse', 'Rechenzentrum', 'Kakao*', 'kak*', '"Europäische Zentralbank"', 'cafe OR Ärger', 'cry', 'die', '2025', '\u{1d538}bc', 'x\u{1d538}*', 'Bank NOT Zentralbank', 'ørsted', 'øre'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 120 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const language = fc.constantFrom<StemLanguage>('de', 'en', null);

describe('makeSnippet', () => {
  it('cuts the same passage and marks the same words as the definition, for any text and query', () => {
    fc.assert(
      fc.property(text, language, fc.constantFrom(...QUERIES), fc.boolean(), (t, lang, query, implicitPrefix) => {
        const m = hitMatcher(parseSearchQuery(query).node, implicitPrefix);
        expect(makeSnippet(t, lang, m)).toBe(reference(t, lang, m));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('agrees with the definition for matchers of prefixes only and for longer note snippets', () => {
    const prefixes = fc.array(fc.constantFrom(...WORDS).map((w) => termOf(w, null).slice(0, 4)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(text, language, prefixes, (t, lang, p) => {
        const m: HitMatcher = { exact: new Set(), prefixes: p };
        expect(makeSnippet(t, lang, m, 40)).toBe(reference(t, lang, m, 40));
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('finds a hit however it is spelt and starts six words before it', () => {
    const m = hitMatcher(parseSearchQuery('Sudkorea').node);
    const t = 'Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn: SUEDKOREA meldet, dass Südkorea wächst.';
    const s = makeSnippet(t, 'de', m);
    expect(s).toBe(`…neun zehn elf zwölf dreizehn vierzehn: ${HIT_START}SUEDKOREA${HIT_END} meldet, dass ${HIT_START}Südkorea${HIT_END} wächst.`);
  });

  it('does not start with a word cut by the look-back window', () => {
    const m = hitMatcher(parseSearchQuery('Sudkorea').node);
    const long = 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung';
    const mid = 'Donaudampfschifffahrtsgesellschaftskapitänsmütze';
    // 186 code units before the hit: the window of 160 begins inside the first word.
    const s = makeSnippet(`${long} ${mid} ${long} und Südkorea.`, 'de', m);
    expect(s).toBe(`…${mid} ${long} und ${HIT_START}Südkorea${HIT_END}.`);
  });

  it('marks a word that only begins like a hit not at all, and one inside a word never', () => {
    const m = hitMatcher(parseSearchQuery('Kakao').node);
    expect(makeSnippet('Kakaobohnen und Kakao, Trinkkakao.', 'de', m)).toBe(`Kakaobohnen und ${HIT_START}Kakao${HIT_END}, Trinkkakao.`);
  });
});

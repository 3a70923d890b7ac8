import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, functionWordCounts, quickGermanOrEnglish } from '../../../main/core/language.js';

const GERMAN = 'der die das und ist nicht mit von den dem des zu sich auch ein eine einer auf für wird wurde sind sagte dass bei nach über'.split(' ');
const ENGLISH = 'the and of to is that for with was on are by from said has have it this which were would been'.split(' ');

/** The definition: every `\p{L}+` word of the first 1,500 characters, lower-cased, counted. */
function reference(text: string): { de: number; en: number } {
  let de = 0;
  let en = 0;
  for (const w of text.slice(0, 1500).toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (GERMAN.includes(w)) de++;
    else if (ENGLISH.includes(w)) en++;
  }
  return { de, en };
}

describe('language detection', () => {
  it('tells German and English wire copy apart by their function words', () => {
    const de = 'Die Regierung hat am Montag in Berlin mitgeteilt, dass der Haushalt für das kommende Jahr nicht mehr mit neuen Schulden auskommen wird. Ein Sprecher sagte, die Zahlen seien auf dem Stand von Oktober. '.repeat(2);
    const en = 'The government said on Monday that the budget for next year would be balanced. A spokesman said the figures were from October and that it was too early to say which of the plans has priority. '.repeat(2);
    expect(quickGermanOrEnglish(de)).toBe('de');
    expect(detectLanguage(de)).toBe('de');
    expect(quickGermanOrEnglish(en)).toBe('en');
    expect(detectLanguage(en)).toBe('en');
  });

  it('counts function words in capitals, next to digits and punctuation, and only within the first 1,500 characters', () => {
    const capitals = 'DER DIE DAS UND IST NICHT MIT VON DEN DEM DES ZU';
    expect(quickGermanOrEnglish(capitals)).toBe('de');
    expect(quickGermanOrEnglish('2der 3die das4 und, ist; nicht. mit-von den/dem des(zu)')).toBe('de');
    // Inside longer words they are not function words.
    expect(quickGermanOrEnglish('Derby Dieter Dasein Undine Isthmus Nichten Mitte Vonne Denker Demut Desktop Zucker')).toBeNull();
    expect(quickGermanOrEnglish(`${'x'.repeat(1500)} ${capitals}`)).toBeNull();
    // A letter outside the BMP belongs to its word, unless the cut at 1,500 halves it.
    expect(functionWordCounts('der\u{1d538} die')).toEqual({ de: 1, en: 0 });
    expect(functionWordCounts(`${'x'.repeat(1495)} der\u{1d538}`)).toEqual({ de: 1, en: 0 });
    // A text without a clear majority is left to the trigram model.
    expect(quickGermanOrEnglish('der die das und ist nicht the and of to is that')).toBeNull();
  });

  it('counts as the definition does on any text, surrogate pairs, the dotted capital I and the 1,500-character cut included', () => {
    const units = [...GERMAN, ...ENGLISH, 'DER', 'Über', 'THE', 'Bank', 'x', ' ', ' ', '.', '\n', '7', '-', '\u0301', 'İ', 'ß', '\u{1d538}', '\ud835', '😀', 'ж'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 120 }), fc.nat(1500), (parts, pad) => {
        const text = parts.join('');
        expect(functionWordCounts(text)).toEqual(reference(text));
        // The same text moved towards the cut, so that words and pairs are cut at 1,500.
        const shifted = 'x '.repeat(Math.floor(pad / 2)) + (pad % 2 === 1 ? ' ' : '') + text;
        expect(functionWordCounts(shifted)).toEqual(reference(shifted));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

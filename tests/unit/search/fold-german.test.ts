import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldGerman } from '../../../main/core/search-text.js';

/** The definition: umlauts and ß, then the ae/oe/ue spellings, one global replacement after the other. */
function reference(word: string): string {
  return word
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/(?<!q)ue/g, 'u');
}

describe('foldGerman', () => {
  it('folds umlauts, ß and their two-letter spellings, and keeps the u-e after q', () => {
    expect(['Größe', 'groesse', 'straße', 'strasse', 'müller', 'mueller', 'quelle', 'bauern', 'äe', 'qüe', 'aee', 'tür'].map(foldGerman)).toEqual(['Grosse', 'grosse', 'strasse', 'strasse', 'muller', 'muller', 'quelle', 'baurn', 'a', 'que', 'ae', 'tur']);
  });

  it('is the seven replacements in their order, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'o', 'u', 'e', 'q', 'ä', 'ö', 'ü', 'ß', 's', 'x', 'Ä', 'é'), maxLength: 16 }), (word) => {
        expect(foldGerman(word)).toBe(reference(word));
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});

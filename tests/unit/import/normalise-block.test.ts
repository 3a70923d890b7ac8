import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseBlockText, normaliseEveryPass as reference } from '../../../shared/text-builder.js';

const UNITS = ['a', 'Ä', 'ß', ' ', '  ', '\n', '\r', '\r\n', '\t', '\u00a0', '\f', '\v', '\u2003', '\u3000', '\ufeff', '\u2028', '.', '–'];

describe('normaliseBlockText', () => {
  it('returns a block that is normal already as it is, and normalises the others', () => {
    expect(normaliseBlockText('Die Stadtwerke heben die Preise an.')).toBe('Die Stadtwerke heben die Preise an.');
    expect(normaliseBlockText(' Die\tStadtwerke  heben\r\n\r\ndie Preise\u00a0an. ')).toBe('Die Stadtwerke heben\ndie Preise an.');
    expect(normaliseBlockText('Preise\u2003')).toBe('Preise');
  });

  it('agrees with every pass applied, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 40 }), (raw) => {
        expect(normaliseBlockText(raw)).toBe(reference(raw));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

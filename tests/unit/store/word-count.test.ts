import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, type Block } from '../../../shared/article.js';

/** The definition, as a regular expression over each public block's text. */
function reference(text: string, blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    n += (text.slice(b.start, b.end).match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu) ?? []).length;
  }
  return n;
}

const UNITS = ['a', 'Z', 'ä', 'ß', '7', '٣', '\u0301', '\u{1d538}', '😀', '\ud800', '\udc00', ' ', '\n', '-', "'", '’', '.', ',', ';', '--', 'ж'];

describe('countWords', () => {
  it('counts what the word expression matches in headings and paragraphs only', () => {
    expect(countWords('E-Mail an 3,5 Mio. Leser’innen', [{ kind: 'paragraph', start: 0, end: 30 }])).toBe(5);
    const text = 'Titel hier\n\nText eins.\n\nAnna Beispiel';
    expect(countWords(text, [{ kind: 'heading', start: 0, end: 10 }, { kind: 'paragraph', start: 12, end: 22 }, { kind: 'credits', start: 24, end: 37 }])).toBe(4);
  });

  it('agrees with the expression on any text and any block boundaries, surrogate pairs cut by a boundary included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.constantFrom<Block['kind']>('paragraph', 'heading', 'credits'), { minLength: 7, maxLength: 7 }), (text, cuts, kinds) => {
        const points = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
        const blocks: Block[] = points.slice(1).map((end, i) => ({ kind: kinds[i] as Block['kind'], start: points[i] as number, end }));
        expect(countWords(text, blocks)).toBe(reference(text, blocks));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

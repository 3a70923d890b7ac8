import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicText, type Block } from '../../../shared/article.js';

/** The definition: the headings and paragraphs, each cut from the text, joined by a blank line. */
function reference(text: string, blocks: readonly Block[]): string {
  return blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'heading')
    .map((b) => text.slice(b.start, b.end))
    .join('\n\n');
}

const KINDS: Block['kind'][] = ['paragraph', 'heading', 'credits', 'notice', 'nonpublic'];

describe('publicText', () => {
  it('leaves out credits, notices and non-public blocks, also between public ones', () => {
    const text = 'Sperrfrist 12 Uhr\n\nTitel\n\nAbsatz eins.\n\nNur intern: Quelle Q.\n\nAbsatz zwei.\n\nAnna Beispiel';
    const blocks: Block[] = [
      { kind: 'notice', start: 0, end: 17 },
      { kind: 'heading', start: 19, end: 24 },
      { kind: 'paragraph', start: 26, end: 38 },
      { kind: 'nonpublic', start: 40, end: 61 },
      { kind: 'paragraph', start: 63, end: 75 },
      { kind: 'credits', start: 77, end: 90 },
    ];
    expect(publicText(text, blocks)).toBe('Titel\n\nAbsatz eins.\n\nAbsatz zwei.');
  });

  it('agrees with the definition for any blocks and any separators between them, empty blocks included', () => {
    const block = fc.tuple(fc.constantFrom(...KINDS), fc.string({ unit: fc.constantFrom('a', 'ß', ' ', '\n', '😀'), maxLength: 8 }), fc.constantFrom('\n\n', '\n\n', '\n', ' ', '', '\n\n\n', '\n \n'));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 10 }), (parts) => {
        let text = '';
        const blocks: Block[] = [];
        for (const [kind, body, separator] of parts) {
          blocks.push({ kind, start: text.length, end: text.length + body.length });
          text += body + separator;
        }
        expect(publicText(text, blocks)).toBe(reference(text, blocks));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});


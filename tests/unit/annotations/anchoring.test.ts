import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, CONTEXT_LENGTH, describe, findQuote, levenshtein } from '../../../shared/anchoring.js';

suite('describe', () => {
  it('keeps the passage, 32 characters of context each side and the offsets', () => {
    const text = `${'a'.repeat(40)}PASSAGE${'b'.repeat(40)}`;
    const s = describe(text, 40, 47);
    expect(s).toEqual({ quote: { exact: 'PASSAGE', prefix: 'a'.repeat(CONTEXT_LENGTH), suffix: 'b'.repeat(CONTEXT_LENGTH) }, position: { start: 40, end: 47 } });
  });

  it('stops the context at the given bounds and at the text edges', () => {
    const text = 'privat\n\nöffentlich Satz hier\n\ngeheim';
    const start = text.indexOf('Satz');
    const s = describe(text, start, start + 4, { min: 8, max: text.indexOf('\n\ngeheim') });
    expect(s.quote).toEqual({ exact: 'Satz', prefix: 'öffentlich ', suffix: ' hier' });
    expect(describe('abc', 0, 3).quote).toEqual({ exact: 'abc', prefix: '', suffix: '' });
  });

  it('refuses empty or out-of-range passages', () => {
    expect(() => describe('abc', 2, 2)).toThrow(RangeError);
    expect(() => describe('abc', -1, 2)).toThrow(RangeError);
    expect(() => describe('abc', 1, 4)).toThrow(RangeError);
  });
});

suite('anchor', () => {
  it('returns null for an empty quote and never throws on odd selectors', () => {
    expect(anchor('text', { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } })).toBeNull();
    expect(anchor('', { quote: { exact: 'abc', prefix: '', suffix: '' }, position: { start: 5, end: 8 } })).toBeNull();
    expect(anchor('xx abc', { quote: { exact: 'abc', prefix: '', suffix: '' }, position: { start: -3, end: 99 } })).toMatchObject({ start: 3, method: 'exact' });
  });

  it('does not fuzzy-match very short quotes', () => {
    expect(anchor('Das ist ein To.', { quote: { exact: 'Tor', prefix: 'Das ist ein ', suffix: '.' }, position: { start: 12, end: 15 } })).toBeNull();
    expect(anchor('Das ist ein Tes.', { quote: { exact: 'Test', prefix: 'Das ist ein ', suffix: '.' }, position: { start: 12, end: 16 } })).toMatchObject({ method: 'fuzzy' });
  });

  it('property: on an unchanged text every passage is found at its position', () => {
    fc.assert(
      fc.property(
        // A small alphabet makes repeated passages and contexts likely: position must still win.
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ä', '\n', '„'), minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (text, x, y) => {
          const start = x % text.length;
          const end = start + 1 + (y % (text.length - start));
          const found = anchor(text, describe(text, start, end));
          expect(found).toEqual({ start, end, method: 'position', score: 1 });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: text inserted before a unique passage moves it by exactly that length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }),
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        fc.string({ minLength: 1, maxLength: 120 }),
        (words, pick, len, inserted) => {
          // Every word is unique, so every passage and context is too.
          const text = Array.from({ length: words }, (_, i) => `wort${i}`).join(' ');
          const tokens = text.split(' ');
          const first = pick % (tokens.length - len);
          const start = tokens.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
          const end = start + tokens.slice(first, first + len).join(' ').length;
          const edited = inserted + text;
          const found = anchor(edited, describe(text, start, end));
          expect(found).toMatchObject({ start: start + inserted.length, end: end + inserted.length });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('anchorAll carries the shift of one passage to the next', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Satz ${i} endet hier.`).join(' ');
    const list = [10, 50, 90, 130].map((n) => {
      const s = text.indexOf(`Satz ${n} `);
      return describe(text, s, s + `Satz ${n} endet`.length);
    });
    const edited = `Neuer Vorspann. ${text.replace('Satz 90 endet', 'Satz 90 ended')}`;
    const found = anchorAll(edited, list);
    expect(found.map((f) => f?.method)).toEqual(['exact', 'exact', 'fuzzy', 'exact']);
    expect(edited.slice(found[2]!.start, found[2]!.end)).toBe('Satz 90 ended');
  });
});

suite('findQuote', () => {
  const text = 'Die Stadtwerke kündigten an, Härtefälle zu prüfen. Die Stadtwerke kündigten an, Ratenzahlungen\nzu ermöglichen.';

  it('finds every occurrence, matching whitespace loosely', () => {
    expect(findQuote(text, 'Die Stadtwerke kündigten an')).toHaveLength(2);
    expect(findQuote(text, 'Ratenzahlungen zu ermöglichen')).toEqual([{ start: text.indexOf('Ratenzahlungen'), end: text.length - 1 }]);
    expect(findQuote(text, 'nicht da')).toEqual([]);
    expect(findQuote(text, '   ')).toEqual([]);
  });

  it('tells occurrences apart by the text right before or after', () => {
    const second = text.lastIndexOf('Die Stadtwerke');
    expect(findQuote(text, 'Die Stadtwerke kündigten an', { prefix: 'zu prüfen.' })).toEqual([{ start: second, end: second + 27 }]);
    expect(findQuote(text, 'Die Stadtwerke kündigten an', { suffix: ', Härtefälle' })).toEqual([{ start: 0, end: 27 }]);
    expect(findQuote(text, 'Die Stadtwerke kündigten an', { suffix: ', Ratenzahlungen' })).toHaveLength(1);
    expect(findQuote(text, 'Die Stadtwerke kündigten an', { prefix: 'gibt es nicht' })).toEqual([]);
  });

  it('treats regex characters literally', () => {
    expect(findQuote('a (b) [c] *d* $e', '(b) [c] *d*')).toHaveLength(1);
  });
});

suite('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('gleich', 'gleich')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/article.js';
import { annotatableRange, segmentRange, type Mark } from '../../../renderer/src/features/annotations/segments.js';

const mark = (id: string, start: number, end: number, type: Mark['type'] = 'claim'): Mark => ({ id, type, start, end });

describe('segmentRange', () => {
  it('returns the whole range as one plain run without marks', () => {
    expect(segmentRange(0, 10, [])).toEqual([{ start: 0, end: 10, marks: [], starts: [] }]);
  });

  it('splits at the boundaries of one mark', () => {
    const m = mark('a', 3, 6);
    expect(segmentRange(0, 10, [m])).toEqual([
      { start: 0, end: 3, marks: [], starts: [] },
      { start: 3, end: 6, marks: [m], starts: ['a'] },
      { start: 6, end: 10, marks: [], starts: [] },
    ]);
  });

  it('gives overlapping marks combined runs, outermost first, with every id', () => {
    const a = mark('a', 2, 8, 'quote');
    const b = mark('b', 5, 12, 'figure');
    const runs = segmentRange(0, 12, [b, a]);
    expect(runs.map((r) => [r.start, r.end, r.marks.map((m) => m.id), r.starts])).toEqual([
      [0, 2, [], []],
      [2, 5, ['a'], ['a']],
      [5, 8, ['a', 'b'], ['b']],
      [8, 12, ['b'], []],
    ]);
  });

  it('nests a mark inside a longer one that starts at the same place', () => {
    const outer = mark('outer', 0, 10);
    const inner = mark('inner', 0, 4, 'note');
    const runs = segmentRange(0, 10, [inner, outer]);
    expect(runs[0]).toEqual({ start: 0, end: 4, marks: [outer, inner], starts: ['outer', 'inner'] });
    expect(runs[1]).toEqual({ start: 4, end: 10, marks: [outer], starts: [] });
  });

  it('clips marks to the range (a block) and covers it exactly once', () => {
    const runs = segmentRange(10, 20, [mark('a', 5, 12), mark('b', 18, 30), mark('c', 25, 40)]);
    expect(runs.map((r) => [r.start, r.end, r.starts])).toEqual([
      [10, 12, []],
      [12, 18, []],
      [18, 20, ['b']],
    ]);
    expect(runs.reduce((n, r) => n + (r.end - r.start), 0)).toBe(10);
  });

  it('returns nothing for an empty range and ignores empty marks', () => {
    expect(segmentRange(5, 5, [mark('a', 0, 10)])).toEqual([]);
    expect(segmentRange(0, 4, [mark('a', 2, 2)])).toEqual([{ start: 0, end: 4, marks: [], starts: [] }]);
  });
});

describe('annotatableRange', () => {
  //           0         1         2         3
  //           0123456789012345678901234567890123456
  const text = 'Erster Satz.\n\nGeheim!\n\nZweiter Satz. ';
  const blocks: Block[] = [
    { kind: 'paragraph', start: 0, end: 12 },
    { kind: 'nonpublic', start: 14, end: 21 },
    { kind: 'paragraph', start: 23, end: 36 },
  ];

  it('orders the two ends and trims whitespace', () => {
    expect(annotatableRange(text, blocks, 12, 0)).toEqual({ start: 0, end: 12 });
    expect(annotatableRange(text, blocks, 23, 37)).toEqual({ start: 23, end: 36 });
  });

  it('is null for a missing end, an empty range or only whitespace', () => {
    expect(annotatableRange(text, blocks, null, 5)).toBeNull();
    expect(annotatableRange(text, blocks, 5, 5)).toBeNull();
    expect(annotatableRange(text, blocks, 12, 14)).toBeNull();
  });

  it('cuts a range at a non-public block, keeping the part before it', () => {
    expect(annotatableRange(text, blocks, 7, 30)).toEqual({ start: 7, end: 12 });
  });

  it('keeps the part after a non-public block when the range starts inside it', () => {
    expect(annotatableRange(text, blocks, 16, 30)).toEqual({ start: 23, end: 30 });
  });

  it('is null inside a non-public block', () => {
    expect(annotatableRange(text, blocks, 15, 20)).toBeNull();
  });

  it('clamps to the text', () => {
    expect(annotatableRange(text, blocks, -4, 6)).toEqual({ start: 0, end: 6 });
  });
});

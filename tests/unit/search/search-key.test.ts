import { describe, expect, it } from 'vitest';
import { ARTICLE_ID_BITS, dateOrdinal, searchKey } from '../../../main/core/search-index.js';

describe('search keys', () => {
  it('orders by the date parts given, missing parts counting as 0, and the hour when there is one', () => {
    expect(dateOrdinal('2025')).toBe(((2025 * 13 + 0) * 32 + 0) * 25);
    expect(dateOrdinal('2025-02')).toBe(((2025 * 13 + 2) * 32 + 0) * 25);
    expect(dateOrdinal('2025-02-14')).toBe(((2025 * 13 + 2) * 32 + 14) * 25);
    expect(dateOrdinal('2025-02-14T08:15:00Z')).toBe(((2025 * 13 + 2) * 32 + 14) * 25 + 9);
    expect(dateOrdinal('2025-02-14 00:30')).toBe(((2025 * 13 + 2) * 32 + 14) * 25 + 1);
    const ordered = ['2024-12-31T23:59', '2025', '2025-02', '2025-02-01', '2025-02-14', '2025-02-14T00:00', '2025-02-14T23:00', '2025-03'];
    expect(ordered.map(dateOrdinal)).toEqual([...ordered.map(dateOrdinal)].sort((a, b) => a - b));
    expect(new Set(ordered.map(dateOrdinal)).size).toBe(ordered.length);
  });

  it('puts undated and unreadable dates last (0), and the article id in the low bits', () => {
    expect(dateOrdinal(null)).toBe(0);
    expect(dateOrdinal('Februar 2025')).toBe(0);
    expect(searchKey('2025-02-14', 7)).toBe(dateOrdinal('2025-02-14') * 2 ** ARTICLE_ID_BITS + 7);
    expect(searchKey(null, 7)).toBe(7);
    expect(() => searchKey('2025', 2 ** ARTICLE_ID_BITS)).toThrow(/exceeds/);
  });
});

import { describe, expect, it } from 'vitest';
import { agencyLine, datePartsOf } from '../../../shared/agency-line.js';

describe('agency line', () => {
  it.each([
    ['2025-02', 'de', 'Quelle: Reuters, Februar 2025'],
    ['2014-08-29', 'de', 'Quelle: Reuters, 29.08.2014'],
    ['2025', 'de', 'Quelle: Reuters, 2025'],
    ['2014-08-29T10:15:00Z', 'de', 'Quelle: Reuters, 29.08.2014'],
    [null, 'de', 'Quelle: Reuters'],
    ['2025-02', 'en', 'Source: Reuters, February 2025'],
    ['2014-08-29', 'en', 'Source: Reuters, 29 Aug 2014'],
    ['2025', 'en', 'Source: Reuters, 2025'],
    [null, 'en', 'Source: Reuters'],
  ] as const)('%s (%s)', (date, lang, expected) => {
    expect(agencyLine({ source: 'Reuters', date }, lang)).toBe(expected);
  });

  it('takes date parts, and falls back to the outlet or file name without an agency', () => {
    expect(agencyLine({ source: 'AFP', date: [2014, 8, 29] }, 'de')).toBe('Quelle: AFP, 29.08.2014');
    expect(agencyLine({ source: null, fallback: 'notiz.md', date: '2025-03' }, 'de')).toBe('Quelle: notiz.md, März 2025');
    expect(agencyLine({ source: '  ', fallback: 'derStandard', date: null }, 'en')).toBe('Source: derStandard');
  });

  it('reads ISO dates with their precision only', () => {
    expect(datePartsOf('2025')).toEqual([2025]);
    expect(datePartsOf('2025-02')).toEqual([2025, 2]);
    expect(datePartsOf('2014-08-29')).toEqual([2014, 8, 29]);
    expect(datePartsOf('gestern')).toBeNull();
    expect(datePartsOf(null)).toBeNull();
  });
});

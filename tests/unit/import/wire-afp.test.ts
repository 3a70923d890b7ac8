import { describe, expect, it } from 'vitest';
import { headingsOf } from '../../../shared/article.js';
import { kindsOf, parseFixture, textsOf } from './wire-test-helpers.js';

describe('parseWire: AFP English', () => {
  const a = parseFixture('afp-en.txt');

  it('takes the date from the dateline and keeps the place as printed', () => {
    expect(a.agency).toBe('AFP');
    expect(a.published).toBe('2021-03-03');
    expect(a.dateline).toEqual({ place: 'VELMORA', agency: 'AFP' });
    expect(a.datelineText).toBe('VELMORA, Mar 3, 2021 (AFP) - ');
    expect(a.title).toBe('Velmora court approves rescue plan for bus maker');
    expect(a.copyright).toBeNull();
    expect(a.versionMarkers).toEqual([]);
  });

  it('makes the desk initials a credits block without inventing names', () => {
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'paragraph', 'credits']);
    expect(textsOf(a, 'credits')).toEqual(['kl/jm/dv']);
    expect(a.credits).toEqual([]);
    expect(headingsOf(a.text, a.blocks)).toEqual([]);
  });
});

describe('parseWire: AFP German', () => {
  const a = parseFixture('afp-de.txt');

  it('reads "Ort (AFP) - " without a date', () => {
    expect(a.agency).toBe('AFP');
    expect(a.dateline).toEqual({ place: 'Lorvanne', agency: 'AFP' });
    expect(a.datelineText).toBe('Lorvanne (AFP) - ');
    expect(a.published).toBeNull();
    expect(a.title).toBe('Streit um Wasserrechte im Tal von Lorvanne');
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'credits']);
    expect(textsOf(a, 'credits')).toEqual(['ans/cha']);
  });
});

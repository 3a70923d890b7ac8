import { describe, expect, it } from 'vitest';
import { findFigures, parseNumber } from '../../../shared/proposals/figures.js';

const fig = (s: string, lang: 'de' | 'en' = 'de') => findFigures(s, 0, s.length, lang).map((f) => [f.text, f.figure.value]);

describe('figures', () => {
  it('reads amounts with digits or number words, scale words and units', () => {
    expect(fig('Ein 500 Milliarden Dollar schweres Projekt')).toEqual([['500 Milliarden Dollar', 5e11]]);
    expect(fig('umgerechnet knapp 1,5 Milliarden Euro')).toEqual([['umgerechnet knapp 1,5 Milliarden Euro', 1.5e9]]);
    expect(fig('zahlt jährlich drei Milliarden Dollar')).toEqual([['jährlich drei Milliarden Dollar', 3e9]]);
    expect(fig('im Volumen von bis zu 25 Milliarden Dollar')).toEqual([['bis zu 25 Milliarden Dollar', 25e9]]);
    expect(fig('17 Prozent, 3,5 Prozentpunkte und 8 %')).toEqual([['17 Prozent', 17], ['3,5 Prozentpunkte', 3.5], ['8 %', 8]]);
    expect(fig('107 Menschen, 15.000 Tonnen pro Jahr, 2 Mrd. Euro, eine Million Menschen')).toEqual([
      ['107 Menschen', 107],
      ['15.000 Tonnen pro Jahr', 15000],
      ['2 Mrd. Euro', 2e9],
      ['eine Million Menschen', 1e6],
    ]);
    expect(fig('$57 million, 43.5 million euros, 78 percent, US$1.2bn, €40m, a billion dollars', 'en')).toEqual([
      ['$57 million', 57e6],
      ['43.5 million euros', 43.5e6],
      ['78 percent', 78],
      ['US$1.2bn', 1.2e9],
      ['€40m', 40e6],
      ['a billion dollars', 1e9],
    ]);
  });

  it('ignores years, dates, bare numbers and words that only contain units', () => {
    expect(fig('Im Jahr 2025 am 25. Februar kamen 3 und Elfmeter, milliardenschwere Pläne, Europa, Dollarkurs')).toEqual([]);
    expect(fig('a people and an idea', 'en')).toEqual([]);
  });

  it('parses numbers by the language’s decimal mark', () => {
    expect(parseNumber('1,5', 'de')).toBe(1.5);
    expect(parseNumber('1.500', 'de')).toBe(1500);
    expect(parseNumber('1.5', 'en')).toBe(1.5);
    expect(parseNumber('1,500', 'en')).toBe(1500);
    expect(parseNumber('1.234.567,89', 'de')).toBe(1234567.89);
    expect(parseNumber('drei', 'de')).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { kindsOf, parseFixture, parseOk, textsOf } from './wire-test-helpers.js';

describe('parseWire: AP', () => {
  const a = parseFixture('ap.txt');

  it('reads the underscore dateline; the place keeps its printed region', () => {
    expect(a.agency).toBe('AP');
    expect(a.dateline).toEqual({ place: 'PUERTO ESMERIL, Argentina', agency: 'AP' });
    expect(a.datelineText).toBe('PUERTO ESMERIL, Argentina (AP) _ ');
    expect(a.title).toBe('Copper refiners in Puerto Esmeril weigh costly expansion');
  });

  it('reads the byline with its title line as one credits block, names in title case', () => {
    expect(textsOf(a, 'credits')[0]).toBe('By MARISOL QUIROGA-VENN\nAP Business Writer');
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Marisol Quiroga-Venn' },
      { role: 'contributor', name: 'Tobias Lindqvar' },
    ]);
  });

  it('makes the "contributed to this report" line credits and the copyright a notice', () => {
    expect(kindsOf(a)).toEqual(['credits', 'paragraph', 'paragraph', 'paragraph', 'credits', 'notice']);
    expect(a.copyright).toBe('Copyright 2022 The Associated Press. All rights reserved');
    expect(a.published).toBe('2022');
  });

  it('accepts a dash instead of the underscore and a byline without title line', () => {
    const b = parseOk(
      [
        'By Jorun Ellefsen',
        '',
        'HOLLOWAY BEND, Ore. (AP) -- A wildfire near Holloway Bend forced 300 residents to leave their homes on Sunday.',
        '',
        'Crews expected to contain the fire by Wednesday.',
      ].join('\n'),
    );
    expect(b.dateline).toEqual({ place: 'HOLLOWAY BEND, Ore.', agency: 'AP' });
    expect(b.datelineText).toBe('HOLLOWAY BEND, Ore. (AP) -- ');
    expect(b.credits).toEqual([{ role: 'reporter', name: 'Jorun Ellefsen' }]);
    expect(b.title).toBeNull();
    expect(kindsOf(b)).toEqual(['credits', 'paragraph', 'paragraph']);
  });
});

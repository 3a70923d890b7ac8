import { describe, expect, it } from 'vitest';
import { parseWire } from '../../../main/core/import/wire/index.js';
import { kindsOf, parseFixture, parseOk, textsOf } from './wire-test-helpers.js';

describe('parseWire: APA / derStandard', () => {
  const a = parseFixture('apa.txt');

  it('finds the en-dash dateline after the lead sentence and takes agency and date from the closing credit', () => {
    expect(a.agency).toBe('APA');
    expect(a.published).toBe('2016-04-03');
    expect(a.dateline).toEqual({ place: 'Grünbach', agency: 'APA' });
    expect(a.datelineText).toBe('Grünbach – ');
    expect(a.title).toBeNull();
  });

  it('splits the single line into lead, dateline paragraph and a credits block', () => {
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'credits']);
    const [lead, body] = textsOf(a, 'paragraph');
    expect(lead).toBe('Drei Menschen wurden leicht verletzt.');
    expect(body?.startsWith('Grünbach – Bei einem Brand')).toBe(true);
    expect(body?.endsWith('untersuchen.')).toBe(true);
    expect(textsOf(a, 'credits')).toEqual(['(APA/dpa, 3.4.2016)']);
    expect(a.credits).toEqual([]);
  });

  it('handles a dateline opening the paragraph and a credit on its own line', () => {
    const b = parseOk(['Wolfsau – Die Gemeinde Wolfsau bekommt eine neue Volksschule.', '', 'Baubeginn ist im Herbst.', '', '(APA, 20.10.2017)'].join('\n'));
    expect(b.dateline).toEqual({ place: 'Wolfsau', agency: 'APA' });
    expect(b.datelineText).toBe('Wolfsau – ');
    expect(b.published).toBe('2017-10-20');
    expect(kindsOf(b)).toEqual(['paragraph', 'paragraph', 'credits']);
  });

  it('splits a credit closing a one-paragraph story on the same line', () => {
    const b = parseOk('Wolfsau – Die Gemeinde Wolfsau bekommt eine Schule. (red, APA, 20.10.2017)');
    expect(b.datelineText).toBe('Wolfsau – ');
    expect(kindsOf(b)).toEqual(['paragraph', 'credits']);
    expect(textsOf(b, 'credits')).toEqual(['(red, APA, 20.10.2017)']);
  });

  it('does not take an en-dash dateline without an agency credit for a wire story', () => {
    expect(parseWire('Wolfsau – Die Gemeinde Wolfsau bekommt eine Schule.\n\nBaubeginn ist im Herbst.')).toBeNull();
  });
});

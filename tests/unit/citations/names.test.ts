import { describe, expect, it } from 'vitest';
import { invertedName, splitName } from '../../../main/core/citations/names.js';

describe('splitName', () => {
  it.each([
    ['Scot W. Stevenson', { given: 'Scot W.', family: 'Stevenson' }],
    ['Hyunjoo Jin', { given: 'Hyunjoo', family: 'Jin' }],
    ['Ursula von der Leyen', { given: 'Ursula', family: 'Leyen', 'non-dropping-particle': 'von der' }],
    ['Jörg van der Meer', { given: 'Jörg', family: 'Meer', 'non-dropping-particle': 'van der' }],
    ['Bashar al-Assad', { given: 'Bashar', family: 'al-Assad' }],
    ['Mohammed bin Salman', { given: 'Mohammed', family: 'Salman', 'non-dropping-particle': 'bin' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Stevenson, Scot W.', { given: 'Scot W.', family: 'Stevenson' }],
    ['van der Meer, Jörg', { given: 'Jörg', family: 'Meer', 'non-dropping-particle': 'van der' }],
    ['Madonna', { literal: 'Madonna' }],
    ['dpa-Redaktion Berlin', { literal: 'dpa-Redaktion Berlin' }],
    ['  Anna   Beispiel ', { given: 'Anna', family: 'Beispiel' }],
  ])('%s', (raw, expected) => {
    expect(splitName(raw)).toEqual(expected);
  });

  it('gives nothing for an empty name and inverts names for BibTeX/RIS', () => {
    expect(splitName('  ')).toBeNull();
    expect(invertedName({ given: 'Ursula', family: 'Leyen', 'non-dropping-particle': 'von der' })).toBe('von der Leyen, Ursula');
    expect(invertedName({ literal: 'Reuters' })).toBe('Reuters');
  });
});

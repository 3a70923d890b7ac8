import { describe, expect, it } from 'vitest';
import { headingsOf, publicText } from '../../../shared/article.js';
import { kindsOf, parseFixture, parseOk, textsOf } from './wire-test-helpers.js';

describe('parseWire: dpa', () => {
  const a = parseFixture('dpa.txt');

  it('reads kicker, headline and the "Von …, dpa" byline as author', () => {
    expect(a.kicker).toBe('Verkehr');
    expect(a.title).toBe('Neue Schwebebahn für Kleinmarschen: Bürger skeptisch');
    expect(a.credits).toEqual([{ role: 'author', name: 'Lena Hartwigsen' }]);
    expect(textsOf(a, 'credits')).toEqual(['Von Lena Hartwigsen, dpa']);
  });

  it('reads dateline, agency, copyright year', () => {
    expect(a.agency).toBe('dpa');
    expect(a.dateline).toEqual({ place: 'Kleinmarschen', agency: 'dpa' });
    expect(a.datelineText).toBe('Kleinmarschen (dpa) - ');
    expect(a.copyright).toBe('Copyright 2024, dpa (www.dpa.de). Alle Rechte vorbehalten');
    expect(a.published).toBe('2024');
    expect(a.url).toBeNull();
    expect(a.deskContacts).toEqual([]);
    expect(a.versionMarkers).toEqual([]);
  });

  it('keeps the teaser as a paragraph before the dateline paragraph', () => {
    const paragraphs = textsOf(a, 'paragraph');
    expect(paragraphs[0]?.startsWith('Die Stadt will den Nahverkehr')).toBe(true);
    expect(paragraphs[1]?.startsWith('Kleinmarschen (dpa) - ')).toBe(true);
  });

  it('finds sentence-case subheads, including questions', () => {
    expect(headingsOf(a.text, a.blocks)).toEqual(['Anwohner fürchten Lärm', 'Wer soll das bezahlen?']);
  });

  it('flags the non-public block and keeps the Notizblock as notices', () => {
    expect(kindsOf(a)).toEqual([
      'credits',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'notice',
      'nonpublic',
      'nonpublic',
      'notice',
      'notice',
      'notice',
    ]);
    const nonpublic = textsOf(a, 'nonpublic').join('\n');
    expect(nonpublic).toContain('maren.tollefsen@mail.example');
    // Private contact data never reaches the public text.
    expect(publicText(a.text, a.blocks)).not.toContain('Tollefsen, privat');
    expect(textsOf(a, 'notice')).toContain('Notizblock');
  });

  it('flags a non-public block inside the Notizblock to the end', () => {
    const b = parseOk(
      [
        'Wetter',
        'Sturm über Hafenstedt',
        '',
        'Hafenstedt (dpa) - Ein Sturm hat in Hafenstedt mehrere Bäume umgeworfen.',
        '',
        'Notizblock',
        '',
        'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt',
        '',
        'Ansprechpartner Feuerwehr: Bernd Quast, mobil +49 151 0000000',
      ].join('\n'),
    );
    expect(kindsOf(b)).toEqual(['paragraph', 'notice', 'nonpublic', 'nonpublic']);
    expect(b.kicker).toBe('Wetter');
    expect(b.title).toBe('Sturm über Hafenstedt');
  });

  it('finds the non-public phrase in any case, also run on from a paragraph, and splits the paragraph where it starts', () => {
    const c = parseOk(
      [
        'Sturm über Hafenstedt',
        '',
        'Hafenstedt (dpa) - Ein Sturm hat in İzmir und Hafenstedt Bäume umgeworfen. DIE FOLGENDEN INFORMATIONEN SIND NICHT ZUR VERÖFFENTLICHUNG BESTIMMT: Bernd Quast, mobil +49 151 0000000',
      ].join('\n'),
    );
    expect(kindsOf(c)).toEqual(['paragraph', 'nonpublic']);
    expect(publicText(c.text, c.blocks)).toBe('Hafenstedt (dpa) - Ein Sturm hat in İzmir und Hafenstedt Bäume umgeworfen.');
    expect(textsOf(c, 'nonpublic')).toEqual(['DIE FOLGENDEN INFORMATIONEN SIND NICHT ZUR VERÖFFENTLICHUNG BESTIMMT: Bernd Quast, mobil +49 151 0000000']);
  });
});

describe('parseWire: dpa regional', () => {
  const a = parseFixture('dpa-regional.txt');

  it('keeps the agency dpa for a "(dpa/lno)" dateline and keeps the tag in datelineText', () => {
    expect(a.agency).toBe('dpa');
    expect(a.dateline).toEqual({ place: 'Hafenstedt', agency: 'dpa' });
    expect(a.datelineText).toBe('Hafenstedt (dpa/lno) - ');
    expect(a.title).toBe('Hafenstedter Leuchtturm wird saniert');
    expect(a.kicker).toBeNull();
    expect(a.credits).toEqual([]);
    expect(a.published).toBe('2023');
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'notice']);
  });
});

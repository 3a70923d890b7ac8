import { describe, expect, it } from 'vitest';
import { headingsOf } from '../../../shared/article.js';
import { kindsOf, parseFixture, parseOk, textsOf } from './wire-test-helpers.js';

describe('parseWire: Reuters German', () => {
  const a = parseFixture('reuters-de.txt');

  it('reads the header line: month precision, copyright without the link label, rights URL', () => {
    expect(a.agency).toBe('Reuters');
    expect(a.published).toBe('2024-11');
    expect(a.copyright).toBe('(c) Copyright Thomson Reuters 2024');
    expect(a.url).toBe('https://rights.example.com/reuters-terms.html');
  });

  it('leaves the headline to the caller when the delivery has none', () => {
    expect(a.title).toBeNull();
    expect(a.titleDerived).toBe(false);
    expect(a.kicker).toBeNull();
    expect(a.language).toBeNull();
  });

  it('keeps the dateline inside the first paragraph', () => {
    expect(a.dateline).toEqual({ place: 'Lindhafen', agency: 'Reuters' });
    expect(a.datelineText).toBe('Lindhafen (Reuters) - ');
    expect(textsOf(a, 'paragraph')[0]?.startsWith('Lindhafen (Reuters) - Der Fährbetreiber')).toBe(true);
  });

  it('turns all-caps lines into headings', () => {
    expect(headingsOf(a.text, a.blocks)).toEqual(['LADESTATIONEN IN ALLEN HÄFEN GEPLANT']);
  });

  it('reads the trailer into credits and desk contacts, as a credits block', () => {
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Jana Holmvik' },
      { role: 'reporter', name: 'Piet Ostergaard' },
      { role: 'contributor', name: 'Selma Rukavina' },
      { role: 'writer', name: 'Tobias Wendtland' },
      { role: 'editor', name: 'Carla M. Feddersen' },
    ]);
    expect(a.deskContacts).toEqual([
      { email: 'politik.desk@wire-newsroom.example', scope: 'Politik und Konjunktur' },
      { email: 'maerkte.desk@wire-newsroom.example', scope: 'Unternehmen und Märkte' },
    ]);
    const credits = textsOf(a, 'credits');
    expect(credits).toHaveLength(1);
    expect(credits[0]?.startsWith('(Bericht von Jana Holmvik')).toBe(true);
    expect(textsOf(a, 'paragraph').some((p) => p.includes('Bericht von'))).toBe(false);
  });

  it('keeps the header line as a notice block and orders all blocks as delivered', () => {
    expect(kindsOf(a)).toEqual(['notice', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'credits']);
    expect(textsOf(a, 'notice')[0]?.startsWith('date 2024-11 Quelle:')).toBe(true);
    expect(a.versionMarkers).toEqual([]);
  });
});

describe('parseWire: Reuters German variants', () => {
  const a = parseFixture('reuters-de-neufassung.txt');

  it('collects markers from the header, the headline prefix and the editor note', () => {
    expect(a.versionMarkers).toEqual(['Neufassung', 'KORREKTUR', 'Neufassung: ergänzt Stellungnahme des Verbraucherbunds in Absatz 4']);
    expect(a.title).toBe('Stadtwerke Kellbrück erhöhen Fernwärmepreise');
    expect(a.published).toBe('2024-03-14');
  });

  it('reads a dash-framed "von" byline, "Mitarbeit:", "Bearbeitet von" and a desk without a beat', () => {
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Petra Wendeler' },
      { role: 'contributor', name: 'Jonas Krell' },
      { role: 'editor', name: 'Ulla Brandtner' },
    ]);
    expect(a.deskContacts).toEqual([{ email: 'wirtschaft.desk@wire-newsroom.example', scope: null }]);
    expect(a.dateline).toEqual({ place: 'Kellbrück', agency: 'Reuters' });
    expect(kindsOf(a)).toEqual(['notice', 'notice', 'credits', 'paragraph', 'paragraph', 'paragraph', 'credits']);
  });

  it('reads "Von X" trailers, "geschrieben von" and "Redigiert von" separated by commas', () => {
    const b = parseOk(
      [
        'Berichtigung',
        '',
        'Tollstedt (Reuters) - Der Stadtrat von Tollstedt hat den Haushalt für 2025 beschlossen.',
        '',
        'Die Opposition stimmte dagegen.',
        '',
        '(Von Mira Sandholt, geschrieben von Lutz Obermeier, Redigiert von Hanne Klaasen; Bei Rückfragen wenden Sie sich an unsere Redaktion unter nord.desk@wire-newsroom.example (für Regionales).)',
      ].join('\n'),
    );
    expect(b.versionMarkers).toEqual(['Berichtigung']);
    expect(b.credits).toEqual([
      { role: 'reporter', name: 'Mira Sandholt' },
      { role: 'writer', name: 'Lutz Obermeier' },
      { role: 'editor', name: 'Hanne Klaasen' },
    ]);
    expect(b.deskContacts).toEqual([{ email: 'nord.desk@wire-newsroom.example', scope: 'Regionales' }]);
    expect(b.title).toBeNull();
    expect(kindsOf(b)).toEqual(['notice', 'paragraph', 'paragraph', 'credits']);
  });
});

describe('parseWire: Reuters English', () => {
  const a = parseFixture('reuters-en.txt');

  it('strips version prefixes from the headline and keeps them as markers', () => {
    expect(a.title).toBe('Harbour strike halts grain exports from Port Velmar');
    expect(a.versionMarkers).toEqual(['CORRECTED', 'UPDATE 2', 'Adds comments from port authority, detail on shipments']);
  });

  it('keeps the place as printed and takes the year from the copyright line', () => {
    expect(a.agency).toBe('Reuters');
    expect(a.dateline).toEqual({ place: 'PORT VELMAR', agency: 'Reuters' });
    expect(a.datelineText).toBe('PORT VELMAR (Reuters) - ');
    expect(a.published).toBe('2019');
    expect(a.copyright).toBe('(c) Copyright Thomson Reuters 2019');
    expect(a.url).toBe('https://rights.example.com/legal.html');
  });

  it('reads byline and trailer as reporters, contributors, writer and editors (a byline name is not repeated)', () => {
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Marta Quillon' },
      { role: 'reporter', name: 'Desmond Arkwright' },
      { role: 'contributor', name: 'Ines Carbrey' },
      { role: 'contributor', name: 'Kofi Asante-Brill' },
      { role: 'writer', name: 'Desmond Arkwright' },
      { role: 'editor', name: 'Harriet Vole' },
      { role: 'editor', name: 'Simon Brack' },
    ]);
    expect(a.deskContacts).toEqual([]);
  });

  it('makes the byline and the trailer credits blocks, the note and copyright notices', () => {
    expect(kindsOf(a)).toEqual(['notice', 'credits', 'paragraph', 'paragraph', 'paragraph', 'credits', 'notice']);
    expect(textsOf(a, 'credits')[0]).toBe('By Marta Quillon and Desmond Arkwright');
  });

  it('handles REFILE and "Reporting by X, editing by Y"', () => {
    const b = parseOk(
      [
        'REFILE-UPDATE 1-Dunmore council backs new bridge',
        '',
        'DUNMORE (Reuters) - Dunmore city council voted 9-4 on Tuesday to build a second river bridge.',
        '',
        '(Reporting by Ines Carbrey, editing by Paul Hensley-Ward)',
      ].join('\n'),
    );
    expect(b.title).toBe('Dunmore council backs new bridge');
    expect(b.versionMarkers).toEqual(['REFILE', 'UPDATE 1']);
    expect(b.credits).toEqual([
      { role: 'reporter', name: 'Ines Carbrey' },
      { role: 'editor', name: 'Paul Hensley-Ward' },
    ]);
    expect(b.published).toBeNull();
    expect(kindsOf(b)).toEqual(['paragraph', 'credits']);
  });

  it('drops a yearless date from the dateline place and reads a desk line outside parentheses', () => {
    const b = parseOk(
      [
        'By Reuters Staff',
        '',
        'SELBURY, May 2 (Reuters) - Selbury Water said on Friday it would raise prices by 4 percent.',
        '',
        '(Editing by Paul Hensley-Ward)',
        '',
        'Bei Rückfragen wenden Sie sich an unsere Redaktion unter wirtschaft.desk@wire-newsroom.example (für Unternehmen und Märkte).',
      ].join('\n'),
    );
    expect(b.dateline).toEqual({ place: 'SELBURY', agency: 'Reuters' });
    expect(b.datelineText).toBe('SELBURY, May 2 (Reuters) - ');
    expect(b.published).toBeNull();
    expect(b.credits).toEqual([{ role: 'editor', name: 'Paul Hensley-Ward' }]);
    expect(b.deskContacts).toEqual([{ email: 'wirtschaft.desk@wire-newsroom.example', scope: 'Unternehmen und Märkte' }]);
    expect(kindsOf(b)).toEqual(['credits', 'paragraph', 'credits', 'credits']);
  });
});

/**
 * The real third-party samples in ../shared/samples/articles (outside the project, never copied
 * into it). Skipped where they are not present. Headlines and subheads are compared with the
 * sample's own lines, so that no article text is written into the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingsOf, type ParsedArticle } from '../../../shared/article.js';
import { parseWire } from '../../../main/core/import/wire/index.js';
import { expectWellFormed, kindsOf, textsOf } from './wire-test-helpers.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/samples/articles');

function load(name: string): { raw: string; lines: string[]; a: ParsedArticle } {
  const raw = fs.readFileSync(path.join(dir, name), 'utf8');
  const a = parseWire(raw);
  if (!a) throw new Error(`${name}: not recognised as a wire story`);
  expectWellFormed(a);
  // Non-empty source lines, trimmed: what headline and subhead values are compared with.
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  return { raw, lines, a };
}

describe.skipIf(!fs.existsSync(dir))('parseWire on the real samples', () => {
  it('Reuters German: header, dateline, caps subhead, credits trailer, desks', () => {
    const { a } = load('reuters-de_altman-asien-stargate.txt');
    expect(a.agency).toBe('Reuters');
    expect(a.published).toBe('2025-02');
    expect(a.copyright).toBe('(c) Copyright Thomson Reuters 2025');
    expect(a.url).toBe('https://agency.reuters.com/en/copyright.html');
    expect(a.title).toBeNull();
    expect(a.titleDerived).toBe(false);
    expect(a.kicker).toBeNull();
    expect(a.language).toBeNull();
    expect(a.dateline).toEqual({ place: 'Seoul', agency: 'Reuters' });
    expect(a.datelineText).toBe('Seoul (Reuters) - ');
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Hyunjoo Jin' },
      { role: 'reporter', name: 'Jack Kim' },
      { role: 'contributor', name: 'Jeffrey Dastin' },
      { role: 'contributor', name: 'Sam Nussey' },
      { role: 'writer', name: 'Hakan Ersen' },
      { role: 'editor', name: 'Scot W. Stevenson' },
    ]);
    expect(a.deskContacts).toEqual([
      { email: 'berlin.newsroom@thomsonreuters.com', scope: 'Politik und Konjunktur' },
      { email: 'frankfurt.newsroom@thomsonreuters.com', scope: 'Unternehmen und Märkte' },
    ]);
    expect(headingsOf(a.text, a.blocks)).toEqual(['KI-FUNKTIONEN FÜR SÜDKOREANISCHE MESSENGER-APP']);
    expect(a.versionMarkers).toEqual([]);
    expect(kindsOf(a)).toEqual(['notice', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'credits']);
    expect(textsOf(a, 'paragraph').some((p) => p.includes('Bericht von'))).toBe(false);
    expect(textsOf(a, 'credits')[0]?.startsWith('(Bericht von Hyunjoo Jin')).toBe(true);
    expect(textsOf(a, 'paragraph')[0]?.startsWith('Seoul (Reuters) - ')).toBe(true);
  });

  it('Reuters English: headline, dateline, trailer, copyright year', () => {
    const { a, lines } = load('en_reuters_assad-warns-west_newsmlg2.txt');
    expect(a.title).toBe(lines[0]);
    expect(a.agency).toBe('Reuters');
    expect(a.published).toBe('2014');
    expect(a.copyright).toBe('(c) Copyright Thomson Reuters 2014');
    expect(a.url).toBe('http://about.reuters.com/fulllegal.asp');
    expect(a.dateline).toEqual({ place: 'BEIRUT', agency: 'Reuters' });
    expect(a.datelineText).toBe('BEIRUT (Reuters) - ');
    expect(a.credits).toEqual([
      { role: 'reporter', name: 'Tom Perry' },
      { role: 'editor', name: 'John Stonestreet' },
    ]);
    expect(a.deskContacts).toEqual([]);
    expect(a.versionMarkers).toEqual([]);
    expect(a.kicker).toBeNull();
    expect(headingsOf(a.text, a.blocks)).toEqual([]);
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'paragraph', 'credits', 'notice']);
    expect(textsOf(a, 'credits')).toEqual(['(Reporting by Tom Perry, editing by John Stonestreet)']);
  });

  it('dpa: kicker, headline, author byline, teaser, sentence-case subheads, Notizblock', () => {
    const { a, lines } = load('de_dpa_korr-bericht_deepseek-schock_digitalwires.txt');
    expect(a.kicker).toBe(lines[0]);
    expect(a.title).toBe(lines[1]);
    expect(a.agency).toBe('dpa');
    expect(a.published).toBe('2025');
    expect(a.copyright).toBe('Copyright 2025, dpa (www.dpa.de). Alle Rechte vorbehalten');
    expect(a.url).toBeNull();
    expect(a.dateline).toEqual({ place: 'New York', agency: 'dpa' });
    expect(a.datelineText).toBe('New York (dpa) - ');
    expect(a.credits).toEqual([{ role: 'author', name: 'Andrej Sokolow' }]);
    expect(a.deskContacts).toEqual([]);
    expect(a.versionMarkers).toEqual([]);
    expect(headingsOf(a.text, a.blocks)).toEqual([lines[6], lines[9], lines[12], lines[15], lines[17]]);
    expect(textsOf(a, 'credits')).toEqual(['Von Andrej Sokolow, dpa']);
    // Teaser first, then the dateline paragraph.
    expect(textsOf(a, 'paragraph')[0]).toBe(lines[3]);
    expect(textsOf(a, 'paragraph')[1]?.startsWith('New York (dpa) - ')).toBe(true);
    expect(kindsOf(a)).toEqual([
      'credits',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      ...Array<'notice'>(8).fill('notice'),
    ]);
    expect(textsOf(a, 'notice').slice(0, 2)).toEqual(['Copyright 2025, dpa (www.dpa.de). Alle Rechte vorbehalten', 'Notizblock']);
    expect(textsOf(a, 'nonpublic')).toEqual([]);
  });

  it('AFP: date from the dateline, desk initials as credits block', () => {
    const { a, lines } = load('en_afp_saab-nevs_newsml.txt');
    expect(a.title).toBe(lines[0]);
    expect(a.agency).toBe('AFP');
    expect(a.published).toBe('2014-08-29');
    expect(a.copyright).toBeNull();
    expect(a.url).toBeNull();
    expect(a.dateline).toEqual({ place: 'STOCKHOLM', agency: 'AFP' });
    expect(a.datelineText).toBe('STOCKHOLM, Aug 29, 2014 (AFP) - ');
    expect(a.credits).toEqual([]);
    expect(a.deskContacts).toEqual([]);
    expect(a.versionMarkers).toEqual([]);
    expect(a.kicker).toBeNull();
    expect(headingsOf(a.text, a.blocks)).toEqual([]);
    expect(kindsOf(a)).toEqual([...Array<'paragraph'>(9).fill('paragraph'), 'credits']);
    expect(textsOf(a, 'credits')).toEqual(['hh/ph/ts/hd']);
  });

  it('APA/derStandard: lead sentence, en-dash dateline, closing credit', () => {
    const { a, raw } = load('de_derstandard-apa_mekka-kran_10kgnad.txt');
    expect(a.title).toBeNull();
    expect(a.kicker).toBeNull();
    expect(a.agency).toBe('APA');
    expect(a.published).toBe('2015-09-12');
    expect(a.copyright).toBeNull();
    expect(a.url).toBeNull();
    expect(a.dateline).toEqual({ place: 'Riad', agency: 'APA' });
    expect(a.datelineText).toBe('Riad – ');
    expect(a.credits).toEqual([]);
    expect(a.deskContacts).toEqual([]);
    expect(a.versionMarkers).toEqual([]);
    expect(headingsOf(a.text, a.blocks)).toEqual([]);
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'credits']);
    expect(textsOf(a, 'credits')).toEqual(['(APA, 12.9.2015)']);
    const [lead, body] = textsOf(a, 'paragraph');
    // The lead is the source's text up to the dateline (whitespace normalised), the body starts with it.
    const datelineAt = raw.indexOf('Riad – ');
    expect(lead).toBe(raw.slice(0, datelineAt).replace(/\s+/g, ' ').trim());
    expect(body?.startsWith('Riad – ')).toBe(true);
    expect(body?.includes('(APA')).toBe(false);
  });
});

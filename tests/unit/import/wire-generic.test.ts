import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingsOf } from '../../../shared/article.js';
import { parseWire } from '../../../main/core/import/wire/index.js';
import { FIXTURE_DIR, expectWellFormed, kindsOf, parseFixture, parseOk, readFixture, textsOf } from './wire-test-helpers.js';

describe('parseWire: generic agency datelines', () => {
  it('reads a KNA dateline without a dash', () => {
    const a = parseFixture('kna.txt');
    expect(a.agency).toBe('KNA');
    expect(a.dateline).toEqual({ place: 'Hollental', agency: 'KNA' });
    expect(a.datelineText).toBe('Hollental (KNA) ');
    expect(a.title).toBe('Bistum Hollental eröffnet neues Bildungshaus');
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph']);
  });

  it.each([
    ['Ostheim (epd). Die Diakonie Ostheim eröffnet ein Pflegeheim.', 'epd', 'Ostheim', 'Ostheim (epd). '],
    ['Frankfurt a.M. (epd) - Die Landeskirche legt ihre Bilanz vor.', 'epd', 'Frankfurt a.M.', 'Frankfurt a.M. (epd) - '],
    ['Kornfeld (SID) - Der FC Kornfeld hat seinen Trainer entlassen.', 'SID', 'Kornfeld', 'Kornfeld (SID) - '],
    ['Lindau (dpa-AFX) - Die Lindauer Werft AG erhöht die Dividende.', 'dpa-AFX', 'Lindau', 'Lindau (dpa-AFX) - '],
    ['Wolfsau (APA) - Der Landtag tagt am Montag.', 'APA', 'Wolfsau', 'Wolfsau (APA) - '],
    ['OSLAND, June 4, 2020 (AFP) — Voters in Osland went to the polls.', 'AFP', 'OSLAND', 'OSLAND, June 4, 2020 (AFP) — '],
  ])('reads %j', (text, agency, place, datelineText) => {
    const a = parseOk(`${text}\n\nEin weiterer Absatz folgt hier.`);
    expect(a.agency).toBe(agency);
    expect(a.dateline).toEqual({ place, agency });
    expect(a.datelineText).toBe(datelineText);
    expect(a.title).toBeNull();
  });

  it('reads a German dateline date and a trailing agency credit', () => {
    const a = parseOk('Mühlbach, 2. Mai 2022 (AFP) - Die Feuerwehr Mühlbach meldet einen ruhigen Feiertag.\n\n(dpa)');
    expect(a.published).toBe('2022-05-02');
    expect(a.dateline).toEqual({ place: 'Mühlbach', agency: 'AFP' });
    expect(kindsOf(a)).toEqual(['paragraph', 'credits']);
  });
});

describe('parseWire: shape of the input', () => {
  it('gives the same result for CRLF line ends', () => {
    for (const name of ['reuters-de.txt', 'dpa.txt', 'ap.txt']) {
      const lf = parseWire(readFixture(name));
      const crlf = parseWire(readFixture(name).replace(/\n/g, '\r\n'));
      expect(crlf).toEqual(lf);
    }
  });

  it('treats single-newline lines as paragraphs when the delivery uses one line per paragraph', () => {
    const a = parseOk(
      [
        'Kornhafen erhält neuen Hafenmeister',
        'Kornhafen (dpa) - Der Hafen von Kornhafen hat einen neuen Hafenmeister.',
        'Er tritt sein Amt im Juli an.',
        'Sein Vorgänger geht nach 31 Jahren in den Ruhestand.',
      ].join('\n'),
    );
    expect(a.title).toBe('Kornhafen erhält neuen Hafenmeister');
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('joins a hard-wrapped paragraph into one block', () => {
    const a = parseOk(
      [
        'SELBURY (Reuters) - The city of Selbury said on Monday it would close',
        'three of its five public swimming pools over the winter months to save',
        'about 800,000 pounds in heating costs.',
        '',
        'The pools will reopen in April, a spokeswoman said.',
      ].join('\n'),
    );
    expect(kindsOf(a)).toEqual(['paragraph', 'paragraph']);
    expect(textsOf(a, 'paragraph')[0]).toBe(
      'SELBURY (Reuters) - The city of Selbury said on Monday it would close three of its five public swimming pools over the winter months to save about 800,000 pounds in heating costs.',
    );
  });

  it('does not make a short closing line a heading', () => {
    const a = parseOk('Kornhafen (dpa) - Der Hafen öffnet wieder.\n\nMehr folgt\n');
    expect(headingsOf(a.text, a.blocks)).toEqual([]);
  });

  it('parses every invented fixture into well-formed blocks', () => {
    const names = fs.readdirSync(FIXTURE_DIR).filter((n) => n.endsWith('.txt') && n !== 'plain-note.txt');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const a = parseWire(readFixture(name));
      expect(a, name).not.toBeNull();
      if (a) expectWellFormed(a);
    }
  });
});

describe('parseWire: not a wire story', () => {
  it.each([
    ['a research note', readFixture('plain-note.txt')],
    ['empty text', ''],
    ['only whitespace', '  \r\n\r\n\t '],
    ['markdown', '# Notizen\n\nEin Absatz ohne Agentur.\n\nNoch einer.'],
    ['a press release', 'Pressemitteilung\n\nBerlin, 12. März 2024 – Die Beispiel GmbH stellt ein Produkt vor.\n\nKontakt: presse@beispiel.example'],
    ['an article with a byline but no agency', 'By Jorun Ellefsen\n\nThe council met on Tuesday. It decided nothing.'],
    ['a copyright line of no agency', 'Copyright 2020 Max Muster\n\nEin Text.'],
    ['an agency named mid-sentence', 'Ein Text, der (dpa) erwähnt, aber keine Ortsmarke hat.'],
  ])('returns null for %s', (_label, text) => {
    expect(parseWire(text)).toBeNull();
  });
});

describe('parseWire: large and adversarial input', () => {
  const para =
    'Die Gemeinde Kleinmarschen hat am Dienstag beschlossen, die Brücke über den Fluss für 4,2 Millionen Euro zu sanieren, wie ein Sprecher mitteilte.';

  // A hang guard, not a speed target (speed is measured by `npm run bench`).
  it('parses a 5 MB story without a pathological slowdown', () => {
    const text =
      'Brücke wird saniert\n\nKleinmarschen (dpa) - ' +
      `${para}\n\n`.repeat(Math.ceil(5_000_000 / (para.length + 2))) +
      'Copyright 2024, dpa (www.dpa.de). Alle Rechte vorbehalten\n';
    expect(text.length).toBeGreaterThan(5_000_000);
    // Warm up the JIT on a small story so the measurement is the parse, not compilation.
    parseWire(text.slice(0, 200_000));
    const t0 = performance.now();
    const a = parseWire(text);
    const ms = performance.now() - t0;
    expect(a?.agency).toBe('dpa');
    expect(a?.blocks.at(-1)?.kind).toBe('notice');
    expect(ms).toBeLessThan(10_000);
  });

  it.each([
    ['one 5 MB line after a dateline', `Berlin (dpa) - ${'a'.repeat(5_000_000)}`],
    ['5 MB of parentheses', '('.repeat(5_000_000)],
    ['an endless e-mail domain', `(Bei Rückfragen x@${'a.'.repeat(2_500_000)})`],
    ['repeated en-dash datelines', `${'Riad – '.repeat(700_000)} (APA, 1.1.2015)`],
    ['an endless trailer', `Berlin (dpa) - Text.\n\n(${'Reporting by Ann Lee, '.repeat(220_000)})`],
    ['5 MB of spaces', `${' '.repeat(5_000_000)}x`],
    ['many all-caps lines', 'ABC DEF\n\n'.repeat(500_000)],
    ['many short lines', 'Zeile xxxxxxxxxxx\n'.repeat(280_000)],
  ])('stays linear on %s', (_label, text) => {
    const t0 = performance.now();
    parseWire(text);
    // Catastrophic backtracking would take minutes here. The bound is loose because on
    // space-dense megabyte lines the shared builder's whitespace normalisation alone takes
    // about half a second, and test workers share the CPU.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

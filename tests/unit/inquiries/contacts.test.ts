import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createContact,
  exportContacts,
  findContactByEmail,
  importContacts,
  listContacts,
  updateContact,
} from '../../../main/core/contacts.js';
import { parseContactsCsv } from '../../../main/core/contacts-csv.js';
import { escapeText, foldLine, parseVCards } from '../../../main/core/contacts-vcard.js';
import { importFile } from '../../../main/core/import/pipeline.js';
import type { Database } from '../../../main/db/open.js';
import { SAMPLES } from '../../helpers/cli.js';
import { dumpDatabase, tempDb } from '../../helpers/db.js';
import { insertStory, MAERKTE, POLITIK, SPORT } from './fixtures.js';

let t: ReturnType<typeof tempDb>;
let db: Database;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

const REUTERS = path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt');

describe.skipIf(!fs.existsSync(REUTERS))('desk contacts of the Reuters sample', () => {
  it('become contacts with their beats when the article is imported', async () => {
    const r = await importFile(db, REUTERS);
    expect(r.ok).toBe(true);
    const berlin = findContactByEmail(db, 'berlin.newsroom@thomsonreuters.com');
    const frankfurt = findContactByEmail(db, 'FRANKFURT.newsroom@thomsonreuters.com');
    expect(berlin).toMatchObject({ beats: ['Politik und Konjunktur'], origin: 'article', organisation: 'Reuters', name: 'Berlin Newsroom' });
    expect(frankfurt).toMatchObject({ beats: ['Unternehmen und Märkte'], origin: 'article' });
    // Importing the same file again is a duplicate and changes nothing.
    const before = dumpDatabase(db);
    await importFile(db, REUTERS);
    expect(dumpDatabase(db)).toEqual(before);
  });
});

describe('desk contacts from articles', () => {
  it('merge into one contact per address (case-insensitive) across articles, beats merged', () => {
    insertStory(db, [POLITIK, MAERKTE]);
    insertStory(db, [{ email: 'Politik.Desk@Agentur.example', scope: 'Politik und Konjunktur' }, { email: POLITIK.email, scope: 'Ausland' }], {}, [
      ['paragraph', 'Ein anderer Text über die Regierung.'],
    ]);
    const all = listContacts(db);
    expect(all).toHaveLength(2);
    expect(findContactByEmail(db, POLITIK.email)!.beats).toEqual(['Politik und Konjunktur', 'Ausland']);
  });

  it('leave a manual contact manual and keep its fields, adding the beat', () => {
    createContact(db, { email: SPORT.email, name: 'Sportredaktion', organisation: 'Eigene Notiz', phone: '+49 40 123' });
    insertStory(db, [SPORT]);
    expect(findContactByEmail(db, SPORT.email)).toMatchObject({ name: 'Sportredaktion', organisation: 'Eigene Notiz', beats: ['Sport'], origin: 'manual' });
  });

  it('are written in the import transaction: a failing import leaves no contact', () => {
    db.exec("CREATE TRIGGER fail_credits BEFORE INSERT ON article_credits BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    const blocks = [['paragraph', 'Text'], ['credits', '(Bericht von A)']] as const;
    expect(() => insertStory(db, [POLITIK], { credits: [{ role: 'reporter', name: 'A' }] }, blocks.map((b) => [...b]) as never)).toThrow(/boom/);
    expect(listContacts(db)).toEqual([]);
  });
});

describe('address book', () => {
  it('refuses a second contact with the same address and invalid addresses', () => {
    createContact(db, { email: 'a.b@example.org', name: 'A' });
    expect(() => createContact(db, { email: 'A.B@EXAMPLE.org' })).toThrow(expect.objectContaining({ code: 'CONTACT_EXISTS' }));
    expect(() => createContact(db, { email: 'kein at' })).toThrow(expect.objectContaining({ code: 'CONTACT_EMAIL_INVALID' }));
    const c = updateContact(db, findContactByEmail(db, 'a.b@example.org')!.id, { beats: ['Kultur', 'kultur', 'Sport'], notes: 'x' });
    expect(c.beats).toEqual(['Kultur', 'Sport']);
  });
});

const NASTY = {
  email: 'jörg.ümlaut@zeitung.example',
  name: 'Jörg Ümlaut, Dr.; Ressortleiter',
  organisation: 'Süddeutsche; Redaktion, München',
  beats: ['Politik und Konjunktur', 'Unternehmen, Märkte; Börse'],
  phone: '+49 89 2183-0',
  notes: `Erreichbar Mo–Fr\nBackslash \\ und Komma, Semikolon; ${'sehr lange Notiz mit Umlauten äöü '.repeat(6)}`,
};

describe('vCard', () => {
  it('round-trips umlauts, commas, semicolons, backslashes, newlines and long folded lines', () => {
    createContact(db, NASTY);
    createContact(db, { email: 'plain@example.org' });
    const file = exportContacts(db, 'vcard');
    expect(file.fileName).toMatch(/\.vcf$/);
    const lines = file.content.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines).toContain('VERSION:4.0');
    expect(file.content).not.toMatch(/[^\r]\n/);
    // Every physical line is at most 75 octets, and folding never splits a UTF-8 sequence.
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(file.content).toContain('ORG:Süddeutsche\\; Redaktion\\, München');
    expect(file.content).toContain('CATEGORIES:Politik und Konjunktur,Unternehmen\\, Märkte\\; Börse');

    const other = tempDb();
    try {
      const r = importContacts(other.db, file.fileName, file.content);
      expect(r).toMatchObject({ created: 2, updated: 0, skipped: [] });
      const back = findContactByEmail(other.db, NASTY.email)!;
      expect(back).toMatchObject({ ...NASTY, notes: NASTY.notes.trim(), origin: 'manual' });
    } finally {
      other.cleanup();
    }
  });

  it('escapes and folds per RFC 6350', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`NOTE:${'ä'.repeat(60)}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`NOTE:${'ä'.repeat(60)}`);
  });

  it('reads vCard 3.0 (bare types, N without FN, quoted-printable, LF line ends)', () => {
    const v3 = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Musterfrau;Erika;;;',
      'ORG:Beispiel-Agentur;Wirtschaft',
      'EMAIL;TYPE=INTERNET,WORK:erika@beispiel.example',
      'EMAIL;TYPE=INTERNET,pref:erika.pref@beispiel.example',
      'TEL;WORK;VOICE:+49 30 1234',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gr=C3=BC=C3=9Fe',
      'CATEGORIES:Wirtschaft,Finanzen',
      'END:VCARD',
      '',
    ].join('\n');
    const [c] = parseVCards(v3);
    expect(c).toMatchObject({ name: 'Erika Musterfrau', organisation: 'Beispiel-Agentur, Wirtschaft', email: 'erika.pref@beispiel.example', phone: '+49 30 1234', notes: 'Grüße', beats: ['Wirtschaft', 'Finanzen'] });
  });

  it('refuses bad input naming file and line, and changes nothing', () => {
    createContact(db, { email: 'keep@example.org' });
    const before = dumpDatabase(db);
    const bad = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Gut\r\nEMAIL:gut@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kaputt\r\nEMAIL kaputt@example.org\r\nEND:VCARD\r\n';
    expect(() => importContacts(db, '/tmp/adressen.vcf', bad)).toThrow(
      expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID', details: expect.objectContaining({ file: 'adressen.vcf', line: 9 }) }),
    );
    expect(() => importContacts(db, 'x.vcf', 'BEGIN:VCARD\nVERSION:2.1\nEND:VCARD\n')).toThrow(/Zeile 2: vCard-Version 2.1/);
    expect(() => importContacts(db, 'x.vcf', 'BEGIN:VCARD\nVERSION:4.0\nFN:x\n')).toThrow(/Zeile 1: END:VCARD fehlt/);
    expect(() => importContacts(db, 'x.vcf', 'BEGIN:VCARD\nVERSION:4.0\nEMAIL:not-an-address\nEND:VCARD\n')).toThrow(/Zeile 1: „not-an-address“/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('skips cards without an address and updates existing contacts, merging beats', () => {
    createContact(db, { email: 'x@example.org', name: 'Alt', beats: ['Sport'] });
    const r = importContacts(
      db,
      'a.vcf',
      'BEGIN:VCARD\nVERSION:4.0\nFN:Ohne Adresse\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Neu\nEMAIL:X@example.org\nCATEGORIES:Kultur\nEND:VCARD\n',
    );
    expect(r).toEqual({ file: 'a.vcf', created: 0, updated: 1, skipped: [{ line: 1, reason: 'keine E-Mail-Adresse' }] });
    expect(findContactByEmail(db, 'x@example.org')).toMatchObject({ name: 'Neu', beats: ['Sport', 'Kultur'] });
  });
});

describe('CSV', () => {
  it('round-trips with BOM, quoting and formula-injection guards', () => {
    createContact(db, NASTY);
    createContact(db, { email: 'formel@example.org', name: '=HYPERLINK("http://evil")', notes: '@SUM(A1)', phone: '-1' });
    const file = exportContacts(db, 'csv');
    expect(file.content.startsWith('\uFEFFName,Organisation,Ressorts,E-Mail,Telefon,Notizen,Herkunft\r\n')).toBe(true);
    expect(file.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(file.content).toContain(",'@SUM(A1),");
    expect(file.content).toContain("'+49 89 2183-0");
    const other = tempDb();
    try {
      expect(importContacts(other.db, 'k.csv', file.content)).toMatchObject({ created: 2 });
      expect(findContactByEmail(other.db, NASTY.email)).toMatchObject({ ...NASTY, notes: NASTY.notes.trim() });
      expect(findContactByEmail(other.db, 'formel@example.org')).toMatchObject({ name: '=HYPERLINK("http://evil")', notes: '@SUM(A1)', phone: '-1' });
    } finally {
      other.cleanup();
    }
  });

  it('reads English headers and semicolon-separated files; reports bad lines', () => {
    expect(parseContactsCsv('email;name;beats\r\na@example.org;A;"Sport; Kultur"\r\n')[0]).toMatchObject({ email: 'a@example.org', name: 'A', beats: ['Sport', 'Kultur'] });
    expect(() => parseContactsCsv('email;name\r\na@example.org;A;zu viel\r\n')).toThrow(/line 2: 3 Felder/);
    expect(parseContactsCsv('Name,Email\n"A, B",ab@example.org\n')[0]).toMatchObject({ name: 'A, B', email: 'ab@example.org' });
    expect(() => importContacts(db, 'k.csv', 'Name,Telefon\nA,1\n')).toThrow(/k\.csv, Zeile 1: Spalte „E-Mail“ fehlt/);
    expect(() => importContacts(db, 'k.csv', 'Name,E-Mail\nA,a@example.org\n"B,b@example.org\n')).toThrow(/Zeile 3: Anführungszeichen wird nicht geschlossen/);
  });
});

describe('migration 0004', () => {
  it('turns the desks of articles imported before it into contacts', async () => {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const { migrate } = await import('../../../main/db/migrations/index.js');
    const { migration0004 } = await import('../../../main/db/migrations/0004-inquiries.js');
    const old = new BetterSqlite3(':memory:');
    try {
      migrate(old, migration0004.version - 1);
      old.prepare(
        `INSERT INTO articles (id, content_hash, title, agency, text, blocks, word_count, source_file, source_format, imported_at)
         VALUES (1, 'h1', 'A', 'Reuters', 'x', '[]', 1, 'a.txt', 'wire', '2025-01-01'), (2, 'h2', 'B', 'Reuters', 'y', '[]', 1, 'b.txt', 'wire', '2025-01-02')`,
      ).run();
      old.prepare(
        `INSERT INTO article_desk_contacts (article_id, position, email, scope) VALUES
           (1, 0, 'berlin.newsroom@thomsonreuters.com', 'Politik und Konjunktur'), (2, 0, 'Berlin.Newsroom@thomsonreuters.com', 'Ausland'), (2, 1, 'kaputt', NULL)`,
      ).run();
      migrate(old, migration0004.version);
      expect(listContacts(old)).toEqual([
        expect.objectContaining({ email: 'berlin.newsroom@thomsonreuters.com', name: 'Berlin Newsroom', organisation: 'Reuters', beats: ['Politik und Konjunktur', 'Ausland'], origin: 'article' }),
      ]);
    } finally {
      old.close();
    }
  });
});

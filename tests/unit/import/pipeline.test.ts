import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, importPaths, importUpload, importUploads, pathImportGroupMax } from '../../../main/core/import/pipeline.js';
import type { Database } from '../../../main/db/open.js';
import type { ImportOutcome } from '../../../shared/contract.js';
import { SAMPLES } from '../../helpers/cli.js';
import { dumpDatabase, tempDb } from '../../helpers/db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, dir, cleanup } = tempDb());
});
afterEach(() => cleanup());

const story = (n: number, reporter: string) => `Von ${reporter}, dpa

Kiel (dpa) - Die Stadtwerke Förde haben im Jahr ${2000 + n} insgesamt ${n} neue Ladesäulen aufgestellt.

Der Ausbau soll im kommenden Jahr weitergehen, sagte ein Sprecher.
`;

async function collect(gen: AsyncGenerator<{ done: number; total: number; outcome: ImportOutcome }>) {
  const out: { done: number; total: number; outcome: ImportOutcome }[] = [];
  for await (const p of gen) out.push(p);
  return out;
}

describe('import pipeline', () => {
  it('leaves the collection exactly as it was when a file fails halfway through its write, and imports the rest', async () => {
    fs.writeFileSync(path.join(dir, '1.txt'), story(1, 'Jana Ostsee'));
    await importFile(db, path.join(dir, '1.txt'));
    const before = dumpDatabase(db);
    // The failure strikes after the article row and its index entry are written.
    db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON article_credits WHEN NEW.name = 'Piet Kaputt' BEGIN SELECT RAISE(ABORT, 'Datenträgerfehler'); END");
    fs.writeFileSync(path.join(dir, '2.txt'), story(2, 'Piet Kaputt'));
    const failed = await importFile(db, path.join(dir, '2.txt'));
    expect(failed).toMatchObject({ ok: false, file: '2.txt', error: { code: 'IMPORT_WRITE_FAILED' } });
    expect(!failed.ok && failed.error.message).toMatch(/2\.txt.*Datenträgerfehler.*unverändert/);
    db.exec('DROP TRIGGER fail');
    expect(dumpDatabase(db)).toEqual(before);
    // Retrying the same file now works.
    expect(await importFile(db, path.join(dir, '2.txt'))).toMatchObject({ ok: true, article: { duplicate: false } });
  });

  it('imports a batch file by file with progress; a bad file does not stop it', async () => {
    fs.mkdirSync(path.join(dir, 'stapel'));
    fs.writeFileSync(path.join(dir, 'stapel', 'a.txt'), story(3, 'Jana Ostsee'));
    fs.writeFileSync(path.join(dir, 'stapel', 'b.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]));
    fs.writeFileSync(path.join(dir, 'stapel', 'c.txt'), story(4, 'Jana Ostsee'));
    const progress = await collect(importPaths(db, [path.join(dir, 'stapel')]));
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(progress.map((p) => p.outcome.ok)).toEqual([true, false, true]);
    expect(progress[1]!.outcome).toMatchObject({ file: 'b.txt', error: { code: 'FILE_BINARY' } });
  });

  it('imports an upload by content under its base name only', async () => {
    const r = await importUpload(db, '../../etc/Ladesäulen.txt', Buffer.from(story(5, 'Jana Ostsee')));
    expect(r).toMatchObject({ ok: true, file: 'Ladesäulen.txt', article: { agency: 'dpa', source: { file: 'Ladesäulen.txt', format: 'wire' } } });
  });

  it('imports several uploads in one call: outcomes in order, a bad file fails alone, a repeat is a duplicate', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const write = db.prepare('SELECT count(*) FROM articles').pluck();
    const outcomes = await importUploads(db, [
      { name: 'ordner/1.txt', bytes: enc(story(1, 'Jana Ostsee')) },
      { name: 'leer.txt', bytes: new Uint8Array() },
      { name: 'ordner/unter/2.txt', bytes: enc(story(2, 'Piet Lunde')) },
      { name: 'kopie.txt', bytes: enc(story(1, 'Jana Ostsee')) },
      { name: 'bild.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    ]);
    expect(outcomes.map((o) => [o.file, o.ok ? (o.article.duplicate ? 'duplicate' : 'imported') : o.error.code])).toEqual([
      ['1.txt', 'imported'],
      ['leer.txt', 'FILE_EMPTY'],
      ['2.txt', 'imported'],
      ['kopie.txt', 'duplicate'],
      ['bild.txt', 'FILE_UNSUPPORTED'],
    ]);
    const [first, , , copy] = outcomes;
    expect(first?.ok && copy?.ok && copy.article.id === first.article.id).toBe(true);
    expect(write.get()).toBe(2);
    // The same call again changes nothing.
    const again = await importUploads(db, [{ name: '1.txt', bytes: enc(story(1, 'Jana Ostsee')) }, { name: '2.txt', bytes: enc(story(2, 'Piet Lunde')) }], { lang: 'en' });
    expect(again.map((o) => o.ok && o.article.duplicate)).toEqual([true, true]);
    expect(write.get()).toBe(2);
  });

  it('derives a missing headline from the lead and marks it', async () => {
    fs.writeFileSync(path.join(dir, 'ohne-titel.txt'), story(6, 'Jana Ostsee'));
    const r = await importFile(db, path.join(dir, 'ohne-titel.txt'));
    expect(r).toMatchObject({ ok: true, article: { titleDerived: true, title: 'Die Stadtwerke Förde haben im Jahr 2006 insgesamt 6 neue Ladesäulen aufgestellt' } });
  });
});

describe.skipIf(!fs.existsSync(SAMPLES))('import of the real samples', () => {
  const expected: Record<string, object> = {
    'reuters-de_altman-asien-stargate.txt': {
      agency: 'Reuters',
      published: '2025-02',
      language: 'de',
      dateline: { place: 'Seoul', agency: 'Reuters' },
      credits: [
        { role: 'reporter', name: 'Hyunjoo Jin' },
        { role: 'reporter', name: 'Jack Kim' },
        { role: 'contributor', name: 'Jeffrey Dastin' },
        { role: 'contributor', name: 'Sam Nussey' },
        { role: 'writer', name: 'Hakan Ersen' },
        { role: 'editor', name: 'Scot W. Stevenson' },
      ],
      deskContacts: [
        { email: 'berlin.newsroom@thomsonreuters.com', scope: 'Politik und Konjunktur' },
        { email: 'frankfurt.newsroom@thomsonreuters.com', scope: 'Unternehmen und Märkte' },
      ],
      headings: ['KI-FUNKTIONEN FÜR SÜDKOREANISCHE MESSENGER-APP'],
      titleDerived: true,
    },
    'de_dpa_korr-bericht_deepseek-schock_digitalwires.txt': {
      agency: 'dpa',
      language: 'de',
      dateline: { place: 'New York', agency: 'dpa' },
      credits: [{ role: 'author', name: 'Andrej Sokolow' }],
      title: 'DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?',
      titleDerived: false,
    },
    'en_afp_saab-nevs_newsml.txt': {
      agency: 'AFP',
      published: '2014-08-29',
      language: 'en',
      dateline: { place: 'STOCKHOLM', agency: 'AFP' },
      title: 'Sweden court accepts receivership for Saab carmaker',
    },
    'en_reuters_assad-warns-west_newsmlg2.txt': {
      agency: 'Reuters',
      language: 'en',
      dateline: { place: 'BEIRUT', agency: 'Reuters' },
      credits: [
        { role: 'reporter', name: 'Tom Perry' },
        { role: 'editor', name: 'John Stonestreet' },
      ],
    },
    'de_derstandard-apa_mekka-kran_10kgnad.txt': {
      agency: 'APA',
      published: '2015-09-12',
      language: 'de',
      dateline: { place: 'Riad', agency: 'APA' },
    },
  };

  it.each(Object.keys(expected))('%s', async (name) => {
    const r = await importFile(db, path.join(SAMPLES, name));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.ok && r.article).toMatchObject({ ...expected[name], source: { file: name, format: 'wire' } });
  });
});

describe('group sizes of an import by path', () => {
  it('lets groups grow to a twentieth of the files, from 500 to 2,000', () => {
    expect([1, 400, 10_000, 20_000, 40_000, 100_000, 1_000_000].map(pathImportGroupMax)).toEqual([500, 500, 500, 1000, 2000, 2000, 2000]);
  });
});

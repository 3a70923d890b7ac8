import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../../main/core/article-derived.js';
import { listArticleVersions } from '../../../main/core/article-versions.js';
import { importFilesBatched } from '../../../main/core/import/batch.js';
import { ParsePool, parseHere } from '../../../main/core/import/parse-pool.js';
import { search } from '../../../main/core/search.js';
import type { Database } from '../../../main/db/open.js';
import type { ImportOutcome } from '../../../shared/contract.js';
import { searchRequestSchema } from '../../../shared/contract-search.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import { tempDb, tempDir } from '../../helpers/db.js';

const story = (n: number, date: string) => `Hafenfest Nummer ${n} in Lindhafen

Lindhafen, ${date} (AFP) - Das ${n}. Hafenfest lockte Tausende Besucher an die Kais, teilte die Stadt mit. Die Veranstalter waren mit dem Wetter zufrieden.

ans/cha
`;

/** A one-page PDF with a heading and two paragraphs. */
async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Kaimauer wird saniert', { x: 56, y: 780, size: 20, font });
  page.drawText('Die Kaimauer in Lindhafen wird im Sommer saniert, sagte die Hafenmeisterin.', { x: 56, y: 740, size: 12, font });
  page.drawText('Das Hafenfest findet trotzdem statt.', { x: 56, y: 700, size: 12, font });
  doc.setTitle('Kaimauer wird saniert');
  return doc.save();
}

/** A folder of wire stories, a Markdown note, an HTML page, a PDF, a broken PDF, an empty and a binary file. */
async function writeFolder(dir: string): Promise<string[]> {
  const files: [string, string | Uint8Array][] = [];
  for (let i = 0; i < 12; i++) files.push([`fest-${String(i).padStart(2, '0')}.txt`, story(i, `${10 + (i % 7)}. März 2025`)]);
  files.push(['notiz.md', '# Notiz zum Hafenfest\n\nDie **Kaimauer** muss saniert werden.\n']);
  files.push(['seite.html', '<html><head><title>Kaifest</title></head><body><article><h1>Kaifest</h1><p>Die Kaimauer wird im Sommer saniert, sagte die Hafenmeisterin am Montag. Das Fest findet trotzdem statt.</p></article></body></html>']);
  files.push(['bericht.pdf', await pdf()]);
  files.push(['kaputt.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nkaputt')]);
  files.push(['leer.txt', '']);
  files.push(['bild.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]);
  return files.map(([name, content]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  });
}

async function importAll(db: Database, files: string[], workers: number): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for await (const o of importFilesBatched(db, files, { groupSize: 4, maxGroupSize: 8, workers, now: () => '2026-11-28T10:00:00.000Z' })) out.push(o);
  return out;
}

/** What a collection holds, independent of timing. */
function contents(db: Database): unknown[] {
  return db.prepare('SELECT id, content_hash, title, language, published, word_count, source_file, source_format, source_encoding, blocks FROM articles ORDER BY id').all();
}

let fixture: { dir: string; cleanup: () => void };
beforeEach(() => (fixture = tempDir()));
afterEach(() => fixture.cleanup());

describe('parsing on worker threads (folder import)', () => {
  it('gives the same outcomes and the same collection as parsing on the main thread', async () => {
    const files = await writeFolder(fixture.dir);
    const here = tempDb();
    const threads = tempDb();
    try {
      const a = await importAll(here.db, files, 0);
      const b = await importAll(threads.db, files, 2);
      expect(b).toEqual(a);
      expect(a.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual([...Array<string>(15).fill('ok'), 'FILE_PARSE_FAILED', 'FILE_EMPTY', 'FILE_UNSUPPORTED']);
      expect(contents(threads.db)).toEqual(contents(here.db));
      const found = search(threads.db, searchRequestSchema.parse({ query: 'Kaimauer', filters: { kinds: ['article'] } }));
      expect(found.total).toBe(3);
    } finally {
      here.cleanup();
      threads.cleanup();
    }
  });

  it('hands over the derived values computed on the worker (content hash, terms)', async () => {
    const files = (await writeFolder(fixture.dir)).slice(0, 3);
    const pool = ParsePool.open(1);
    expect(pool).not.toBeNull();
    try {
      const { files: results } = await pool!.parse(files, 'de');
      expect(results.map((r) => r.file)).toEqual(files.map((f) => path.basename(f)));
      for (const r of results) {
        if (!r.ok) throw new Error(`${r.file}: ${r.error.code}`);
        expect(r.derived.hash).toBe(contentHash(r.article.text));
        expect(r.derived.index.body).toContain('hafenf');
      }
    } finally {
      pool!.close();
    }
  });

  it('parses on the main thread when a worker is gone, before or during a request', async () => {
    const files = await writeFolder(fixture.dir);
    const expected = await parseHere(files, 'de');
    const closed = ParsePool.open(1)!;
    closed.close();
    expect(await closed.parse(files, 'de')).toMatchObject({ files: expected, newTerms: null });

    const pool = ParsePool.open(2)!;
    try {
      const pending = pool.parse(files, 'de');
      // End one worker while it has files: its share is parsed here instead.
      const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
      void slots[0]!.worker.terminate();
      expect((await pending).files).toEqual(expected);
      expect((await pool.parse(files, 'de')).files).toEqual(expected);
    } finally {
      pool.close();
    }
  });

  it('stores a group oldest first and reports it in folder order: a correction whose file sorts first still becomes the new version', async () => {
    const header = (date: string) => `date ${date} Quelle: (c) Copyright Thomson Reuters 2024. Click For Restrictions - https://rights.example.com/reuters-terms.html`;
    const lead = 'Kellbrück (Reuters) - Die Stadtwerke Kellbrück heben die Fernwärmepreise zum 1. Mai um durchschnittlich 9,4 Prozent an.';
    const rest = 'Betroffen seien knapp 61.000 Haushalte, teilte der Versorger am Donnerstag mit.';
    fs.writeFileSync(path.join(fixture.dir, 'a-korrektur.txt'), `${header('2024-03-15 Neufassung')}\n\nKORREKTUR-Stadtwerke Kellbrück erhöhen Fernwärmepreise\n\n${lead} Das teilte das Unternehmen mit.\n\n${rest}\n`);
    fs.writeFileSync(path.join(fixture.dir, 'b-meldung.txt'), `${header('2024-03-14')}\n\nStadtwerke Kellbrück erhöhen Fernwärmepreise\n\n${lead}\n\n${rest}\n`);
    const { db, cleanup } = tempDb();
    try {
      const outcomes = await importAll(db, ['a-korrektur.txt', 'b-meldung.txt'].map((f) => path.join(fixture.dir, f)), 0);
      expect(outcomes.map((o) => o.file)).toEqual(['a-korrektur.txt', 'b-meldung.txt']);
      const ids = outcomes.map((o) => (o.ok ? o.article.id : 0));
      expect(ids[0]).toBe(ids[1]);
      expect(listArticleVersions(db, ids[0]!).map((v) => v.sourceFile)).toEqual(['b-meldung.txt', 'a-korrektur.txt']);
    } finally {
      cleanup();
    }
  });

  it('parses on a pool the caller keeps, and leaves it open for the next batch', async () => {
    const files = await writeFolder(fixture.dir);
    const pool = ParsePool.open(1)!;
    const parse = vi.spyOn(pool, 'parse');
    const close = vi.spyOn(pool, 'close');
    const here = tempDb();
    const kept = tempDb();
    try {
      // Two batches, as two calls of the app would be: on the main thread, and on the kept pool.
      const run = async (db: Database, opts: { pool: ParsePool | null }) => {
        const out: ImportOutcome[] = [];
        for (const batch of [files.slice(0, 9), files.slice(9)]) {
          for await (const o of importFilesBatched(db, batch, { groupSize: 4, ...opts, now: () => '2026-11-28T10:00:00.000Z' })) out.push(o);
        }
        return out;
      };
      const expected = await run(here.db, { pool: null });
      expect(parse).not.toHaveBeenCalled();
      expect(await run(kept.db, { pool })).toEqual(expected);
      expect(parse).toHaveBeenCalledTimes(Math.ceil(9 / 4) + Math.ceil((files.length - 9) / 4));
      expect(close).not.toHaveBeenCalled();
      expect(contents(kept.db)).toEqual(contents(here.db));
    } finally {
      pool.close();
      here.cleanup();
      kept.cleanup();
    }
  });

  it('takes import.paths calls two at a time, as the app sends a folder: each call gets its own files, in order, all stored and indexed', async () => {
    const files = await writeFolder(fixture.dir);
    const { db, cleanup } = tempDb();
    try {
      const handlers = createHandlers({ db, dbPath: ':memory:', transport: 'electron' });
      const chunks = [files.slice(0, 7), files.slice(7, 14), files.slice(14)];
      const results = await Promise.all(chunks.map((paths) => handlers['import.paths']({ paths })));
      expect(results.map((r) => r.map((o) => o.file))).toEqual(chunks.map((ch) => ch.map((f) => path.basename(f))));
      expect(results.flat().filter((o) => o.ok)).toHaveLength(15);
      expect((db.prepare('SELECT count(*) FROM articles').pluck().get() as number)).toBe(15);
      const found = search(db, searchRequestSchema.parse({ query: 'Kaimauer', filters: { kinds: ['article'] } }));
      expect(found.total).toBe(3);
      expect(() => db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")).not.toThrow();
      // The term list from the worker's reports (calls stored in the order they were parsed): every term of the index, no other.
      db.exec("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, 'articles_fts', 'row')");
      const indexed = db.prepare('SELECT term FROM temp.index_terms WHERE length(term) > 3 ORDER BY term').pluck().all();
      expect(indexed.length).toBeGreaterThan(20);
      expect(db.prepare('SELECT term FROM article_terms ORDER BY term').pluck().all()).toEqual(indexed);
    } finally {
      cleanup();
    }
  });
});

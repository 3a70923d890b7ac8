import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentHash,
  countArticles,
  getArticle,
  getArticleMetadata,
  HIT_END,
  HIT_START,
  insertArticle,
  listArticles,
  searchArticles,
  toFtsQuery,
} from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import { AppError } from '../../../shared/errors.js';
import { dumpDatabase, parsed, tempDb } from '../../helpers/db.js';

const prov = (file: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-11-28T10:00:00.000Z' });

let db: Database;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
});
afterEach(() => cleanup());

const story = parsed(
  [
    ['paragraph', 'Lindau (Reuters) - Die Bodenseewerft Möwe & Söhne hat einen Auftrag über 40 Millionen Euro erhalten.'],
    ['heading', 'NEUE FÄHREN FÜR DEN SEE'],
    ['paragraph', 'Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln.'],
    ['credits', '(Bericht von Anna Beispiel; Redigiert von Bernd Muster)'],
    ['nonpublic', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt: Handy 0170 1234567'],
  ],
  {
    title: 'Bodenseewerft erhält Großauftrag',
    agency: 'Reuters',
    published: '2026-03',
    dateline: { place: 'Lindau', agency: 'Reuters' },
    datelineText: 'Lindau (Reuters) - ',
    credits: [
      { role: 'reporter', name: 'Anna Beispiel' },
      { role: 'editor', name: 'Bernd Muster' },
    ],
    deskContacts: [{ email: 'see.desk@example.org', scope: 'Unternehmen und Märkte' }],
    versionMarkers: ['Berichtigung'],
  },
);

describe('article store', () => {
  it('stores an article with its metadata and reads it back', () => {
    const { id, duplicate } = insertArticle(db, story, prov('werft.txt'));
    expect(duplicate).toBe(false);
    const meta = getArticleMetadata(db, id);
    expect(meta).toEqual({
      id,
      duplicate: false,
      title: 'Bodenseewerft erhält Großauftrag',
      titleDerived: false,
      language: 'de',
      agency: 'Reuters',
      copyright: null,
      published: '2026-03',
      dateline: { place: 'Lindau', agency: 'Reuters' },
      credits: [
        { role: 'reporter', name: 'Anna Beispiel' },
        { role: 'editor', name: 'Bernd Muster' },
      ],
      deskContacts: [{ email: 'see.desk@example.org', scope: 'Unternehmen und Märkte' }],
      headings: ['NEUE FÄHREN FÜR DEN SEE'],
      versionMarkers: ['Berichtigung'],
      wordCount: 29, // 14 + 5 + 10: dateline words count, credits and the non-public block do not
      source: { file: 'werft.txt', format: 'wire' },
    });
    const detail = getArticle(db, id);
    expect(detail.text).toBe(story.text);
    expect(detail.blocks).toEqual(story.blocks);
    expect(detail.datelineText).toBe('Lindau (Reuters) - ');
    expect(detail.contentHash).toBe(contentHash(story.text));
  });

  it('hashes the text as SHA-256 of its NFC form with every run of whitespace folded to one space (hashes stored by earlier versions stay valid)', () => {
    const canonical = (t: string) => createHash('sha256').update(t.normalize('NFC').replace(/\s+/g, ' ').trim(), 'utf8').digest('hex');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', 'a\u0308', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2009', '\ufeff', '.'), maxLength: 60 }), (t) => {
        expect(contentHash(t)).toBe(canonical(t));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('never stores the same content twice', () => {
    const first = insertArticle(db, story, prov('werft.txt'));
    const before = dumpDatabase(db);
    // Same text with other line endings and spacing, from another file.
    const again = { ...story, text: story.text.replace(/ /g, '  '), title: 'Anderer Titel' };
    const second = insertArticle(db, again, prov('werft-kopie.txt'));
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('leaves the database exactly as it was when a write fails halfway', () => {
    insertArticle(db, parsed([['paragraph', 'Ein erster Artikel über Kürbisse.']], { title: 'Kürbisse' }), prov('a.txt'));
    const before = dumpDatabase(db);
    // A real failure after the article row and the index entry were written: the second credit is refused.
    db.exec("CREATE TEMP TRIGGER fail_credit BEFORE INSERT ON article_credits WHEN NEW.name = 'Bernd Muster' BEGIN SELECT RAISE(ABORT, 'Schreibfehler simuliert'); END");
    expect(() => insertArticle(db, story, prov('werft.txt'))).toThrow(/Schreibfehler simuliert/);
    db.exec('DROP TRIGGER fail_credit');
    expect(dumpDatabase(db)).toEqual(before);
    expect(searchArticles(db, 'Bodenseewerft')).toEqual([]);
    // And the same article imports cleanly afterwards.
    expect(insertArticle(db, story, prov('werft.txt')).duplicate).toBe(false);
  });

  it('searches title and public text, folding diacritics, never the non-public block', () => {
    const { id } = insertArticle(db, story, prov('werft.txt'));
    insertArticle(db, parsed([['paragraph', 'Ein Bericht über Segelboote in Kiel.']], { title: 'Segeln' }), prov('b.txt'));
    expect(searchArticles(db, 'Fähren').map((h) => h.id)).toEqual([id]);
    expect(searchArticles(db, 'fahren').map((h) => h.id)).toEqual([id]);
    expect(searchArticles(db, 'Bodensee').map((h) => h.id)).toEqual([id]); // prefix
    expect(searchArticles(db, '"Lindau und Bregenz"').map((h) => h.id)).toEqual([id]);
    expect(searchArticles(db, '"Bregenz und Lindau"')).toEqual([]);
    expect(searchArticles(db, '0170')).toEqual([]);
    expect(searchArticles(db, 'Handy')).toEqual([]);
    const [hit] = searchArticles(db, 'Bregenz');
    expect(hit?.snippet).toContain(`${HIT_START}Bregenz${HIT_END}`);
  });

  it('turns anything typed into a valid query', () => {
    insertArticle(db, story, prov('werft.txt'));
    for (const q of ['AND', 'NOT OR', '"', '*', 'Möwe & Söhne', 'title:x', '(((', 'NEAR(a b)', "'; DROP TABLE articles; --"]) {
      expect(() => searchArticles(db, q)).not.toThrow();
    }
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('Möwe & "Söhne GmbH" x*')).toBe('"Möwe"* "Söhne GmbH" "x"*');
    expect(searchArticles(db, 'Möwe & Söhne')).toHaveLength(1);
  });

  it('lists in the requested order with a total, filtered by full text', () => {
    const mk = (title: string, agency: string | null, published: string | null, body: string) =>
      insertArticle(db, parsed([['paragraph', body]], { title, agency, published }), prov(`${title}.txt`)).id;
    const a = mk('Apfelernte', 'dpa', '2025-09-01', 'Die Apfelernte am Bodensee fällt gut aus.');
    const b = mk('Zollstreit', 'Reuters', '2025-02', 'Der Zollstreit belastet die Werften.');
    const c = mk('Mühlen', 'AFP', '2014-08-29', 'Alte Mühlen werden restauriert.');
    const ids = (q: Parameters<typeof listArticles>[1]) => listArticles(db, q).items.map((i) => i.id);
    const base = { offset: 0, limit: 10 } as const;
    expect(ids({ ...base, sort: 'published', direction: 'desc' })).toEqual([a, b, c]);
    expect(ids({ ...base, sort: 'title', direction: 'asc' })).toEqual([a, c, b]);
    expect(ids({ ...base, sort: 'agency', direction: 'asc' })).toEqual([c, a, b]);
    expect(ids({ ...base, sort: 'published', direction: 'desc', limit: 1, offset: 1 })).toEqual([b]);
    expect(listArticles(db, { ...base, sort: 'title', direction: 'asc', query: 'Werften' })).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: b, title: 'Zollstreit', agency: 'Reuters' })],
    });
    expect(countArticles(db)).toBe(3);
  });

  it('uses an index for each list order instead of sorting the table', () => {
    for (const order of ['a.published DESC, a.id DESC', 'a.title COLLATE NOCASE ASC, a.id ASC', 'a.agency COLLATE NOCASE ASC, a.published DESC, a.id DESC']) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM articles a ORDER BY ${order} LIMIT 50`).all() as { detail: string }[];
      const text = plan.map((p) => p.detail).join(' | ');
      expect(text).toMatch(/USING (COVERING )?INDEX/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('reports a missing article with a typed error', () => {
    expect(() => getArticle(db, 999)).toThrow(AppError);
    try {
      getArticle(db, 999);
    } catch (e) {
      expect((e as AppError).code).toBe('ARTICLE_NOT_FOUND');
    }
  });
});

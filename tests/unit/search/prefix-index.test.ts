import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, listArticles } from '../../../main/core/articles.js';
import { search } from '../../../main/core/search.js';
import { ARTICLE_FTS_PREFIXES } from '../../../main/core/search-index.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../main/db/migrations/index.js';
import { searchRequestSchema, type ArticleSearchHit } from '../../../shared/contract-search.js';
import { parsed, storeAsOldSchema, tempDb } from '../../helpers/db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const source = { file: 'x.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' };

function found(db: BetterSqlite3.Database, query: string): string[] {
  return (search(db, searchRequestSchema.parse({ query, filters: { kinds: ['article'] } })).hits as ArticleSearchHit[]).map((h) => h.title).sort();
}

describe('prefix index and term list (migration 11)', () => {
  it('the article index has an FTS5 prefix index for 3 letters only', () => {
    const { db, cleanup } = tempDb();
    cleanups.push(cleanup);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").pluck().get() as string;
    expect(ARTICLE_FTS_PREFIXES).toEqual([3]);
    expect(sql).toMatch(/prefix\s*=\s*'3'/);
  });

  it('re-indexes a collection of schema 10 (prefix indexes 3, 4, 5), fills the term list, and finds the same', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 10);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").pluck().get()).toMatch(/prefix\s*=\s*'3 4 5'/);
    storeAsOldSchema(db, { title: 'Kakao', text: 'Die Kakaobohnen werden teurer, sagen Händler in Abidjan.', published: '2025-02-14' });
    storeAsOldSchema(db, { title: 'Hafen', text: 'Der Hafen von Hamburg meldet Rekordumschlag.', published: '2024-01-02' });
    storeAsOldSchema(db, { title: 'Korea', text: 'Neue Rechenzentren in Südkorea.', published: '2025-03-01' });

    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(11);
    const expected: [string, string[]][] = [
      ['Kak*', ['Kakao']],
      ['Kaka*', ['Kakao']],
      ['Kakao*', ['Kakao']],
      ['Kakaob*', ['Kakao']],
      ['Kakaobohnen*', ['Kakao']],
      ['Hafen', ['Hafen']],
      ['Häfen', ['Hafen']],
      ['Rechenzentrum', ['Korea']],
      ['Sudkorea', ['Korea']],
      ['rek*', ['Hafen']],
      ['Rekordu*', ['Hafen']],
      ['Hamb*', ['Hafen']],
      ['Hambx*', []],
    ];
    for (const [q, titles] of expected) expect([q, found(db, q)]).toEqual([q, titles]);
    const terms = db.prepare('SELECT term FROM article_terms ORDER BY term').pluck().all() as string[];
    expect(terms).toEqual(expect.arrayContaining(['kakaobohn', 'hamburg', 'rekordumschlag', 'sudkorea', 'kakao']));
    // Only terms longer than the 3-letter prefix index can be asked for by an expansion.
    expect(terms.filter((t) => t.length <= 3)).toEqual([]);
    // Newest first still holds: the rows kept their search keys.
    const all = search(db, searchRequestSchema.parse({ query: 'in OR von', filters: { kinds: ['article'] } })).hits as ArticleSearchHit[];
    expect(all.map((h) => h.title)).toEqual(['Korea', 'Kakao', 'Hafen']);
    const integrity = () => db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)").run();
    expect(integrity).not.toThrow();
  });
});

describe('upgrading a collection with articles', () => {
  it('migrates from schema 5 (before search keys) with its articles searchable afterwards', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 5);
    // Schema 5 indexed raw title and text; its insert path is gone, so the rows are written as it did.
    const blocks = JSON.stringify([{ kind: 'paragraph', start: 0, end: 41 }]);
    for (let i = 1; i <= 1200; i++) {
      db.prepare(
        `INSERT INTO articles (id, title, text, blocks, word_count, content_hash, source_file, source_format, source_encoding, imported_at, published, language)
         VALUES (?, ?, ?, ?, 5, ?, 'x.txt', 'wire', 'utf-8', '2026-01-01T00:00:00.000Z', ?, 'de')`,
      ).run(i, `Meldung ${i}`, `Die Kakaobohnen ${String(i).padStart(5, '0')} werden teurer.`, blocks, `hash${i}`, `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    }
    expect(migrate(db)).toBe(LATEST_VERSION);
    const res = search(db, searchRequestSchema.parse({ query: 'Kakaobohne', filters: { kinds: ['article'] }, limit: 5 }));
    expect(res.total).toBe(1000); // counted up to the cap
    expect(res.totalExact).toBe(false);
    expect(db.prepare('SELECT count(*) FROM article_search_keys').pluck().get()).toBe(1200);
  });
});

describe('type-ahead filter', () => {
  it('treats a bare word as a prefix only from three letters on', () => {
    const { db, cleanup } = tempDb();
    cleanups.push(cleanup);
    insertArticle(db, parsed([['paragraph', 'Die Kakaobohnen werden teurer.']], { title: 'Kakao' }), source);
    insertArticle(db, parsed([['paragraph', 'Ka ist eine Abkürzung.']], { title: 'Abkürzung' }), source);
    const titles = (query: string) => listArticles(db, { sort: 'published', direction: 'desc', query, offset: 0, limit: 10 }).items.map((i) => i.title).sort();
    expect(titles('Kak')).toEqual(['Kakao']);
    expect(titles('Kakaob')).toEqual(['Kakao']);
    // One or two letters are whole words: "Ka" is not every word starting with ka.
    expect(titles('Ka')).toEqual(['Abkürzung']);
    expect(titles('K')).toEqual([]);
  });
});

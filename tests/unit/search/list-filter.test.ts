import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, listArticles } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import type { ArticleListQuery } from '../../../shared/contract-types.js';
import { prng } from '../../bench/generate.js';
import { parsed, tempDb } from '../../helpers/db.js';

/**
 * The library list's type-ahead filter reads pages in date order from the index's search keys,
 * which only know the hour (main/core/articles.ts, pageInKeyOrder), and in the other orders walks
 * the sort's index past the non-matching articles (filteredPageInSortOrder). Its pages must be
 * exactly the unfiltered list's order with the non-matching articles left out: within an hour by
 * minute and id, undated articles where SQL puts them, equal titles, agencies in any case or none,
 * equal import times, at every offset, in both directions.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const source = (file: string, importedAt: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt });
const TITLES = ['Seebericht', 'seebericht', 'Zugmeldung', 'Ärger am Kai', 'Abfahrt', 'abfahrt'];
const AGENCIES = [null, 'dpa', 'DPA', 'Reuters', 'afp'];

/** 90 articles over three days, most in a few busy hours, stored in random order; two of three mention the port. */
function collection(): { db: Database; matching: Set<number> } {
  const { db, cleanup } = tempDb();
  cleanups.push(cleanup);
  const rand = prng(77);
  const matching = new Set<number>();
  const stamps: (string | undefined)[] = [];
  for (let i = 0; i < 90; i++) {
    const day = 10 + Math.floor(rand() * 3);
    const hour = [8, 8, 9, 9, 9, 14][Math.floor(rand() * 6)] as number;
    const minute = Math.floor(rand() * 4) * 15; // minutes repeat: ties are broken by id
    const kind = rand();
    stamps.push(kind < 0.08 ? undefined : kind < 0.14 ? `2025-03-${day}` : `2025-03-${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  }
  stamps.forEach((published, i) => {
    const port = i % 3 !== 2;
    const text = port ? `Im Hafen von Hamburg liegt Schiff ${i}.` : `Der Bahnhof von Bremen meldet Zug ${i}.`;
    const title = `${TITLES[Math.floor(rand() * TITLES.length)] as string}${rand() < 0.5 ? '' : ` ${i % 7}`}`;
    const agency = AGENCIES[Math.floor(rand() * AGENCIES.length)] as string | null;
    const importedAt = `2026-01-0${1 + Math.floor(rand() * 3)}T10:00:00.000Z`;
    const id = insertArticle(db, parsed([['paragraph', text]], { title, published, agency }), source(`m${i}.txt`, importedAt)).id;
    if (port) matching.add(id);
  });
  return { db, matching };
}

const page = (db: Database, q: Partial<ArticleListQuery>) =>
  listArticles(db, { sort: 'published', direction: 'desc', offset: 0, limit: 10, ...q });

describe('the library list filtered by a word, in date order', () => {
  it('gives the unfiltered order without the other articles, at every offset, both directions', () => {
    const { db, matching } = collection();
    for (const direction of ['desc', 'asc'] as const) {
      const all = page(db, { direction, limit: 1000 }).items.map((a) => a.id);
      const expected = all.filter((id) => matching.has(id));
      expect(expected).toHaveLength(60);
      for (const limit of [1, 7, 25]) {
        for (let offset = 0; offset <= 62; offset += 3) {
          const got = page(db, { direction, query: 'Hafen', offset, limit });
          expect(got.total).toBe(60);
          expect(got.items.map((a) => a.id)).toEqual(expected.slice(offset, offset + limit));
        }
      }
    }
  });

  it('counts and pages a prefix', () => {
    const { db, matching } = collection();
    const got = page(db, { query: 'Hamb', limit: 100 });
    expect(got.total).toBe(60);
    expect(new Set(got.items.map((a) => a.id))).toEqual(matching);
  });
});

describe('the library list filtered by a word, by title, agency and import time', () => {
  // 0: every match past the SQL limit, so the sort's index is walked; the default: sorted by SQL.
  for (const sortInSqlMax of [0, undefined]) {
    it(`gives the unfiltered order without the other articles (${sortInSqlMax === 0 ? 'walking the index' : 'sorted by SQL'})`, () => {
      const { db, matching } = collection();
      for (const sort of ['title', 'agency', 'imported'] as const) {
        for (const direction of ['desc', 'asc'] as const) {
          const all = listArticles(db, { sort, direction, offset: 0, limit: 1000 }).items.map((a) => a.id);
          const expected = all.filter((id) => matching.has(id));
          expect(expected).toHaveLength(60);
          for (const limit of [1, 7, 25]) {
            for (let offset = 0; offset <= 62; offset += 3) {
              const got = listArticles(db, { sort, direction, query: 'Hafen', offset, limit }, sortInSqlMax);
              expect(got.total).toBe(60);
              expect(got.items.map((a) => a.id)).toEqual(expected.slice(offset, offset + limit));
            }
          }
          const others = listArticles(db, { sort, direction, query: 'Bremen', offset: 0, limit: 100 }, sortInSqlMax);
          expect(others.items.map((a) => a.id)).toEqual(all.filter((id) => !matching.has(id)));
        }
      }
      expect(listArticles(db, { sort: 'title', direction: 'asc', query: 'Nirgendwo', offset: 0, limit: 10 }, sortInSqlMax)).toEqual({ total: 0, items: [] });
    });
  }
});

import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, listArticles } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import type { ArticleListQuery } from '../../../shared/contract-types.js';
import { prng } from '../../bench/generate.js';
import { parsed, tempDb } from '../../helpers/db.js';

/**
 * The library list's type-ahead filter reads pages in date order from the index's search keys,
 * which only know the hour (main/core/articles.ts, pageInKeyOrder). Its pages must be exactly the
 * unfiltered list's order with the non-matching articles left out: within an hour by minute and id,
 * undated articles where SQL puts them, at every offset, in both directions.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const source = (file: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' });

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
    const id = insertArticle(db, parsed([['paragraph', text]], { title: `Meldung ${i}`, published }), source(`m${i}.txt`)).id;
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

  it('counts and pages a prefix, and the other sorts still filter', () => {
    const { db, matching } = collection();
    const got = page(db, { query: 'Hamb', limit: 100 });
    expect(got.total).toBe(60);
    expect(new Set(got.items.map((a) => a.id))).toEqual(matching);
    const byTitle = page(db, { query: 'Bremen', sort: 'title', direction: 'asc', limit: 100 });
    expect(byTitle.total).toBe(30);
    expect(byTitle.items.every((a) => !matching.has(a.id))).toBe(true);
    expect(byTitle.items.map((a) => a.title)).toEqual([...byTitle.items.map((a) => a.title)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import { SEARCH_COUNT_LIMIT, search } from '../../../main/core/search.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema, type ArticleSearchHit } from '../../../shared/contract-search.js';
import { parsed, tempDb } from '../../helpers/db.js';

let db: Database;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
});
afterEach(() => cleanup());

/** Every EXPLAIN QUERY PLAN line of the statements `search` runs, captured from the connection. */
function plansOf(run: () => void): string[] {
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  const spy = (sql: string) => {
    if (/^\s*SELECT/i.test(sql) && !/EXPLAIN/i.test(sql)) seen.push(sql);
    return original(sql);
  };
  (db as unknown as { prepare: typeof spy }).prepare = spy;
  try {
    run();
  } finally {
    (db as unknown as { prepare: typeof original }).prepare = original;
  }
  return seen;
}

describe('bounded search on a common term', () => {
  it('walks the matches newest first instead of sorting them', () => {
    const n = SEARCH_COUNT_LIMIT + 300;
    const insert = db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
        insertArticle(
          db,
          parsed([['paragraph', `Die Meldung Nummer ${i} über den Hafen und die Werft ${i % 7 === 0 ? 'Seltenwort' : ''}.`]], {
            title: `Meldung ${i}`,
            published: `${2000 + (i % 25)}-${month}-${day}`,
          }),
          { file: `${i}.txt`, format: 'wire', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' },
        );
      }
    });
    insert();
    for (const filters of [{}, { agencies: ['dpa'], from: '2001' }]) {
      const req = searchRequestSchema.parse({ query: 'Hafen', filters: { kinds: ['article'], ...filters }, limit: 20 });
      const statements = plansOf(() => search(db, req));
      const page = statements.find((s) => s.includes('ORDER BY f.rowid DESC'));
      expect(page, 'the newest-first walk ran').toBeDefined();
      const params = { match: '"haf"', limit: 20, offset: 0, want: SEARCH_COUNT_LIMIT + 1, ag0: 'dpa', from: '2001' };
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page}`).all(params) as { detail: string }[]).map((p) => p.detail).join(' | ');
      // FTS5 delivers rowids (search keys) in descending order itself: no temporary B-tree sorts the matches.
      expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    const res = search(db, searchRequestSchema.parse({ query: 'Hafen', filters: { kinds: ['article'] }, limit: 20 }));
    expect(res.totalExact).toBe(false); // more matches than are counted
    expect(res.total).toBe(SEARCH_COUNT_LIMIT);
    const newest = db.prepare('SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 20').pluck().all() as number[];
    expect(res.hits.map((h) => (h as ArticleSearchHit).id)).toEqual(newest);

    // A rare term: the same order as a full sort of the articles would give.
    const rare = search(db, searchRequestSchema.parse({ query: 'Seltenwort', filters: { kinds: ['article'] }, limit: 200 }));
    expect(rare.total).toBe(Math.ceil(n / 7));
    const all = (db.prepare("SELECT id FROM articles WHERE text LIKE '%Seltenwort%' ORDER BY published DESC, id DESC LIMIT 200").pluck().all() as number[]);
    expect(rare.hits.map((h) => (h as ArticleSearchHit).id)).toEqual(all);
  });
});

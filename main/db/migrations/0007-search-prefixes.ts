import { ARTICLE_FTS_PREFIXES, articleIndexRow, forEachArticleForIndex } from '../../core/search-index.js';
import type { Migration } from './types.js';

/**
 * Prefix indexes for `Wort*` queries: `articles_fts` is rebuilt with FTS5 `prefix` indexes for
 * prefixes of 3, 4 and 5 letters (ARTICLE_FTS_PREFIXES). Without them FTS5 merges the doclists of
 * every term with the prefix for each query ("coun*": about a thousand terms), which took over
 * 100 ms at 100,000 articles; with them a short prefix is read like a single term. Longer prefixes
 * match few terms and stay fast without an index. Costs: a larger index and slower indexing
 * (measured by `npm run bench`, docs/bench.md).
 *
 * The index is contentless, so every article's terms are computed again (main/core/search-text.ts)
 * under the search key it already has (`article_search_keys`).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'search-prefixes',
  up(db) {
    db.exec(`
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title_terms,
        body_terms,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '${ARTICLE_FTS_PREFIXES.join(' ')}'
      );
    `);
    const insert = db.prepare('INSERT INTO articles_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)');
    const keyOf = db.prepare('SELECT key FROM article_search_keys WHERE article_id = ?').pluck();
    forEachArticleForIndex(db, (r) => {
      const row = articleIndexRow(r.title, r.text, r.blocks, r.language);
      insert.run(keyOf.get(r.id) as number, row.title, row.body);
    });
  },
};

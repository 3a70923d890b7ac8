import { articleIndexTableSql, reindexArticles } from '../../core/search-index.js';
import type { Migration } from './types.js';

/**
 * Prefix indexes for `Wort*` queries: `articles_fts` is rebuilt with FTS5 `prefix` indexes for
 * prefixes of 3, 4 and 5 letters (until migration 0011). Without them FTS5 merges the doclists of
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
  up(db, progress) {
    db.exec(`
      DROP TABLE articles_fts;
      ${articleIndexTableSql([3, 4, 5])};
    `);
    reindexArticles(db, false, progress);
  },
};

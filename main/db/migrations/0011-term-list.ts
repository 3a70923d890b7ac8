import { ARTICLE_FTS_AUTOMERGE, ARTICLE_FTS_HASH_SIZE, ARTICLE_FTS_PREFIXES, articleIndexTableSql, reindexArticles } from '../../core/search-index.js';
import type { Migration } from './types.js';

/**
 * One prefix index instead of three, and a term list for longer prefixes. FTS5 writes every prefix
 * index like another copy of the terms: with indexes for 3, 4 and 5 letters (migration 0007) a
 * folder import spent most of its database time on them, and at 100,000 articles a 6-letter
 * prefix, which has no index, still took 45 ms (p95). Now only 3-letter prefixes have an index;
 * a longer one is expanded to the terms it stands for, read from `article_terms` (every term in
 * the index), and FTS5 walks their OR newest first (main/core/search-index.ts: articleTerms,
 * recordTerms; measured in docs/bench.md).
 *
 * `articles_fts` is rebuilt: contentless, so every article's terms are computed again, under the
 * search key it already has. Its FTS5 settings (write buffer, merging; migrations 0009 and 0010)
 * go with the old table and are set again.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'term-list',
  up(db, progress) {
    db.exec(`
      DROP TABLE articles_fts;
      ${articleIndexTableSql(ARTICLE_FTS_PREFIXES)};
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ${Math.trunc(ARTICLE_FTS_HASH_SIZE)});
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', ${Math.trunc(ARTICLE_FTS_AUTOMERGE)});
      CREATE TABLE article_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE article_terms_state (id INTEGER PRIMARY KEY CHECK (id = 1), token INTEGER NOT NULL) STRICT;
      INSERT INTO article_terms_state (id, token) VALUES (1, 0);
    `);
    reindexArticles(db, true, progress);
  },
};

import { articleIndexRow, articleIndexTableSql, forEachArticleForIndex, searchKey } from '../../core/search-index.js';
import type { Migration } from './types.js';

/**
 * Search, Mappen and saved searches.
 *
 * - `articles_fts` is rebuilt: instead of the raw title and text it indexes their analysed terms
 *   (German-folded, stemmed by the article's language: see main/core/search-text.ts), computed in
 *   JavaScript because better-sqlite3 cannot register an FTS5 tokenizer. Contentless
 *   (`content=''`): the text already lives in `articles`; `contentless_delete=1` lets an article
 *   be re-indexed when a new version arrives. The rowid is a search key (publication date, then
 *   article id: see main/core/search-index.ts) so matches come newest first without a sort;
 *   `article_search_keys` records each article's key.
 * - `mappen` (research folders) with a case-folded unique `name_key` and a note; `mappe_articles`
 *   links articles (an article may be in several Mappen; deleting a Mappe keeps its articles).
 * - `saved_searches`: a name, the query text, the filters as JSON and the sort.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'search',
  up(db, progress) {
    db.exec(`
      DROP TABLE articles_fts;
      ${articleIndexTableSql([])};
      CREATE TABLE article_search_keys (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        key INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mappen (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE mappe_articles (
        mappe_id INTEGER NOT NULL REFERENCES mappen (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (mappe_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mappe_articles_article ON mappe_articles (article_id, mappe_id);

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        filters TEXT NOT NULL CHECK (json_valid(filters) AND json_type(filters) = 'object'),
        sort TEXT NOT NULL CHECK (sort IN ('date', 'relevance')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO articles_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)');
    const setKey = db.prepare('INSERT INTO article_search_keys (article_id, key) VALUES (?, ?)');
    forEachArticleForIndex(db, (r) => {
      const row = articleIndexRow(r.title, r.text, r.blocks, r.language);
      const key = searchKey(r.published, r.id);
      insert.run(key, row.title, row.body);
      setKey.run(r.id, key);
    }, progress);
  },
};

import type { Migration } from './types.js';

/**
 * Annotations and article versions.
 *
 * - `annotations`: typed highlights. `seq` is the stable integer key the full-text index joins on
 *   (a table without an INTEGER PRIMARY KEY may renumber its rowids on VACUUM); `id` is the UUID
 *   that leaves the app. The selectors (`exact`, `prefix`, `suffix`, `pos_start`, `pos_end`)
 *   describe the text whose content hash is `version_hash`; `anchor_start`/`anchor_end` place the
 *   passage in the article's current text, both NULL for an orphan. `original_exact` is the passage
 *   as first marked and never changes. `deleted_at` set = in the bin (restorable).
 * - `tags` with a case-folded `key` (German lower case: COLLATE NOCASE folds only ASCII) and
 *   `annotation_tags` linking them.
 * - `annotations_fts`: notes and quotes, diacritics folded, rowid = `annotations.seq`.
 * - `article_versions`: earlier versions of an article. The `articles` row always holds the newest
 *   text, so everything else keeps working on it; `content_hash` is unique here too, and the import
 *   checks both tables so that re-importing an old version is recognised as a duplicate.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'annotations',
  up(db) {
    db.exec(`
      CREATE TABLE annotations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version_hash TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('quote', 'claim', 'figure', 'note', 'question')),
        note TEXT NOT NULL DEFAULT '',
        exact TEXT NOT NULL CHECK (length(exact) > 0),
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        pos_start INTEGER NOT NULL CHECK (pos_start >= 0),
        pos_end INTEGER NOT NULL CHECK (pos_end > pos_start),
        anchor_start INTEGER,
        anchor_end INTEGER,
        anchor_method TEXT CHECK (anchor_method IN ('created', 'position', 'exact', 'fuzzy')),
        anchor_score REAL,
        original_exact TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),
        CHECK ((anchor_start IS NULL) = (anchor_method IS NULL)),
        CHECK (anchor_start IS NULL OR anchor_end > anchor_start)
      ) STRICT;
      CREATE INDEX annotations_article ON annotations (article_id, anchor_start);
      CREATE INDEX annotations_type_created ON annotations (type, created_at);
      CREATE INDEX annotations_created ON annotations (created_at);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE annotation_tags (
        annotation_seq INTEGER NOT NULL REFERENCES annotations (seq) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_seq, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id, annotation_seq);

      CREATE VIRTUAL TABLE annotations_fts USING fts5 (
        note,
        quote,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE article_versions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        version_markers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(version_markers)),
        text TEXT NOT NULL,
        blocks TEXT NOT NULL CHECK (json_valid(blocks)),
        source_file TEXT NOT NULL,
        source_format TEXT NOT NULL CHECK (source_format IN ('wire', 'text', 'markdown', 'html', 'pdf')),
        source_encoding TEXT,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
      ) STRICT;
    `);
  },
};

import type { Migration } from './types.js';

/**
 * The collection: articles with canonical text and blocks, their credits and desk contacts,
 * the user's settings, and the full-text index over the public text (headings and paragraphs) and the title.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'collection',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        title_derived INTEGER NOT NULL DEFAULT 0 CHECK (title_derived IN (0, 1)),
        kicker TEXT,
        language TEXT,
        agency TEXT,
        copyright TEXT,
        url TEXT,
        published TEXT,
        dateline_place TEXT,
        dateline_agency TEXT,
        dateline_text TEXT,
        version_markers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(version_markers)),
        text TEXT NOT NULL,
        blocks TEXT NOT NULL CHECK (json_valid(blocks)),
        word_count INTEGER NOT NULL,
        source_file TEXT NOT NULL,
        source_format TEXT NOT NULL CHECK (source_format IN ('wire', 'text', 'markdown', 'html', 'pdf')),
        source_encoding TEXT,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX articles_published ON articles (published DESC, id DESC);
      CREATE INDEX articles_title ON articles (title COLLATE NOCASE, id);
      CREATE INDEX articles_agency ON articles (agency COLLATE NOCASE, published DESC, id DESC);
      CREATE INDEX articles_imported ON articles (imported_at DESC, id DESC);

      CREATE TABLE article_credits (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('author', 'reporter', 'contributor', 'writer', 'editor')),
        name TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
      ) STRICT;
      CREATE INDEX article_credits_name ON article_credits (name COLLATE NOCASE);

      CREATE TABLE article_desk_contacts (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        email TEXT NOT NULL,
        scope TEXT,
        PRIMARY KEY (article_id, position)
      ) STRICT;
      CREATE INDEX article_desk_contacts_email ON article_desk_contacts (email COLLATE NOCASE);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};

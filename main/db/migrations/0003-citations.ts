import type { Migration } from './types.js';

/**
 * Citations: the user's edits of an article's bibliographic record (a JSON patch of CSL fields,
 * applied over the record derived from the metadata, so it survives re-parsing and re-import),
 * manually added sources as CSL items, and custom CSL styles.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'citations',
  up(db) {
    db.exec(`
      CREATE TABLE citation_overrides (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        patch TEXT NOT NULL CHECK (json_valid(patch) AND json_type(patch) = 'object'),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citation_sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('webpage', 'document', 'interview', 'person')),
        item TEXT NOT NULL CHECK (json_valid(item) AND json_type(item) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE citation_styles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        file_name TEXT NOT NULL,
        xml TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

import type { Migration } from './types.js';

/**
 * The source registry and the decisions on proposals.
 *
 * - `sources`: people, organisations, documents and anonymous sources. `name_key` is the name
 *   folded to lower case with German rules (COLLATE NOCASE folds only ASCII), used to reuse an entry
 *   by name. `aliases` is a JSON array of other spellings. `protected` = 1: name and aliases never
 *   leave the app (exporters redact them via `redactProtected`).
 * - `source_status_history`: every verification status a source had, dated, with who and why;
 *   the first row is written when the source is created.
 * - `source_mentions`: a passage of an article resting on a source, described like an annotation
 *   (offsets plus exact/prefix/suffix), optionally linked to the annotation on it. An annotation
 *   that is purged for good unlinks itself (SET NULL); the mention stays.
 * - `proposal_decisions`: accepted or rejected proposals per article, keyed by the proposal key
 *   (kind, span, text hash). Proposals themselves are computed on demand and never stored.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'sources',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'document', 'anonymous')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL,
        role TEXT,
        organisation TEXT,
        wording TEXT,
        aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'unbestätigt' CHECK (status IN ('unbestätigt', 'bestätigt', 'fraglich', 'widerlegt')),
        protected INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sources_name_key ON sources (name_key, kind);
      CREATE INDEX sources_protected ON sources (protected) WHERE protected = 1;

      CREATE TABLE source_status_history (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('unbestätigt', 'bestätigt', 'fraglich', 'widerlegt')),
        previous TEXT CHECK (previous IS NULL OR previous IN ('unbestätigt', 'bestätigt', 'fraglich', 'widerlegt')),
        note TEXT NOT NULL DEFAULT '',
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX source_status_history_source ON source_status_history (source_id, changed_at);

      CREATE TABLE source_mentions (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        annotation_id TEXT REFERENCES annotations (id) ON DELETE SET NULL,
        cue TEXT,
        role TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX source_mentions_source ON source_mentions (source_id, article_id, start);
      CREATE INDEX source_mentions_article ON source_mentions (article_id, start);
      CREATE INDEX source_mentions_annotation ON source_mentions (annotation_id) WHERE annotation_id IS NOT NULL;

      CREATE TABLE proposal_decisions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
        mention_id INTEGER REFERENCES source_mentions (id) ON DELETE SET NULL,
        annotation_id TEXT REFERENCES annotations (id) ON DELETE SET NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (article_id, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

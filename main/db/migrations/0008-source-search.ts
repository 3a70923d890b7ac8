import type { Migration } from './types.js';

/**
 * Source names in the search: `sources_fts` indexes each registry entry's name, aliases, role,
 * organisation and wording (external content: the text stays in `sources`; triggers keep the index
 * in step with every insert, update and delete, whoever writes: the registry, merges, archive
 * imports). Diacritics are folded by the tokenizer; ae/oe/ue and ß spellings are matched at query
 * time as for annotation notes (main/core/search.ts). Protected sources are indexed too: search
 * runs inside the app, and what leaves it is redacted by the exporters.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'source-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE sources_fts USING fts5 (
        name,
        aliases,
        role,
        organisation,
        wording,
        content = 'sources',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
        INSERT INTO sources_fts (rowid, name, aliases, role, organisation, wording)
        VALUES (new.id, new.name, new.aliases, new.role, new.organisation, new.wording);
      END;
      CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, name, aliases, role, organisation, wording)
        VALUES ('delete', old.id, old.name, old.aliases, old.role, old.organisation, old.wording);
      END;
      CREATE TRIGGER sources_fts_update AFTER UPDATE OF name, aliases, role, organisation, wording ON sources BEGIN
        INSERT INTO sources_fts (sources_fts, rowid, name, aliases, role, organisation, wording)
        VALUES ('delete', old.id, old.name, old.aliases, old.role, old.organisation, old.wording);
        INSERT INTO sources_fts (rowid, name, aliases, role, organisation, wording)
        VALUES (new.id, new.name, new.aliases, new.role, new.organisation, new.wording);
      END;
      INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
    `);
  },
};

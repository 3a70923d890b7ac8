import type { Database } from 'better-sqlite3';
import type { SavedSearch, SearchFilters, SearchSort } from '../../shared/contract-search.js';
import { AppError } from '../../shared/errors.js';
import { validateQuery } from './search.js';

/** Saved searches: a name, the query text, its filters and sort; run again with `search`. */

interface Row {
  id: number;
  name: string;
  query: string;
  filters: string;
  sort: SearchSort;
  created_at: string;
  updated_at: string;
}

function toSaved(r: Row): SavedSearch {
  return { id: r.id, name: r.name, query: r.query, filters: JSON.parse(r.filters) as SearchFilters, sort: r.sort, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Every saved search, by name. */
export function listSavedSearches(db: Database): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name_key, id').all() as Row[]).map(toSaved);
}

export interface SaveSearchInput {
  name: string;
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** Overwrite a saved search of the same name (ignoring case) instead of refusing. */
  replace?: boolean | undefined;
}

/**
 * Saves a search. The query is checked first, so a saved search always runs.
 * Errors: SEARCH_QUERY_INVALID, SAVED_SEARCH_NAME_TAKEN (unless `replace`), INVALID_ARGUMENTS for an empty name.
 */
export function saveSearch(db: Database, input: SaveSearchInput, now: string = new Date().toISOString()): SavedSearch {
  const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) throw new AppError('INVALID_ARGUMENTS', { channel: 'search.saved.save', reason: 'name ist leer' });
  if (input.query.trim()) validateQuery(input.query);
  const key = name.toLocaleLowerCase('de');
  return db
    .transaction(() => {
      const existing = db.prepare('SELECT id FROM saved_searches WHERE name_key = ?').get(key) as { id: number } | undefined;
      if (existing && !input.replace) throw new AppError('SAVED_SEARCH_NAME_TAKEN', { name });
      const filters = JSON.stringify(input.filters);
      if (existing) {
        db.prepare('UPDATE saved_searches SET name = ?, query = ?, filters = ?, sort = ?, updated_at = ? WHERE id = ?').run(name, input.query, filters, input.sort, now, existing.id);
        return toSaved(db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(existing.id) as Row);
      }
      const info = db
        .prepare('INSERT INTO saved_searches (name, name_key, query, filters, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(name, key, input.query, filters, input.sort, now, now);
      return toSaved(db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(info.lastInsertRowid) as Row);
    })
    .immediate();
}

/** Deletes a saved search. Errors: SAVED_SEARCH_NOT_FOUND. */
export function deleteSavedSearch(db: Database, id: number): { deleted: true } {
  const info = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
  if (info.changes === 0) throw new AppError('SAVED_SEARCH_NOT_FOUND', { id });
  return { deleted: true };
}

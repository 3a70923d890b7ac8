import type { Database } from 'better-sqlite3';
import { SUMMARY_COLUMNS, rowToSummary, type SummaryRow } from './article-summary.js';
import type { ArticleSummary } from '../../shared/article.js';
import type { Mappe } from '../../shared/contract-search.js';
import { AppError } from '../../shared/errors.js';

/**
 * Mappen: research folders per story. An article may be in several Mappen; deleting a Mappe
 * removes only the folder and its links, never the articles. Names are unique ignoring case
 * (German lower case: COLLATE NOCASE folds only ASCII, so "Ölpreis" and "ölpreis" need `name_key`).
 */

interface MappeRow {
  id: number;
  name: string;
  note: string;
  created_at: string;
  updated_at: string;
  article_count: number;
}

const SELECT = `SELECT m.id, m.name, m.note, m.created_at, m.updated_at,
  (SELECT count(*) FROM mappe_articles ma WHERE ma.mappe_id = m.id) AS article_count FROM mappen m`;

function toMappe(r: MappeRow): Mappe {
  return { id: r.id, name: r.name, note: r.note, articleCount: r.article_count, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** The name as stored (whitespace folded) and its comparison key. */
function cleanName(raw: string): { name: string; key: string } {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) throw new AppError('MAPPE_NAME_EMPTY');
  return { name, key: name.toLocaleLowerCase('de') };
}

/** Every Mappe with its article count, by name. */
export function listMappen(db: Database): Mappe[] {
  return (db.prepare(`${SELECT} ORDER BY m.name_key, m.id`).all() as MappeRow[]).map(toMappe);
}

/** One Mappe, or MAPPE_NOT_FOUND. */
export function getMappe(db: Database, id: number): Mappe {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MappeRow | undefined;
  if (!row) throw new AppError('MAPPE_NOT_FOUND', { id });
  return toMappe(row);
}

/** A Mappe by id (digits) or by name, ignoring case; for the CLI and filters. */
export function findMappe(db: Database, idOrName: string): Mappe {
  if (/^\d+$/.test(idOrName.trim())) return getMappe(db, Number(idOrName.trim()));
  const { key } = cleanName(idOrName);
  const row = db.prepare(`${SELECT} WHERE m.name_key = ?`).get(key) as MappeRow | undefined;
  if (!row) throw new AppError('MAPPE_NOT_FOUND', { id: `„${idOrName.trim()}“` });
  return toMappe(row);
}

function assertNameFree(db: Database, key: string, name: string, exceptId?: number): void {
  const other = db.prepare('SELECT id FROM mappen WHERE name_key = ?').get(key) as { id: number } | undefined;
  if (other && other.id !== exceptId) throw new AppError('MAPPE_NAME_TAKEN', { name });
}

/** Creates an empty Mappe. Errors: MAPPE_NAME_EMPTY, MAPPE_NAME_TAKEN. */
export function createMappe(db: Database, rawName: string, note = '', now: string = new Date().toISOString()): Mappe {
  const { name, key } = cleanName(rawName);
  return db
    .transaction(() => {
      assertNameFree(db, key, name);
      const info = db.prepare('INSERT INTO mappen (name, name_key, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, key, note, now, now);
      return getMappe(db, Number(info.lastInsertRowid));
    })
    .immediate();
}

/** Renames a Mappe (a change of case only is allowed). */
export function renameMappe(db: Database, id: number, rawName: string, now: string = new Date().toISOString()): Mappe {
  const { name, key } = cleanName(rawName);
  return db
    .transaction(() => {
      getMappe(db, id);
      assertNameFree(db, key, name, id);
      db.prepare('UPDATE mappen SET name = ?, name_key = ?, updated_at = ? WHERE id = ?').run(name, key, now, id);
      return getMappe(db, id);
    })
    .immediate();
}

/** Sets the Mappe's note (research notes for the story). */
export function setMappeNote(db: Database, id: number, note: string, now: string = new Date().toISOString()): Mappe {
  return db
    .transaction(() => {
      getMappe(db, id);
      db.prepare('UPDATE mappen SET note = ?, updated_at = ? WHERE id = ?').run(note, now, id);
      return getMappe(db, id);
    })
    .immediate();
}

/** Deletes a Mappe and its links; the articles stay. Returns how many articles it held. */
export function deleteMappe(db: Database, id: number): { deleted: true; articleCount: number } {
  return db
    .transaction(() => {
      const { articleCount } = getMappe(db, id);
      db.prepare('DELETE FROM mappe_articles WHERE mappe_id = ?').run(id);
      db.prepare('DELETE FROM mappen WHERE id = ?').run(id);
      return { deleted: true as const, articleCount };
    })
    .immediate();
}

/** Adds articles; those already in the Mappe stay as they are. All or nothing: an unknown id adds none. */
export function addToMappe(db: Database, id: number, articleIds: readonly number[], now: string = new Date().toISOString()): { added: number; mappe: Mappe } {
  return db
    .transaction(() => {
      getMappe(db, id);
      const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
      const link = db.prepare('INSERT OR IGNORE INTO mappe_articles (mappe_id, article_id, added_at) VALUES (?, ?, ?)');
      let added = 0;
      for (const a of new Set(articleIds)) {
        if (!exists.get(a)) throw new AppError('ARTICLE_NOT_FOUND', { id: a });
        added += link.run(id, a, now).changes;
      }
      if (added > 0) db.prepare('UPDATE mappen SET updated_at = ? WHERE id = ?').run(now, id);
      return { added, mappe: getMappe(db, id) };
    })
    .immediate();
}

/** Removes articles from a Mappe (not from the collection); ids not in it are ignored. */
export function removeFromMappe(db: Database, id: number, articleIds: readonly number[], now: string = new Date().toISOString()): { removed: number; mappe: Mappe } {
  return db
    .transaction(() => {
      getMappe(db, id);
      const unlink = db.prepare('DELETE FROM mappe_articles WHERE mappe_id = ? AND article_id = ?');
      let removed = 0;
      for (const a of new Set(articleIds)) removed += unlink.run(id, a).changes;
      if (removed > 0) db.prepare('UPDATE mappen SET updated_at = ? WHERE id = ?').run(now, id);
      return { removed, mappe: getMappe(db, id) };
    })
    .immediate();
}

/** The Mappen an article is in (for the reading view). */
export function mappenOfArticle(db: Database, articleId: number): Mappe[] {
  return (db.prepare(`${SELECT} WHERE m.id IN (SELECT mappe_id FROM mappe_articles WHERE article_id = ?) ORDER BY m.name_key`).all(articleId) as MappeRow[]).map(toMappe);
}

/** A page of a Mappe's articles, most recently published first. */
export function mappeArticles(db: Database, id: number, offset = 0, limit = 100): { total: number; items: ArticleSummary[] } {
  const { articleCount } = getMappe(db, id);
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}
       FROM mappe_articles ma JOIN articles a ON a.id = ma.article_id WHERE ma.mappe_id = ?
       ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(id, limit, offset) as SummaryRow[];
  return {
    total: articleCount,
    items: rows.map(rowToSummary),
  };
}

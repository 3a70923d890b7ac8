import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CanonicalTextBuilder } from '../../shared/text-builder.js';
import type { BlockKind, ParsedArticle } from '../../shared/article.js';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../main/db/migrations/index.js';
import { openDatabase, type Database } from '../../main/db/open.js';
import { articleIndexRow, searchKey } from '../../main/core/search-index.js';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'fundstelle-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite file in a fresh folder, migrated. */
export function tempDb(): { db: Database; file: string; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'collection.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}

/** A parsed article built from blocks, with empty metadata unless given. */
export function parsed(blocks: [BlockKind, string][], meta: Partial<ParsedArticle> = {}): ParsedArticle & { title: string; language: string | null } {
  const b = new CanonicalTextBuilder();
  for (const [kind, text] of blocks) b.add(kind, text);
  return {
    text: b.text,
    blocks: b.blocks,
    title: 'Testartikel',
    titleDerived: false,
    language: 'de',
    agency: null,
    copyright: null,
    url: null,
    published: null,
    dateline: null,
    datelineText: null,
    credits: [],
    deskContacts: [],
    versionMarkers: [],
    kicker: null,
    ...meta,
  } as ParsedArticle & { title: string; language: string | null };
}

/** Every row of every table (and the schema), for "nothing changed" comparisons. */
export function dumpDatabase(db: Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
  out.__schema = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
  return out;
}

/**
 * Stores an article the way a collection of an older schema holds it (from schema 6 on: with its
 * search key and index row), by plain SQL: the app's own insert path writes the newest schema only.
 * For tests of migrations. Returns the article id.
 */
export function storeAsOldSchema(db: Database, a: { title: string; text: string; published: string | null; language?: string }): number {
  const blocks = [{ kind: 'paragraph' as const, start: 0, end: a.text.length }];
  const id = Number(
    db
      .prepare(
        `INSERT INTO articles (title, text, blocks, word_count, content_hash, source_file, source_format, source_encoding, imported_at, published, language)
         VALUES (?, ?, ?, 1, ?, 'x.txt', 'wire', 'utf-8', '2026-01-01T00:00:00.000Z', ?, ?)`,
      )
      .run(a.title, a.text, JSON.stringify(blocks), `hash:${a.title}:${a.text}`, a.published, a.language ?? 'de').lastInsertRowid,
  );
  const hasKeys = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'article_search_keys'").get() !== undefined;
  if (hasKeys) {
    const key = searchKey(a.published, id);
    const row = articleIndexRow(a.title, a.text, blocks, a.language ?? 'de');
    db.prepare('INSERT INTO article_search_keys (article_id, key) VALUES (?, ?)').run(id, key);
    db.prepare('INSERT INTO articles_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)').run(key, row.title, row.body);
  }
  return id;
}

/** Writes a collection file at schema `version` (from 6 on) with `n` short articles, as that schema stored them. For tests of upgrades. */
export function writeOldCollection(file: string, n: number, version = 10): string {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  for (let i = 0; i < n; i++) storeAsOldSchema(db, { title: `Meldung ${i}`, text: `Der Hafen meldet Schiff ${i}.`, published: '2025-03-01' });
  db.close();
  return file;
}

/** The schema version (`user_version`) of a collection file, read without changing it. */
export function fileSchemaVersion(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAsNewVersion } from '../../../main/core/article-versions.js';
import { insertArticle } from '../../../main/core/articles.js';
import { ARTICLE_FTS_AUTOMERGE, ARTICLE_FTS_HASH_SIZE, withDeferredIndex } from '../../../main/core/search-index.js';
import { LATEST_VERSION, migrate } from '../../../main/db/migrations/index.js';
import { search } from '../../../main/core/search.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema } from '../../../shared/contract-search.js';
import { parsed, storeAsOldSchema, tempDb } from '../../helpers/db.js';

let db: Database;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDb()));
afterEach(() => cleanup());

const prov = (file: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-11-28T10:00:00.000Z' });
const story = (word: string, published: string) => parsed([['paragraph', `Lindhafen (AFP) - Im Hafen wurde ${word} gemeldet, teilte die Stadt mit.`]], { title: `Meldung ${word}`, published });

/** Article ids whose text matches `word`. */
function hits(word: string): number[] {
  const res = search(db, searchRequestSchema.parse({ query: word, filters: { kinds: ['article'] } }));
  return res.hits.map((h) => (h.kind === 'article' ? h.id : -1)).sort((a, b) => a - b);
}
function integrity(): void {
  db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)").run();
}
/** Runs `write` as a folder import group does: one transaction, the index deferred. */
function group(write: () => void): void {
  db.transaction(() => withDeferredIndex(db, write)).immediate();
}

describe('deferred index writes (folder import groups)', () => {
  it('holds the FTS rows back until the group ends and then writes every stored article, whatever the date order', () => {
    let ids: number[] = [];
    group(() => {
      ids = [story('Quallenalarm', '2025-03-03'), story('Quallenschwarm', '2024-01-01'), story('Quallenplage', '2025-12-24')].map((a, i) => insertArticle(db, a, prov(`${i}.txt`)).id);
      // Nothing is in the index yet: the rows wait for the end of the group.
      expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quallenalarm'").pluck().get()).toBe(0);
    });
    expect(hits('Quallenalarm')).toEqual([ids[0]]);
    expect(hits('Quallen*')).toEqual(ids);
    integrity();
  });

  it('leaves nothing in the index for a file whose savepoint was rolled back', () => {
    let kept = 0;
    group(() => {
      kept = insertArticle(db, story('Leuchtturm', '2025-01-01'), prov('a.txt')).id;
      expect(() =>
        db.transaction(() => {
          insertArticle(db, story('Nebelhorn', '2025-01-02'), prov('b.txt'));
          throw new Error('the file fails after its article row was written');
        })(),
      ).toThrow(/fails/);
    });
    expect(hits('Leuchtturm')).toEqual([kept]);
    expect(hits('Nebelhorn')).toEqual([]);
    // The next article can take the rolled-back id's place without meeting a stale index row.
    const next = insertArticle(db, story('Seezeichen', '2025-01-02'), prov('c.txt')).id;
    expect(hits('Seezeichen')).toEqual([next]);
    expect(hits('Nebelhorn')).toEqual([]);
    integrity();
  });

  it('indexes only the newest text of an article replaced later in the same group, and the old one when the replacement rolls back', () => {
    let replaced = 0;
    let kept = 0;
    group(() => {
      replaced = insertArticle(db, story('Ebbe', '2025-02-01'), prov('a.txt')).id;
      importAsNewVersion(db, replaced, story('Flut', '2025-02-01'), prov('a2.txt'));
      importAsNewVersion(db, replaced, story('Sturmflut', '2025-02-03'), prov('a3.txt')); // a new date: a new key
      kept = insertArticle(db, story('Brandung', '2025-02-01'), prov('b.txt')).id;
      expect(() =>
        db.transaction(() => {
          importAsNewVersion(db, kept, story('Springflut', '2025-02-01'), prov('b2.txt'));
          throw new Error('rolled back');
        })(),
      ).toThrow(/rolled back/);
    });
    expect(hits('Ebbe')).toEqual([]);
    expect(hits('Flut')).toEqual([]);
    expect(hits('Sturmflut')).toEqual([replaced]);
    expect(hits('Brandung')).toEqual([kept]);
    expect(hits('Springflut')).toEqual([]);
    integrity();
  });

  it('needs a transaction', () => {
    expect(() => withDeferredIndex(db, () => 1)).toThrow(/transaction/);
  });
});

describe('index write buffer and merging (migrations 9 and 10)', () => {
  it('sets FTS5 hashsize and automerge on new and upgraded collections and keeps what was indexed', () => {
    const setting = (d: BetterSqlite3.Database, k: string) => d.prepare('SELECT v FROM articles_fts_config WHERE k = ?').pluck().get(k);
    expect(setting(db, 'hashsize')).toBe(ARTICLE_FTS_HASH_SIZE);
    expect(setting(db, 'automerge')).toBe(ARTICLE_FTS_AUTOMERGE);
    const old = new BetterSqlite3(':memory:');
    try {
      migrate(old, 8);
      expect(setting(old, 'hashsize')).toBeUndefined();
      const id = storeAsOldSchema(old, { title: 'Hafenkran', text: 'Ein neuer Hafenkran steht in Hamburg.', published: '2025-05-05' });
      migrate(old, 9);
      expect(setting(old, 'hashsize')).toBe(16 * 1024 * 1024);
      expect(setting(old, 'automerge')).toBeUndefined();
      expect(migrate(old)).toBe(LATEST_VERSION);
      expect(setting(old, 'hashsize')).toBe(ARTICLE_FTS_HASH_SIZE);
      expect(setting(old, 'automerge')).toBe(ARTICLE_FTS_AUTOMERGE);
      expect(old.prepare("SELECT rowid & 67108863 FROM articles_fts WHERE articles_fts MATCH 'hafenkran'").pluck().all()).toEqual([id]);
      expect(() => old.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")).not.toThrow();
    } finally {
      old.close();
    }
  });
});

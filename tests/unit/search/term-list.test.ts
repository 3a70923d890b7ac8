import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFilesBatched } from '../../../main/core/import/batch.js';
import { ParsePool, type ParsedGroup } from '../../../main/core/import/parse-pool.js';
import { expandPaths } from '../../../main/core/import/pipeline.js';
import { insertArticle } from '../../../main/core/articles.js';
import { search } from '../../../main/core/search.js';
import { PREFIX_EXPANSION_MAX, relevanceExpansionFor, relevanceExpansionMax, strictArticleMatch, termScope, withDeferredIndex } from '../../../main/core/search-index.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema, type ArticleSearchHit } from '../../../shared/contract-search.js';
import { parseSearchQuery } from '../../../shared/search-query.js';
import { writeStories } from '../../bench/generate.js';
import { parsed, tempDb } from '../../helpers/db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const source = (file: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' });

function fresh(): Database {
  const { db, cleanup } = tempDb();
  cleanups.push(cleanup);
  return db;
}

function store(db: Database, title: string, text: string, published = '2025-03-01'): number {
  return insertArticle(db, parsed([['paragraph', text]], { title, published }), source(`${title}.txt`)).id;
}

function titles(db: Database, query: string): string[] {
  return (search(db, searchRequestSchema.parse({ query, filters: { kinds: ['article'] } })).hits as ArticleSearchHit[]).map((h) => h.title).sort();
}

/** Article ids FTS5's own prefix query finds for a folded prefix: what the expansion must equal. */
function nativeIds(db: Database, prefix: string): number[] {
  return (db.prepare('SELECT rowid & 67108863 FROM articles_fts WHERE articles_fts MATCH ? ORDER BY 1').pluck().all(`"${prefix}"*`) as number[]).sort((a, b) => a - b);
}

function matchOf(db: Database, query: string): string | null {
  return strictArticleMatch(query, parseSearchQuery(query), db);
}

describe('long prefixes through the term list', () => {
  it('expands a prefix longer than the indexed ones to the terms it stands for, with what FTS5 itself finds', () => {
    const db = fresh();
    const ids = {
      a: store(db, 'Dichtung', 'Die Zylinderkopfdichtung des Motors war defekt.'),
      b: store(db, 'Zylinder', 'Zwei Zylinder arbeiten im Takt.'),
      c: store(db, 'Kopf', 'Der Zylinderkopf wurde getauscht, der Zylinderblock nicht.'),
      d: store(db, 'Fremd', 'Ein Zyklus der Zyklone.'),
    };
    const m = matchOf(db, 'Zylinderk*') as string;
    // The OR of stored terms, not FTS5's prefix query.
    expect(m).not.toContain('*');
    expect(m).toContain('"zylinderkopfdicht"');
    expect(m).toContain('"zylinderkopf"');
    expect(m).not.toContain('"zylinderblock"');
    for (const [q, prefix] of [
      ['Zylinderk*', 'zylinderk'],
      ['Zylin*', 'zylin'],
      ['Zykl*', 'zykl'],
      ['Zylinderb*', 'zylinderb'],
    ] as const) {
      const got = (search(db, searchRequestSchema.parse({ query: q, filters: { kinds: ['article'] } })).hits as ArticleSearchHit[]).map((h) => h.id).sort((x, y) => x - y);
      expect([q, got]).toEqual([q, nativeIds(db, prefix)]);
    }
    expect(titles(db, 'Zylinderk*')).toEqual(['Dichtung', 'Kopf']);
    expect(titles(db, 'Zylinderb*')).toEqual(['Kopf']);
    expect(titles(db, 'Zyk*')).toEqual(['Fremd']);
    expect(titles(db, 'Zylinderx*')).toEqual([]);
    expect(ids.b).toBeGreaterThan(0);
  });

  it('keeps FTS5 prefix queries for indexed lengths, for too many terms, and without a collection', () => {
    const db = fresh();
    store(db, 'Kakao', 'Die Kakaobohnen werden teurer.');
    expect(matchOf(db, 'Kak*')).toContain('"kak"*');
    expect(strictArticleMatch('Kakaob*', parseSearchQuery('Kakaob*'))).toContain('"kakaob"*');
    db.prepare("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 <= ?) INSERT INTO article_terms (term) SELECT printf('kakaox%05d', i) FROM n").run(PREFIX_EXPANSION_MAX);
    expect(matchOf(db, 'Kakaox*')).toContain('"kakaox"*');
    expect(matchOf(db, 'Kakaob*')).not.toContain('*');
    expect(titles(db, 'Kakaob*')).toEqual(['Kakao']);
  });

  it('ranks a long expansion by relevance: the same matches as by date, the article with the most hits first', () => {
    const db = fresh();
    const words = Array.from({ length: 70 }, (_, i) => `Kakaoy${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    words.forEach((w, i) => store(db, `Artikel ${i}`, `${w} ${i % 2 ? 'steigt' : 'fällt'} in Abidjan, sagen Händler und Exporteure.`, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`));
    store(db, 'Kakaoyab und Kakaoyac', 'Kakaoyaa, Kakaoyad und Kakaoyae.', '2024-01-01');
    expect(matchOf(db, 'Kakaoy*')).not.toContain('*');
    // Ranked on a collection this small, 70 terms are more than it expands (FTS5's prefix query is quicker).
    expect(relevanceExpansionMax(db)).toBe(64);
    expect(strictArticleMatch('Kakaoy*', parseSearchQuery('Kakaoy*'), db, relevanceExpansionMax(db))).toContain('"kakaoy"*');
    expect(strictArticleMatch('Kakaoyaa*', parseSearchQuery('Kakaoyaa*'), db, relevanceExpansionMax(db))).not.toContain('*');
    const hits = (sort: 'date' | 'relevance') => search(db, searchRequestSchema.parse({ query: 'Kakaoy*', sort, limit: 200, filters: { kinds: ['article'] } })).hits as ArticleSearchHit[];
    const ids = (sort: 'date' | 'relevance') => hits(sort).map((h) => h.id).sort((a, b) => a - b);
    expect(ids('relevance')).toHaveLength(words.length + 1);
    expect(ids('relevance')).toEqual(ids('date'));
    // The oldest article, but five hits, two in the title.
    expect(hits('relevance')[0]?.title).toBe('Kakaoyab und Kakaoyac');
    expect(hits('date')[0]?.title).not.toBe('Kakaoyab und Kakaoyac');
  });

  it('expands more for ranking the larger the collection: one term per 100 articles, 64 to 2,000', () => {
    expect([0, 6_400, 10_000, 100_000, 150_000, 1_000_000].map(relevanceExpansionFor)).toEqual([64, 64, 100, 1_000, 1_500, PREFIX_EXPANSION_MAX]);
  });

  it('records each new term once, in the same transaction as the index row', () => {
    const db = fresh();
    const count = () => db.prepare('SELECT count(*) FROM article_terms').pluck().get() as number;
    store(db, 'Eins', 'Der Hafen von Hamburg.');
    const after1 = count();
    // Terms of 4 letters or more (shorter ones are read through the 3-letter prefix index).
    expect(db.prepare('SELECT term FROM article_terms ORDER BY term').pluck().all()).toEqual(['hamburg']);
    store(db, 'Zwei', 'Von Hamburg der Hafen.', '2025-03-02');
    expect(count()).toBe(after1 + 1); // only "zwei" is new
    expect(db.prepare('SELECT term FROM article_terms ORDER BY term').pluck().all()).toEqual(['hamburg', 'zwei']);
  });

  it('records the terms of a group written with deferred index rows (the folder import)', () => {
    const db = fresh();
    db.transaction(() =>
      withDeferredIndex(db, () => {
        store(db, 'Erste', 'Die Hafenkräne in Rotterdam.');
        store(db, 'Zweite', 'Die Hafenmauer in Antwerpen.', '2025-03-02');
      }),
    )();
    expect(db.prepare("SELECT term FROM article_terms WHERE term LIKE 'hafen%' OR term IN ('rotterdam', 'antwerp') ORDER BY term").pluck().all()).toEqual(['antwerp', 'hafenkran', 'hafenmau', 'rotterdam']);
    expect(titles(db, 'Hafenk*')).toEqual(['Erste']);
    expect(titles(db, 'Hafen*')).toEqual(['Erste', 'Zweite']);
  });

  it('after a folder import on a parse worker, lists every term of the index longer than the indexed prefixes, and no other', async () => {
    const db = fresh();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-terms-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const files = writeStories(dir, 60);
    // The same stories once more under other names: duplicates, not indexed again.
    for (const f of files.slice(0, 10)) fs.copyFileSync(f, path.join(path.dirname(f), `kopie-${path.basename(f)}`));
    const outcomes = [];
    for await (const o of importFilesBatched(db, expandPaths([dir]).files, { groupSize: 16, workers: 1 })) outcomes.push(o);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(70);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(60);
    db.exec("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, 'articles_fts', 'row')");
    const indexed = db.prepare('SELECT term FROM temp.index_terms WHERE length(term) > 3 ORDER BY term').pluck().all();
    expect(indexed.length).toBeGreaterThan(1000);
    expect(db.prepare('SELECT term FROM article_terms ORDER BY term').pluck().all()).toEqual(indexed);
  });

  it('a parse worker reports each term once in a term scope, every term again in another, none without one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-terms-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const files = writeStories(dir, 40);
    const pool = ParsePool.open(1);
    expect(pool).not.toBeNull();
    cleanups.push(() => pool!.close());
    const termsOfRows = (g: ParsedGroup) => new Set(g.files.flatMap((f) => (f.ok ? `${f.derived.index.title} ${f.derived.index.body}`.split(' ') : [])).filter((t) => t !== ''));
    const reported = (g: ParsedGroup) => new Set(g.newTerms?.terms.split(' ') ?? []);

    const a = await pool!.parse(files.slice(0, 20), 'de', 1_000_001);
    const b = await pool!.parse(files.slice(20), 'de', 1_000_001);
    expect([a.newTerms?.scope, b.newTerms?.scope]).toEqual([1_000_001, 1_000_001]);
    const [ra, rb] = [reported(a), reported(b)];
    const [ta, tb] = [termsOfRows(a), termsOfRows(b)];
    // Every term of the rows was reported, in this group or in the one before.
    expect([...ta].filter((t) => !ra.has(t))).toEqual([]);
    expect([...tb].filter((t) => !ra.has(t) && !rb.has(t))).toEqual([]);
    // What the second group shares with the first ("der", "und", the frequent words) is not reported again.
    const shared = [...tb].filter((t) => ta.has(t));
    expect(shared.length).toBeGreaterThan(100);
    expect(shared.filter((t) => rb.has(t)).length).toBeLessThan(shared.length / 2);
    expect(['der', 'und', 'the', 'and'].filter((t) => rb.has(t))).toEqual([]);
    expect(['der', 'und', 'the', 'and'].filter((t) => tb.has(t))).toEqual(['der', 'und', 'the', 'and']);

    // Another scope: the worker's memo starts empty, so every term is reported again.
    const c = await pool!.parse(files.slice(20), 'de', 1_000_002);
    const rc = reported(c);
    expect([...termsOfRows(c)].filter((t) => !rc.has(t))).toEqual([]);
    // Without a scope nothing is reported (the app's shared pool).
    expect((await pool!.parse(files.slice(0, 3), 'de')).newTerms).toBeNull();
  });

  it('after a group rolled back in a folder import on a parse worker (disk full), the list still has every term of the index', async () => {
    const db = fresh();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-terms-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const files = writeStories(dir, 64);
    const outcomes = [];
    for await (const o of importFilesBatched(db, files, { groupSize: 16, workers: 1 })) {
      outcomes.push(o);
      // The second group cannot grow the file: its transaction is rolled back, and each of its
      // files fails alone. The worker had reported that group's new terms; later groups use them.
      if (outcomes.length === 16) db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      if (outcomes.length === 32) db.pragma('max_page_count = 1073741823');
    }
    expect(outcomes.slice(16, 32).filter((o) => !o.ok).map((o) => (o.ok ? '' : o.error.code))).toContain('DISK_FULL');
    expect(outcomes.slice(32).every((o) => o.ok)).toBe(true);
    db.exec("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, 'articles_fts', 'row')");
    const indexed = db.prepare('SELECT term FROM temp.index_terms WHERE length(term) > 3 ORDER BY term').pluck().all() as string[];
    const listed = new Set(db.prepare('SELECT term FROM article_terms').pluck().all() as string[]);
    expect(indexed.length).toBeGreaterThan(1000);
    expect(indexed.filter((t) => !listed.has(t))).toEqual([]);
  });

  it('stores groups of imports sharing a pool in the order they were parsed, so a rolled-back group cannot leave a later one with unrecorded terms', async () => {
    const db = fresh();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-terms-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, title: string, text: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, `${title}\n\n${text}\n`);
      return f;
    };
    // The first import's group has the only other file with "Zwiebelturmsanierung", and its
    // transaction is rolled back whole (RAISE(ROLLBACK) as a full disk would); the worker reported
    // the word's term with that group and not again with the second import's group.
    const first = [
      write('a-1.txt', 'Kirchturm wird saniert', 'Die Zwiebelturmsanierung in Lindhafen beginnt im Mai, sagte der Pfarrer.'),
      write('a-2.txt', 'Hafenfest', 'Das Hafenfest lockte Tausende Besucher an die Kais.'),
    ];
    const second = [write('b-1.txt', 'Kirchturm eingerüstet', 'Für die Zwiebelturmsanierung steht nun das Gerüst.'), write('b-2.txt', 'Markt', 'Der Wochenmarkt zieht auf den Domplatz.')];
    db.exec("CREATE TEMP TRIGGER poison BEFORE INSERT ON articles WHEN NEW.source_file = 'a-1.txt' BEGIN SELECT RAISE(ROLLBACK, 'abgebrochen'); END");
    const pool = ParsePool.open(1)!;
    cleanups.push(() => pool.close());
    // The first group's files arrive late (after the second import stored its group, or 300 ms).
    let secondStored = (): void => undefined;
    const late = new Promise<void>((resolve) => {
      secondStored = resolve;
      setTimeout(resolve, 300);
    });
    const parse = pool.parse.bind(pool);
    let calls = 0;
    vi.spyOn(pool, 'parse').mockImplementation((files, lang, scope) => {
      const parsing = parse(files, lang, scope);
      return calls++ === 0 ? late.then(() => parsing) : parsing;
    });
    const run = async (files: string[]) => {
      const out = [];
      for await (const o of importFilesBatched(db, files, { pool, groupSize: files.length })) out.push(o);
      return out;
    };
    const [a, b] = await Promise.all([run(first), run(second).finally(() => secondStored())]);
    expect(a.map((o) => o.ok)).toEqual([false, true]);
    expect(b.map((o) => o.ok)).toEqual([true, true]);
    expect(titles(db, 'Zwiebelturms*')).toEqual(['Kirchturm eingerüstet']);
    expect(db.prepare("SELECT term FROM article_terms WHERE term LIKE 'zwiebel%'").pluck().all()).toEqual(['zwiebelturmsanier']);
  });

  it('a group parsed on a shared pool but not stored (the import was broken off) ends the term scope', async () => {
    const db = fresh();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-terms-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, `Meldung ${name}\n\n${text}\n`);
      return f;
    };
    const files = [
      write('1.txt', 'Das Hafenfest lockte Tausende an die Kais.'),
      write('2.txt', 'Der Wochenmarkt zieht auf den Domplatz.'),
      write('3.txt', 'Die Zwiebelturmsanierung beginnt im Mai.'),
      write('4.txt', 'Die Fähre fährt wieder nach Fahrplan.'),
    ];
    const pool = ParsePool.open(1)!;
    cleanups.push(() => pool.close());
    // Broken off after the first file: the second group (with "Zwiebelturmsanierung") was parsed, not stored.
    for await (const o of importFilesBatched(db, files, { pool, groupSize: 2 })) {
      expect(o.ok).toBe(true);
      break;
    }
    const later = [write('5.txt', 'Für die Zwiebelturmsanierung steht das Gerüst.')];
    for await (const o of importFilesBatched(db, later, { pool, groupSize: 1 })) expect(o.ok).toBe(true);
    expect(titles(db, 'Zwiebelturms*')).toEqual(['Meldung 5.txt']);
    expect(db.prepare("SELECT term FROM article_terms WHERE term LIKE 'zwiebel%'").pluck().all()).toEqual(['zwiebelturmsanier']);
  });

  it('records what a worker reported for a group nested in another (written with the outer one)', () => {
    const db = fresh();
    const scope = termScope(db);
    db.transaction(() =>
      withDeferredIndex(db, () => {
        store(db, 'Aussen', 'Der Hafenkran steht still.');
        // A duplicate's words were reported by the worker but are not indexed again: still recorded.
        withDeferredIndex(db, () => store(db, 'Innen', 'Die Kaimauer bröckelt.', '2025-03-02'), { scope, terms: 'kaimau brockelt schleusentor' });
      }),
    )();
    expect(db.prepare("SELECT term FROM article_terms WHERE term IN ('hafenkran', 'kaimau', 'schleusentor') ORDER BY term").pluck().all()).toEqual(['hafenkran', 'kaimau', 'schleusentor']);
  });

  it('a transaction rolled back after the terms a worker reported were recorded ends the term scope: the next group is scanned', () => {
    const db = fresh();
    const scope = termScope(db);
    // A group whose worker reported "zylinderkopf", recorded, then rolled back with its transaction.
    expect(() =>
      db.transaction(() => {
        withDeferredIndex(db, () => store(db, 'Verworfen', 'Der Zylinderkopf wurde getauscht.'), { scope, terms: 'der zylinderkopf wurd getauscht' });
        throw new Error('abgebrochen');
      })(),
    ).toThrow('abgebrochen');
    // The worker's next group has the word again and does not report it: it was reported before.
    db.transaction(() => withDeferredIndex(db, () => store(db, 'Kopf', 'Der Zylinderkopf wurde getauscht.'), { scope, terms: '' }))();
    expect(termScope(db)).not.toBe(scope);
    expect(db.prepare("SELECT count(*) FROM article_terms WHERE term = 'zylinderkopf'").pluck().get()).toBe(1);
    expect(titles(db, 'Zylinderk*')).toEqual(['Kopf']);
  });

  it('a rolled-back write leaves no term remembered that the list does not have', () => {
    const db = fresh();
    store(db, 'Dichtung', 'Die Zylinderkopfdichtung war defekt.');
    // A transaction rolled back after the article (and its new term "zylinderkopf") was indexed.
    expect(() =>
      db.transaction(() => {
        store(db, 'Verworfen', 'Der Zylinderkopf wurde getauscht.');
        throw new Error('abgebrochen');
      })(),
    ).toThrow('abgebrochen');
    expect(db.prepare("SELECT count(*) FROM article_terms WHERE term = 'zylinderkopf'").pluck().get()).toBe(0);
    // The same term again, now committed: it must reach the list, or "Zylinderk*" misses the article.
    store(db, 'Kopf', 'Der Zylinderkopf wurde getauscht.');
    expect(titles(db, 'Zylinderk*')).toEqual(['Dichtung', 'Kopf']);

    // The same within one transaction: a savepoint rolled back, the transaction committed.
    db.transaction(() => {
      expect(() =>
        db.transaction(() => {
          store(db, 'Verworfen', 'Ein Zylinderblock aus Guss.');
          throw new Error('Datei verworfen');
        })(),
      ).toThrow('Datei verworfen');
      store(db, 'Block', 'Ein Zylinderblock aus Guss.', '2025-03-03');
    })();
    expect(titles(db, 'Zylinderb*')).toEqual(['Block']);
    expect(titles(db, 'Zylinder*')).toEqual(['Block', 'Dichtung', 'Kopf']);
  });
});

import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import { search } from '../../../main/core/search.js';
import { ARTICLE_FTS_AUTOMERGE, INDEX_SEGMENTS_SETTLED, indexSegmentCount, mergeIndexFully, mergeIndexStep } from '../../../main/core/search-index.js';
import type { Database } from '../../../main/db/open.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import { IndexMaintenance, MAINTENANCE_IDLE_MS, MAINTENANCE_STEP_GAP_MS } from '../../../main/ipc/index-maintenance.js';
import { searchRequestSchema } from '../../../shared/contract-search.js';
import { settleIndex } from '../../../main/cli/index-merge.js';
import { jsonLines, runCli } from '../../helpers/cli.js';
import { parsed, tempDb } from '../../helpers/db.js';

let db: Database;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, cleanup } = tempDb());
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const SEGMENTS = INDEX_SEGMENTS_SETTLED + 4;

/** One article per transaction with FTS5's own merging off: one index segment each, as a bulk import leaves many. */
function importSeparately(n: number, from = 0): void {
  db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)");
  for (let i = from; i < from + n; i++) {
    const text = `Lindhafen (dpa) - Das ${i}. Hafenfest lockte Tausende an die Kais der Deutschen Bahn. Hafenmeisterin Nr${i} war zufrieden.`;
    const article = parsed([['paragraph', text]], { title: `Hafenfest ${i}`, published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}` });
    insertArticle(db, article, { file: `fest-${i}.txt`, format: 'wire', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' });
  }
  db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', ${ARTICLE_FTS_AUTOMERGE})`);
}

function results(query: string): unknown {
  const r = search(db, searchRequestSchema.parse({ query, filters: { kinds: ['article'] }, limit: 100 }));
  return { total: r.total, hits: r.hits.map((h) => (h.kind === 'article' ? [h.id, h.snippet] : h.kind)) };
}

function integrity(): void {
  db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
}

describe('index maintenance: merging the search index', () => {
  it('counts the segments a bulk import leaves, and merges them into one without changing any result', () => {
    expect(indexSegmentCount(db)).toBe(0);
    importSeparately(SEGMENTS);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    const before = ['Hafenfest', '"Deutschen Bahn"', 'Hafenmeist*', 'Nr7 OR Nr11'].map(results);

    // A step of one page did work; the next steps continue the merge until nothing is left.
    expect(mergeIndexStep(db, 1)).toBe(true);
    expect(mergeIndexFully(db, 1)).toBeGreaterThanOrEqual(1);
    expect(indexSegmentCount(db)).toBe(1);
    expect(mergeIndexStep(db)).toBe(false);
    expect(['Hafenfest', '"Deutschen Bahn"', 'Hafenmeist*', 'Nr7 OR Nr11'].map(results)).toEqual(before);
    integrity();
  });
});

describe('IndexMaintenance (idle time)', () => {
  it('merges once it has been quiet for MAINTENANCE_IDLE_MS, one step at a time', () => {
    vi.useFakeTimers();
    importSeparately(SEGMENTS);
    const m = new IndexMaintenance(db);
    m.touch();
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS - 1);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    vi.advanceTimersByTime(1 + 200 * MAINTENANCE_STEP_GAP_MS);
    expect(indexSegmentCount(db)).toBe(1);
    integrity();
  });

  it('waits while calls keep coming, and leaves a few segments alone', () => {
    vi.useFakeTimers();
    importSeparately(SEGMENTS);
    const m = new IndexMaintenance(db);
    for (let i = 0; i < 10; i++) {
      m.touch();
      vi.advanceTimersByTime(MAINTENANCE_IDLE_MS / 2);
    }
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    m.stop();
    vi.advanceTimersByTime(10 * MAINTENANCE_IDLE_MS);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);

    mergeIndexFully(db);
    importSeparately(INDEX_SEGMENTS_SETTLED - 1, 100);
    expect(indexSegmentCount(db)).toBe(INDEX_SEGMENTS_SETTLED);
    m.touch();
    vi.advanceTimersByTime(10 * MAINTENANCE_IDLE_MS);
    // Not worth rewriting the whole index for a few new articles.
    expect(indexSegmentCount(db)).toBe(INDEX_SEGMENTS_SETTLED);
  });

  it('holds off while a call is in flight, however long', () => {
    vi.useFakeTimers();
    importSeparately(SEGMENTS);
    const m = new IndexMaintenance(db);
    m.begin();
    m.touch();
    vi.advanceTimersByTime(10 * MAINTENANCE_IDLE_MS);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    m.end();
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS + 200 * MAINTENANCE_STEP_GAP_MS);
    expect(indexSegmentCount(db)).toBe(1);
  });

  it('does not wait for another process writing, and goes on once it is done', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // performance.now() stays real
    importSeparately(SEGMENTS);
    const busyTimeout = db.pragma('busy_timeout', { simple: true });
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    const m = new IndexMaintenance(db);
    m.touch();
    const started = performance.now();
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS + 200 * MAINTENANCE_STEP_GAP_MS);
    // Waiting for the lock would have taken the connection's busy timeout (seconds).
    expect(performance.now() - started).toBeLessThan(1000);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(busyTimeout);
    other.exec('COMMIT');
    other.close();
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    m.touch();
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS + 200 * MAINTENANCE_STEP_GAP_MS);
    expect(indexSegmentCount(db)).toBe(1);
  });

  it('is driven by the contract handlers and ends quietly when the collection is closed', async () => {
    vi.useFakeTimers();
    importSeparately(SEGMENTS);
    // A call that stays open (a dialog here, as a long import would).
    let answer: (paths: string[]) => void = () => undefined;
    const handlers = createHandlers({ db, dbPath: file, transport: 'electron', showOpenDialog: () => new Promise((resolve) => (answer = resolve)) });
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS - 10);
    handlers['settings.set']({ language: 'en' });
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS - 10);
    const open = handlers['dialog.openImport']({ folders: true }) as Promise<unknown>;
    vi.advanceTimersByTime(10 * MAINTENANCE_IDLE_MS);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
    answer([]);
    await open;
    vi.advanceTimersByTime(MAINTENANCE_IDLE_MS + 200 * MAINTENANCE_STEP_GAP_MS);
    expect(indexSegmentCount(db)).toBe(1);
    integrity();

    importSeparately(SEGMENTS, 200);
    handlers['app.info']({});
    db.close();
    expect(() => vi.advanceTimersByTime(10 * MAINTENANCE_IDLE_MS)).not.toThrow();
  });
});

describe('the CLI import', () => {
  // None of the words the results compare before and after.
  const story = `Kaimauer in Osterbrück wird saniert

Osterbrück, 14. März 2025 (dpa) - Die Kaimauer am Nordkai wird im Sommer saniert, sagte die Stadtsprecherin am Freitag.

xyz/dpa
`;

  it('merges an index left in many segments, and says so on stderr without touching --json output', () => {
    importSeparately(SEGMENTS);
    const before = ['Hafenfest', '"Deutschen Bahn"', 'Hafenmeist*', 'Nr7 OR Nr11'].map(results);
    const dir = path.join(path.dirname(file), 'neu');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'kaimauer.txt'), story);
    const r = runCli(['import', dir, '--json', '--db', file]);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Suchindex wird zusammengeführt \(\d+ Teile\), damit die Suche schnell bleibt …\nSuchindex zusammengeführt \(\d+\.\d s\)\.\n$/);
    expect(indexSegmentCount(db)).toBe(1);
    expect(['Hafenfest', '"Deutschen Bahn"', 'Hafenmeist*', 'Nr7 OR Nr11'].map(results)).toEqual(before);
    expect((results('Kaimauer') as { total: number }).total).toBe(1);
    integrity();
  });

  it('keeps the import when the merge cannot get the write lock, and says the app will merge later', () => {
    importSeparately(SEGMENTS);
    const other = new BetterSqlite3(file);
    const err: string[] = [];
    try {
      other.exec('BEGIN IMMEDIATE');
      db.pragma('busy_timeout = 0');
      settleIndex(db, 'de', { out: () => undefined, err: (s) => err.push(s), env: {}, isTty: false });
    } finally {
      other.close();
    }
    expect(err.join('')).toMatch(/Suchindex wird zusammengeführt .*\nSuchindex nicht zusammengeführt \(database is locked\)\. Der Import ist vollständig gespeichert; die App führt den Index zusammen, sobald sie geöffnet und untätig ist\.\n$/s);
    expect(indexSegmentCount(db)).toBe(SEGMENTS);
  });

  it('leaves a few segments alone (a small import is not followed by a merge)', () => {
    importSeparately(INDEX_SEGMENTS_SETTLED - 2);
    const dir = path.join(path.dirname(file), 'neu');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'kaimauer.txt'), story);
    const r = runCli(['import', dir, '--db', file, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/merg/i);
    expect(indexSegmentCount(db)).toBe(INDEX_SEGMENTS_SETTLED - 1);
  });
});

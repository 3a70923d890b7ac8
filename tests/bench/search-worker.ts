import BetterSqlite3 from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { search } from '../../main/core/search.js';
import { openDatabase } from '../../main/db/open.js';
import { searchRequestSchema } from '../../shared/contract-search.js';
import { corpus } from './generate.js';
import { benchQueries, QUERY_CLASSES, type QueryClass } from './queries.js';

/**
 * The search half of the benchmark, in its own process so that its peak RSS is the searching's,
 * not the import's: `node --import tsx tests/bench/search-worker.ts APP_DB RAW_DB ROUNDS`.
 * Prints one JSON object.
 */

export interface Latency {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0, n: s.length };
}

const [appDb, rawDb, roundsArg] = process.argv.slice(2);
if (!appDb || !rawDb) throw new Error('usage: search-worker.ts APP_DB RAW_DB [ROUNDS]');
const rounds = Number(roundsArg ?? 10);
const queries = benchQueries(corpus());
const db = openDatabase(appDb);
const raw = new BetterSqlite3(rawDb, { readonly: true });
const rawStmt = raw.prepare(`SELECT rowid, title, snippet(raw_fts, 1, '[', ']', '…', 16) AS s FROM raw_fts WHERE raw_fts MATCH ? LIMIT 50`);
const rawIds = raw.prepare('SELECT rowid FROM raw_fts WHERE raw_fts MATCH ? LIMIT 50');

type Series = Record<QueryClass, number[]>;
const empty = (): Series => Object.fromEntries(QUERY_CLASSES.map((c) => [c, []])) as unknown as Series;
const app = empty();
const appRelevance = empty();
const rawSnip = empty();
const rawOnly = empty();
const hits: Record<string, { app: number; appTotal: number; raw: number }> = {};

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

for (let round = 0; round <= rounds; round++) {
  for (const q of queries) {
    const req = searchRequestSchema.parse({ query: q.app, filters: { kinds: ['article'] }, limit: 50 });
    const reqRel = searchRequestSchema.parse({ query: q.app, filters: { kinds: ['article'] }, limit: 50, sort: 'relevance' });
    let res: ReturnType<typeof search> | undefined;
    let rows: unknown[] = [];
    const tApp = time(() => (res = search(db, req)));
    const tRel = time(() => search(db, reqRel));
    const tRaw = time(() => (rows = rawStmt.all(q.raw)));
    const tIds = time(() => rawIds.all(q.raw));
    // Round 0 warms the page cache and statement caches; it is not counted.
    if (round === 0) {
      hits[q.app] = { app: res?.hits.length ?? 0, appTotal: res?.total ?? 0, raw: rows.length };
      continue;
    }
    app[q.cls].push(tApp);
    appRelevance[q.cls].push(tRel);
    rawSnip[q.cls].push(tRaw);
    rawOnly[q.cls].push(tIds);
  }
}

const per = (s: Series) => Object.fromEntries(QUERY_CLASSES.map((c) => [c, latency(s[c])]));
process.stdout.write(
  `${JSON.stringify({
    app: per(app),
    appRelevance: per(appRelevance),
    rawSnippet: per(rawSnip),
    rawIds: per(rawOnly),
    hits,
    queries,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
db.close();
raw.close();

import type { Database } from 'better-sqlite3';
import {
  headingsOf,
  type ArticleDetail,
  type ArticleMetadata,
  type ArticleSummary,
  type Block,
  type Credit,
  type DeskContact,
  type SourceFormat,
} from '../../shared/article.js';
import { AppError } from '../../shared/errors.js';
import { SUMMARY_COLUMNS, rowToSummary, type SummaryRow } from './article-summary.js';
import type { ArticleListQuery, ArticleListResult } from '../../shared/contract-types.js';
import { syncDeskContacts } from './contacts.js';
import { lenientArticleMatch, searchArticlesLenient } from './search.js';
import { ARTICLE_ID_BITS, ARTICLE_ID_OF_ROWID, indexArticle } from './search-index.js';
import { deriveArticle, type StorableArticle } from './article-derived.js';
export { contentHash } from './article-derived.js';
import { cachedStatement } from '../db/statements.js';

/** Where an article came from; stored with it. */
export interface Provenance {
  file: string;
  format: SourceFormat;
  encoding: string | null;
  importedAt: string;
}

/** What insertArticle did: the id, and whether the content was already there. */
export interface InsertOutcome {
  id: number;
  duplicate: boolean;
}

interface ArticleRow {
  id: number;
  content_hash: string;
  title: string;
  title_derived: number;
  kicker: string | null;
  language: string | null;
  agency: string | null;
  copyright: string | null;
  url: string | null;
  published: string | null;
  dateline_place: string | null;
  dateline_agency: string | null;
  dateline_text: string | null;
  version_markers: string;
  text: string;
  blocks: string;
  word_count: number;
  source_file: string;
  source_format: SourceFormat;
  source_encoding: string | null;
  imported_at: string;
}

/** The named parameters of an `articles` row (insert or new version): one mapping from a parsed article. */
export function articleRowParams(article: StorableArticle, prov: Provenance): Record<string, string | number | null> {
  const { hash, wordCount } = deriveArticle(article);
  return {
    hash,
    title: article.title,
    titleDerived: article.titleDerived ? 1 : 0,
    kicker: article.kicker,
    language: article.language,
    agency: article.agency,
    copyright: article.copyright,
    url: article.url,
    published: article.published,
    datelinePlace: article.dateline?.place ?? null,
    datelineAgency: article.dateline?.agency ?? null,
    datelineText: article.datelineText,
    versionMarkers: JSON.stringify(article.versionMarkers),
    text: article.text,
    blocks: JSON.stringify(article.blocks),
    wordCount,
    file: prov.file,
    format: prov.format,
    encoding: prov.encoding,
    importedAt: prov.importedAt,
  };
}

/**
 * Stores a parsed article with its credits, desk contacts and search index entry in one
 * transaction. When the same content is already in the collection nothing is written and the
 * existing id is returned with `duplicate: true`. `article.title` must be set (derive it first).
 */
export function insertArticle(db: Database, article: StorableArticle, prov: Provenance): InsertOutcome {
  const { hash, index } = deriveArticle(article);
  return db
    .transaction((): InsertOutcome => {
      const existing = cachedStatement(db, 'SELECT id FROM articles WHERE content_hash = ?').get(hash) as { id: number } | undefined;
      if (existing) return { id: existing.id, duplicate: true };
      const info = cachedStatement(
        db,
        `INSERT INTO articles (content_hash, title, title_derived, kicker, language, agency, copyright, url, published,
             dateline_place, dateline_agency, dateline_text, version_markers, text, blocks, word_count,
             source_file, source_format, source_encoding, imported_at)
           VALUES (@hash, @title, @titleDerived, @kicker, @language, @agency, @copyright, @url, @published,
             @datelinePlace, @datelineAgency, @datelineText, @versionMarkers, @text, @blocks, @wordCount,
             @file, @format, @encoding, @importedAt)`,
      ).run(articleRowParams(article, prov));
      const id = Number(info.lastInsertRowid);
      // Only public text is searchable: non-public blocks hold private contact data.
      indexArticle(db, id, index);
      const credit = cachedStatement(db, 'INSERT INTO article_credits (article_id, position, role, name) VALUES (?, ?, ?, ?)');
      article.credits.forEach((c, i) => credit.run(id, i, c.role, c.name));
      const desk = cachedStatement(db, 'INSERT INTO article_desk_contacts (article_id, position, email, scope) VALUES (?, ?, ?, ?)');
      article.deskContacts.forEach((d, i) => desk.run(id, i, d.email, d.scope));
      // The desks named in the footer join the address book with their beats, in this transaction.
      syncDeskContacts(db, id, prov.importedAt);
      return { id, duplicate: false };
    })
    .immediate();
}

function creditsOf(db: Database, id: number): Credit[] {
  return cachedStatement(db, 'SELECT role, name FROM article_credits WHERE article_id = ? ORDER BY position').all(id) as Credit[];
}

function deskContactsOf(db: Database, id: number): DeskContact[] {
  return cachedStatement(db, 'SELECT email, scope FROM article_desk_contacts WHERE article_id = ? ORDER BY position').all(id) as DeskContact[];
}

function rowToDetail(db: Database, row: ArticleRow): ArticleDetail {
  const blocks = JSON.parse(row.blocks) as Block[];
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    language: row.language,
    agency: row.agency,
    copyright: row.copyright,
    published: row.published,
    dateline: row.dateline_place ? { place: row.dateline_place, agency: row.dateline_agency } : null,
    credits: creditsOf(db, row.id),
    deskContacts: deskContactsOf(db, row.id),
    headings: headingsOf(row.text, blocks),
    versionMarkers: JSON.parse(row.version_markers) as string[],
    wordCount: row.word_count,
    source: { file: row.source_file, format: row.source_format },
    text: row.text,
    blocks,
    datelineText: row.dateline_text,
    kicker: row.kicker,
    url: row.url,
    encoding: row.source_encoding,
    importedAt: row.imported_at,
    contentHash: row.content_hash,
  };
}

/** One article with text and blocks, or an ARTICLE_NOT_FOUND error. */
export function getArticle(db: Database, id: number): ArticleDetail {
  const row = cachedStatement(db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', { id });
  return rowToDetail(db, row);
}

/** The metadata JSON of one article (the import/show output shape). */
export function getArticleMetadata(db: Database, id: number, duplicate = false): ArticleMetadata {
  return metadataOf(id, duplicate, getArticle(db, id));
}

/**
 * The metadata of an article that insertArticle has just stored as `id`, from the article itself:
 * what getArticleMetadata would read back (tests/unit/store/inserted-metadata.test.ts), without
 * reading the row, its credits and desk contacts again (a folder import reports every file).
 */
export function insertedMetadata(article: StorableArticle, prov: Provenance, id: number): ArticleMetadata {
  const { place, agency } = article.dateline ?? { place: '', agency: null };
  return metadataOf(id, false, {
    title: article.title,
    titleDerived: article.titleDerived,
    language: article.language,
    agency: article.agency,
    copyright: article.copyright,
    published: article.published,
    // Stored as place and agency; read back only when there is a place.
    dateline: place ? { place, agency: agency ?? null } : null,
    credits: article.credits.map(({ role, name }) => ({ role, name })),
    deskContacts: article.deskContacts.map(({ email, scope }) => ({ email, scope })),
    headings: headingsOf(article.text, article.blocks),
    versionMarkers: [...article.versionMarkers],
    wordCount: deriveArticle(article).wordCount,
    source: { file: prov.file, format: prov.format },
  });
}

function metadataOf(id: number, duplicate: boolean, d: Omit<ArticleMetadata, 'id' | 'duplicate'>): ArticleMetadata {
  return {
    id,
    duplicate,
    title: d.title,
    titleDerived: d.titleDerived,
    language: d.language,
    agency: d.agency,
    copyright: d.copyright,
    published: d.published,
    dateline: d.dateline,
    credits: d.credits,
    deskContacts: d.deskContacts,
    headings: d.headings,
    versionMarkers: d.versionMarkers,
    wordCount: d.wordCount,
    source: d.source,
  };
}

// Each sort key has an index (see migration 0001) so a page of 100,000 articles is read without sorting them all.
const ORDER_BY: Record<ArticleListQuery['sort'], { asc: string; desc: string }> = {
  published: {
    desc: 'a.published DESC, a.id DESC',
    asc: 'a.published ASC, a.id ASC',
  },
  title: { asc: 'a.title COLLATE NOCASE ASC, a.id ASC', desc: 'a.title COLLATE NOCASE DESC, a.id DESC' },
  agency: {
    asc: 'a.agency COLLATE NOCASE ASC, a.published DESC, a.id DESC',
    desc: 'a.agency COLLATE NOCASE DESC, a.published DESC, a.id DESC',
  },
  imported: { desc: 'a.imported_at DESC, a.id DESC', asc: 'a.imported_at ASC, a.id ASC' },
};

/**
 * A filtered list with at most this many matches is put in order by SQL; with more, its page is
 * found by walking the sort's index (see {@link filteredPageInSortOrder}).
 */
export const FILTER_SORT_IN_SQL_MAX = 2000;

/**
 * A page of the library list, sorted, optionally filtered by a full-text query. `total` counts
 * every match so the list can size its scroll area.
 *
 * Filtered, on a large collection a frequent word matches most articles, and neither the count
 * nor the page may materialise every match in SQL (measured in docs/bench.md). In date order (the
 * default) the total is counted by FTS5 alone and the page is read from the index's search keys,
 * which are in date order (search-index.ts); in the other orders see filteredPageInSortOrder.
 * `sortInSqlMax`: FILTER_SORT_IN_SQL_MAX, other values for tests.
 */
export function listArticles(db: Database, q: ArticleListQuery, sortInSqlMax = FILTER_SORT_IN_SQL_MAX): ArticleListResult {
  const order = ORDER_BY[q.sort][q.direction];
  // Type-ahead filter: tolerant of half-typed syntax, words match as prefixes (search.ts). Counting
  // every match is quicker with FTS5's own prefix queries; a page, with long prefixes expanded.
  const filter = q.query?.trim() ? lenientArticleMatch(q.query).match : null;
  if (filter) {
    if (q.sort !== 'published') return filteredPageInSortOrder(db, filter, order, q.offset, q.limit, sortInSqlMax);
    const total = cachedStatement(db, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(filter) as number;
    const walk = lenientArticleMatch(q.query as string, db).match as string;
    return { total, items: pageInKeyOrder(db, walk, q.direction, q.offset, q.limit).map(rowToSummary) };
  }
  const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ limit: q.limit, offset: q.offset }) as SummaryRow[];
  return { total, items: rows.map(rowToSummary) };
}

/**
 * A page of the articles matching `match` in a sort other than by date (title, agency, imported),
 * and their total. The matches' ids are read from the index once (their number is the total).
 * Up to `sortInSqlMax` of them are sorted by SQL. More: the sort's own index (migration 0001) is
 * walked in order and each article looked up among the matches, until the page is full; with many
 * matches that is a short walk. Before, SQL fetched and sorted every match for each page (100,000
 * articles, a frequent word: 100–600 ms per page; docs/bench.md).
 */
function filteredPageInSortOrder(db: Database, match: string, order: string, offset: number, limit: number, sortInSqlMax: number): ArticleListResult {
  const ids = cachedStatement(db, `SELECT ${ARTICLE_ID_OF_ROWID} FROM articles_fts WHERE articles_fts MATCH ?`).pluck().all(match) as number[];
  if (ids.length <= sortInSqlMax) {
    const rows = db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(JSON.stringify(ids), limit, offset) as SummaryRow[];
    return { total: ids.length, items: rows.map(rowToSummary) };
  }
  let maxId = 0;
  for (const id of ids) if (id > maxId) maxId = id;
  const matching = new Uint8Array(maxId + 1);
  for (const id of ids) matching[id] = 1;
  const page: number[] = [];
  let skipped = 0;
  for (const id of db.prepare(`SELECT a.id FROM articles a ORDER BY ${order}`).pluck().iterate() as IterableIterator<number>) {
    if (id > maxId || matching[id] === 0) continue;
    if (skipped < offset) skipped++;
    else if (page.push(id) === limit) break;
  }
  const rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: ids.length, items: page.flatMap((id) => (byId.has(id) ? [rowToSummary(byId.get(id) as SummaryRow)] : [])) };
}

/**
 * Rows `offset` to `offset + limit` of the articles matching `match`, in the list's date order
 * (`a.published`, then `a.id`), read from the index in search-key order. A key only holds the hour
 * (dateOrdinal), so the hours at both ends of the page are read whole and put in exact order by SQL
 * with the list's own ORDER BY: rows of later hours come before, rows of earlier hours after.
 */
function pageInKeyOrder(db: Database, match: string, direction: 'asc' | 'desc', offset: number, limit: number): SummaryRow[] {
  const hourOf = (key: number) => Math.floor(key / 2 ** ARTICLE_ID_BITS);
  const walk = cachedStatement(db, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid ${direction === 'desc' ? 'DESC' : 'ASC'} LIMIT ?`).pluck();
  // Read until a key of another hour follows the page's last row (or the matches end). A walk with
  // a LIMIT, not a rowid range: FTS5 walks an OR of many terms far more slowly with a range.
  let keys: number[];
  for (let want = offset + limit + 1; ; want *= 2) {
    keys = walk.all(match, want) as number[];
    if (keys.length < want || hourOf(keys[keys.length - 1] as number) !== hourOf(keys[offset + limit - 1] as number)) break;
  }
  if (keys.length <= offset) return [];
  const firstHour = hourOf(keys[offset] as number);
  const lastHour = hourOf(keys[Math.min(offset + limit, keys.length) - 1] as number);
  let from = offset;
  while (from > 0 && hourOf(keys[from - 1] as number) === firstHour) from--;
  let to = Math.min(offset + limit, keys.length);
  while (to < keys.length && hourOf(keys[to] as number) === lastHour) to++;
  const ids = keys.slice(from, to).map((k) => k % 2 ** ARTICLE_ID_BITS);
  const rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER_BY.published[direction]}`).all(JSON.stringify(ids)) as SummaryRow[];
  return rows.slice(offset - from, offset - from + limit);
}

/** One search hit: the article and a snippet with the matches between \u0002 and \u0003 markers. */
export interface SearchHit extends ArticleSummary {
  snippet: string;
}

export { HIT_END, HIT_START } from './search-snippet.js';

/**
 * Full-text search over title and public text, best match first. The query is what a user types:
 * words (all must occur, each also as a word beginning), "quoted phrases", the syntax of
 * `search.query` when it parses (see search.ts).
 */
export function searchArticles(db: Database, query: string, limit = 50): SearchHit[] {
  return searchArticlesLenient(db, query, limit);
}

/**
 * Turns typed text into a safe FTS5 query: "phrases" stay phrases, every other word becomes a
 * quoted prefix term, so user input can never be a malformed FTS5 expression.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').trim();
      if (phrase) terms.push(`"${phrase.replace(/"/g, '')}"`);
    } else if (m[2] !== undefined) {
      const word = m[2].replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      for (const part of word.split(/\s+/)) if (part) terms.push(`"${part}"*`);
    }
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Number of articles in the collection. */
export function countArticles(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}

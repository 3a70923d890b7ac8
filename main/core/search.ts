import type { Database } from 'better-sqlite3';
import { SUMMARY_COLUMNS, rowToSummary, type SummaryRow } from './article-summary.js';
import { tagKey } from '../../shared/annotation.js';
import { publicText, type ArticleSummary, type Block } from '../../shared/article.js';
import { SEARCH_KINDS, SOURCE_HITS_MAX, type AnnotationSearchHit, type ArticleSearchHit, type SearchFilters, type SearchHit, type SearchRequest, type SearchResult, type SourceSearchHit } from '../../shared/contract-search.js';
import { matchSources } from './sources.js';
import { parseSearchQuery, parseSearchQueryLenient, type ParsedQuery, type SearchNode } from '../../shared/search-query.js';
import { ARTICLE_ID_BITS, PREFIX_EXPANSION_MAX, articleMatch, compileMatch, relevanceExpansionMax, strictArticleMatch, type TermCompiler } from './search-index.js';
import { hitMatcher, makeSnippet, type HitMatcher } from './search-snippet.js';
import { stemLanguageOf, termOf, wordsOf } from './search-text.js';
import { cachedStatement } from '../db/statements.js';

/**
 * Search over articles (title and public text) and annotations (notes and quotes), with filters.
 *
 * Cost on a large collection: a common term matches most articles, and ranking or sorting all of
 * them is what makes naive full-text search slow. Here nothing is sorted by date: the index rowid
 * is a search key that starts with the publication date (search-index.ts), so FTS5 hands out
 * matches newest first and the query stops after the page (plus SEARCH_COUNT_LIMIT for the total).
 * Relevance (bm25, title weighted 3:1) ranks the RELEVANCE_CANDIDATES newest matches, found the
 * same way, never all of them. Filters are checked per match while walking. Measured by
 * `npm run bench` (docs/bench.md).
 *
 * Source names: the registry's `sources_fts` (migration 8) is searched by `searchSourcePage`; its
 * hits come separately (`sources`), at most SOURCE_HITS_MAX, on the first page.
 */

/** Relevance ranks this many of the newest matches. */
export const RELEVANCE_CANDIDATES = 2000;
/** Totals above this are reported as "at least" (`totalExact: false`). */
export const SEARCH_COUNT_LIMIT = 1000;

const ID_MASK = 2 ** ARTICLE_ID_BITS - 1;


const tableCache = new WeakMap<Database, Map<string, boolean>>();

/** Whether a table exists (annotations, inquiries and sources arrive with their own features). */
function hasTable(db: Database, name: string): boolean {
  let m = tableCache.get(db);
  if (!m) tableCache.set(db, (m = new Map()));
  let v = m.get(name);
  if (v === undefined) {
    v = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
    // Only a found table is cached: a missing one may be created by a migration later.
    if (v) m.set(name, v);
  }
  return v;
}

interface Sql {
  where: string[];
  params: Record<string, unknown>;
}

function addList(sql: Sql, prefix: string, values: readonly unknown[]): string {
  return values
    .map((v, i) => {
      const key = `${prefix}${i}`;
      sql.params[key] = v;
      return `@${key}`;
    })
    .join(', ');
}

/** The upper bound of a date filter: `2025-02` covers every published value starting with it. */
function dateUpperBound(to: string): string {
  return `${to}\uffff`;
}

/** SQL conditions on `articles a` for the article-level filters (and `agency:`/`lang:` from the query). */
function articleFilters(db: Database, f: SearchFilters, parsed: ParsedQuery | null): Sql {
  const sql: Sql = { where: [], params: {} };
  for (const [agencies, tag] of [
    [f.agencies ?? [], 'ag'],
    [parsed?.agency ?? [], 'qag'],
  ] as const) {
    if (agencies.length > 0) sql.where.push(`a.agency COLLATE NOCASE IN (${addList(sql, tag, agencies)})`);
  }
  for (const [langs, tag] of [
    [f.languages ?? [], 'lg'],
    [parsed?.lang ?? [], 'qlg'],
  ] as const) {
    if (langs.length > 0) sql.where.push(`a.language IN (${addList(sql, tag, langs.map((l) => l.toLowerCase()))})`);
  }
  if (f.from) {
    sql.where.push('a.published >= @from');
    sql.params.from = f.from;
  }
  if (f.to) {
    sql.where.push('a.published <= @to');
    sql.params.to = dateUpperBound(f.to);
  }
  if (f.mappen?.length) sql.where.push(`a.id IN (SELECT article_id FROM mappe_articles WHERE mappe_id IN (${addList(sql, 'mp', f.mappen)}))`);
  const annotationConds = annotationOnlyFilters(db, f, sql, 'x');
  if (annotationConds.length > 0) {
    sql.where.push(`a.id IN (SELECT x.article_id FROM annotations x WHERE ${annotationConds.join(' AND ')})`);
  }
  if (f.openInquiries) {
    if (!hasTable(db, 'inquiries')) sql.where.push('0');
    else sql.where.push("a.id IN (SELECT article_id FROM inquiries WHERE status IN ('offen', 'gestellt'))");
  }
  return sql;
}

/** Conditions on an annotation row `alias` for the tag and type filters (empty when none apply). */
function annotationOnlyFilters(db: Database, f: SearchFilters, sql: Sql, alias: string): string[] {
  const conds: string[] = [];
  if (!f.tags?.length && !f.types?.length) return conds;
  if (!hasTable(db, 'annotations')) return ['0'];
  conds.push(`${alias}.deleted_at IS NULL`);
  if (f.types?.length) conds.push(`${alias}.type IN (${addList(sql, `${alias}ty`, f.types)})`);
  if (f.tags?.length) {
    conds.push(
      `${alias}.seq IN (SELECT at.annotation_seq FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE t.key IN (${addList(sql, `${alias}tg`, f.tags.map(tagKey))}))`,
    );
  }
  return conds;
}

function whereClause(conds: string[]): string {
  return conds.length > 0 ? conds.join(' AND ') : '1';
}

function countUpTo(db: Database, innerSql: string, params: Record<string, unknown>, cap: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM (${innerSql} LIMIT ${cap + 1})`).get(params) as { n: number }).n;
}

interface ArticlePage {
  rows: (SummaryRow & { score?: number })[];
  total: number;
  exact: boolean;
}

const DATE_ORDER = 'a.published DESC, a.id DESC';

/** Summary rows of the given ids, in that order. */
function summariesOf(db: Database, ids: readonly number[]): SummaryRow[] {
  if (ids.length === 0) return [];
  const rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is SummaryRow => r !== undefined);
}

/**
 * A page of matching articles (offset/limit), newest first or by relevance; see the module
 * comment for why neither sorts all matches. `match` null: filters only.
 */
export function searchArticlePage(db: Database, match: string | null, filters: Sql, sort: SearchRequest['sort'], offset: number, limit: number): ArticlePage {
  const where = whereClause(filters.where);
  const params: Record<string, unknown> = { ...filters.params, limit, offset };
  if (match === null) {
    const total = countUpTo(db, `SELECT 1 FROM articles a WHERE ${where}`, params, SEARCH_COUNT_LIMIT);
    const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${where} ORDER BY ${DATE_ORDER} LIMIT @limit OFFSET @offset`).all(params) as SummaryRow[];
    return { rows, total: Math.min(total, SEARCH_COUNT_LIMIT), exact: total <= SEARCH_COUNT_LIMIT };
  }
  params.match = match;
  // Without filters the index alone answers; with filters each match is checked against its article.
  const from =
    filters.where.length === 0
      ? 'FROM articles_fts f WHERE f.articles_fts MATCH @match'
      : `FROM articles_fts f JOIN articles a ON a.id = (f.rowid & ${ID_MASK}) WHERE f.articles_fts MATCH @match AND ${where}`;
  // Without filters the SQL text is always the same: prepared once per connection (preparing costs
  // about as much as a rare term's search). With filters it varies with them, so it is prepared each time.
  const statement = (sql: string) => (filters.where.length === 0 ? cachedStatement(db, sql) : db.prepare(sql));
  if (sort === 'date') {
    // One walk, newest first, no sort: the page and the (capped) total from the same rows.
    params.want = Math.max(SEARCH_COUNT_LIMIT + 1, offset + limit);
    const keys = statement(`SELECT f.rowid ${from} ORDER BY f.rowid DESC LIMIT @want`).pluck().all(params) as number[];
    const rows = summariesOf(
      db,
      keys.slice(offset, offset + limit).map((k) => k % 2 ** ARTICLE_ID_BITS),
    );
    return { rows, total: Math.min(keys.length, SEARCH_COUNT_LIMIT), exact: keys.length <= SEARCH_COUNT_LIMIT };
  }
  // Relevance: the RELEVANCE_CANDIDATES newest matches, each scored by bm25 in the same walk, sorted
  // here. (Scoring them in a second query over their rowid range was 3–4 × slower: FTS5 walks an
  // OR of many terms much more slowly with a lower rowid bound than newest first with a LIMIT.)
  const scored = statement(`SELECT f.rowid, bm25(articles_fts, 3.0, 1.0) ${from} ORDER BY f.rowid DESC LIMIT ${RELEVANCE_CANDIDATES}`)
    .raw()
    .all(params) as [key: number, score: number][];
  // Lower bm25 is better; ties newest first.
  scored.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
  const page = scored.slice(offset, offset + limit);
  const score = new Map(page.map(([key, s]) => [key % 2 ** ARTICLE_ID_BITS, s]));
  const rows = summariesOf(db, [...score.keys()]).map((r) => ({ ...r, score: score.get(r.id) ?? 0 }));
  return { rows, total: Math.min(scored.length, SEARCH_COUNT_LIMIT), exact: scored.length <= SEARCH_COUNT_LIMIT };
}

/** Snippets for a page of article rows, cut from the stored public text. */
function withSnippets(db: Database, rows: SummaryRow[], matcher: HitMatcher): Map<number, string> {
  const out = new Map<number, string>();
  if (rows.length === 0) return out;
  const texts = cachedStatement(db, 'SELECT id, text, blocks, language FROM articles WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(rows.map((r) => r.id))) as { id: number; text: string; blocks: string; language: string | null }[];
  for (const t of texts) {
    out.set(t.id, makeSnippet(publicText(t.text, JSON.parse(t.blocks) as Block[]), stemLanguageOf(t.language), matcher));
  }
  return out;
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Spellings of a word as the annotation notes index (unicode61, diacritics folded) may hold it. */
function noteFormsOf(word: string): string[] {
  const lower = word.toLowerCase();
  const plain = lower.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  const forms = new Set([
    plain,
    lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'),
    plain.replace(/ß/g, 'ss'),
    plain.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/(?<!q)ue/g, 'u'),
    plain.replace(/ss/g, 'ß'),
    // both at once: "Weissmueller" for "Weißmüller" (indexed as weißmuller: the tokenizer keeps ß)
    plain.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/(?<!q)ue/g, 'u').replace(/ss/g, 'ß'),
    termOf(word, 'de'),
    termOf(word, 'en'),
  ]);
  // A note may spell an umlaut as ae/oe/ue ("Suedkorea") where the query has a plain vowel
  // ("Sudkorea"): try the digraph at each a/o/u (one at a time, at most six).
  let n = 0;
  for (let i = 0; i < plain.length && n < 6; i++) {
    if ('aou'.includes(plain[i] as string) && plain[i + 1] !== 'e') {
      forms.add(`${plain.slice(0, i + 1)}e${plain.slice(i + 1)}`);
      n++;
    }
  }
  const sorted = [...forms].filter((f) => f.length > 0).sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const f of sorted) if (!kept.some((k) => k.length >= 3 && f.startsWith(k))) kept.push(f);
  return kept;
}

/**
 * Query words against the annotation index (`annotations_fts`: notes and quotes, owned by the
 * annotations feature, tokenized by unicode61 without stemming): every spelling and stem of a word
 * as a prefix, which gives the same Sudkorea/Suedkorea/Rechenzentren behaviour on short notes.
 */
const NOTE_TERMS: TermCompiler = {
  word: (w) => {
    const parts = noteFormsOf(w).map((f) => (f.length >= 3 ? `${quote(f)}*` : quote(f)));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  },
  prefix: (w) => {
    const parts = noteFormsOf(w).map((f) => `${quote(f)}*`);
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  },
  phrase: (words, prefix) => `${quote(words.map((w) => w.toLowerCase()).join(' '))}${prefix ? '*' : ''}`,
  column: () => null,
};

function usesTitleField(node: SearchNode | null): boolean {
  if (!node) return false;
  if (node.kind === 'field') return node.field === 'title' || usesTitleField(node.node);
  if (node.kind === 'and') return [...node.items, ...node.not].some(usesTitleField);
  if (node.kind === 'or') return node.items.some(usesTitleField);
  return false;
}

/** A matcher for note snippets: note words are compared by their plain folding. */
function noteMatcher(node: SearchNode | null): HitMatcher {
  const m: HitMatcher = { exact: new Set(), prefixes: [] };
  const visit = (n: SearchNode): void => {
    if (n.kind === 'term' || n.kind === 'phrase') {
      for (const w of wordsOf(n.kind === 'term' ? n.word : n.text)) for (const f of noteFormsOf(w)) m.prefixes.push(termOf(f, null));
    } else if (n.kind === 'field') visit(n.node);
    else n.items.forEach(visit);
  };
  if (node) visit(node);
  return m;
}

interface AnnotationRow {
  id: string;
  article_id: number;
  title: string;
  agency: string | null;
  published: string | null;
  type: AnnotationSearchHit['type'];
  note: string;
  exact: string;
  tags: string | null;
  score: number;
}

/** A page of annotation hits (notes and quotes matching), newest article first or best first. */
function searchAnnotationPage(
  db: Database,
  parsed: ParsedQuery,
  f: SearchFilters,
  sort: SearchRequest['sort'],
  take: number,
): { rows: AnnotationRow[]; total: number; exact: boolean } {
  const none = { rows: [], total: 0, exact: true };
  if (!parsed.node || !hasTable(db, 'annotations_fts') || usesTitleField(parsed.node)) return none;
  const match = compileMatch(parsed.node, NOTE_TERMS);
  if (!match) return none;
  const sql = articleFilters(db, { ...f, tags: undefined, types: undefined }, parsed);
  const own = annotationOnlyFilters(db, f, sql, 'n');
  const where = whereClause([...sql.where, ...own, 'n.deleted_at IS NULL']);
  const params = { ...sql.params, match, take };
  const from = `FROM annotations_fts s JOIN annotations n ON n.seq = s.rowid JOIN articles a ON a.id = n.article_id
    WHERE s.annotations_fts MATCH @match AND ${where}`;
  const total = countUpTo(db, `SELECT 1 ${from}`, params, SEARCH_COUNT_LIMIT);
  const order = sort === 'relevance' ? 'score, a.published DESC, n.created_at DESC' : 'a.published DESC, a.id DESC, n.created_at DESC';
  // Notes are short and few next to articles; the sort is bounded by the notes matching.
  const rows = db
    .prepare(
      `SELECT n.id, n.article_id, a.title, a.agency, a.published, n.type, n.note, n.exact, bm25(annotations_fts) AS score,
         (SELECT json_group_array(t.name) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_seq = n.seq) AS tags
       ${from} ORDER BY ${order} LIMIT @take`,
    )
    .all(params) as AnnotationRow[];
  return { rows, total: Math.min(total, SEARCH_COUNT_LIMIT), exact: total <= SEARCH_COUNT_LIMIT };
}

/**
 * Sources whose name, aliases, role, organisation or wording match (spellings as for notes). Only
 * word queries apply (a `title:`/`text:` field names article fields); with article filters, only
 * sources mentioned in a matching article.
 */
function searchSourcePage(db: Database, parsed: ParsedQuery, f: SearchFilters): { sources: SourceSearchHit[]; total: number } {
  if (!parsed.node || !hasTable(db, 'sources_fts') || usesTitleField(parsed.node)) return { sources: [], total: 0 };
  const match = compileMatch(parsed.node, NOTE_TERMS);
  if (!match) return { sources: [], total: 0 };
  return matchSources(db, match, articleFilters(db, { ...f, kinds: undefined }, parsed), SOURCE_HITS_MAX);
}

function toAnnotationHit(r: AnnotationRow, matcher: HitMatcher): AnnotationSearchHit {
  const text = r.note.trim() ? r.note : r.exact;
  return {
    kind: 'annotation',
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    agency: r.agency,
    published: r.published,
    type: r.type,
    note: r.note,
    exact: r.exact,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    snippet: makeSnippet(text, null, matcher, 40),
  };
}

/** Sort key shared by both kinds so a merged page is in one order. */
function dateKey(published: string | null): string {
  return published ?? '';
}

/**
 * Searches articles and annotations. `query` uses the syntax of `shared/search-query.ts`; an empty
 * query lists by filters only. Throws SEARCH_QUERY_INVALID for a malformed query.
 */
export function search(db: Database, req: SearchRequest): SearchResult {
  const parsed = parseSearchQuery(req.query);
  // Ranked by relevance, long prefixes are expanded less on small collections (relevanceExpansionMax).
  const match = strictArticleMatch(req.query, parsed, db, req.sort === 'relevance' ? relevanceExpansionMax(db) : PREFIX_EXPANSION_MAX);
  const kinds = req.filters.kinds ?? SEARCH_KINDS;
  // Articles and annotations are merged into one page: take offset+limit of each, merge, cut.
  // Sources (few, matched by name) come separately, on the first page.
  const want = req.offset + req.limit;
  const articles = kinds.includes('article')
    ? searchArticlePage(db, match, articleFilters(db, req.filters, parsed), req.sort, 0, want)
    : { rows: [], total: 0, exact: true };
  const notes = kinds.includes('annotation') ? searchAnnotationPage(db, parsed, req.filters, req.sort, want) : { rows: [], total: 0, exact: true };

  type Entry = { kind: 'article'; row: ArticlePage['rows'][number] } | { kind: 'annotation'; row: AnnotationRow };
  const entries: Entry[] = [...articles.rows.map((row) => ({ kind: 'article' as const, row })), ...notes.rows.map((row) => ({ kind: 'annotation' as const, row }))];
  if (notes.rows.length > 0 && articles.rows.length > 0) {
    // Stable merge: by date (newest first), or by bm25 score (lower is better) for relevance.
    const score = (e: Entry) => e.row.score ?? 0;
    entries.sort((x, y) =>
      req.sort === 'relevance' ? score(x) - score(y) : dateKey(y.row.published) < dateKey(x.row.published) ? -1 : dateKey(y.row.published) > dateKey(x.row.published) ? 1 : 0,
    );
  }
  const page = entries.slice(req.offset, want);
  const articleRows = page.filter((e): e is Extract<Entry, { kind: 'article' }> => e.kind === 'article').map((e) => e.row);
  const matcher = hitMatcher(parsed.node);
  const snippets = withSnippets(db, articleRows, matcher);
  const nMatcher = noteMatcher(parsed.node);
  const hits: SearchHit[] = page.map((e) =>
    e.kind === 'article' ? ({ kind: 'article', ...rowToSummary(e.row), snippet: snippets.get(e.row.id) ?? '' } satisfies ArticleSearchHit) : toAnnotationHit(e.row, nMatcher),
  );
  const sources = kinds.includes('source') && req.offset === 0 ? searchSourcePage(db, parsed, req.filters) : { sources: [], total: 0 };
  return {
    hits,
    total: articles.total + notes.total,
    totalExact: articles.exact && notes.exact,
    articleTotal: articles.total,
    annotationTotal: notes.total,
    sources: sources.sources,
    sourceTotal: sources.total,
  };
}

/**
 * The tolerant MATCH expression of the library's type-ahead filter: any input is valid (see
 * parseSearchQueryLenient) and every word also matches as a prefix. Null for nothing searchable.
 * `db`: for reading a bounded page of matches (see articleTerms); the type-ahead filter counts
 * every match with none and reads its page by date with one (listArticles).
 */
export function lenientArticleMatch(query: string, db: Database | null = null): { match: string | null; parsed: ParsedQuery } {
  const parsed = parseSearchQueryLenient(query);
  return { match: articleMatch(parsed.node, db, { implicitPrefix: true }), parsed };
}

/** An article hit of the simple search (`articles.search`). */
export interface SimpleSearchHit extends ArticleSummary {
  snippet: string;
}

/** The simple search behind `articles.search`: tolerant, words as prefixes, best match first (bounded). */
export function searchArticlesLenient(db: Database, query: string, limit: number): SimpleSearchHit[] {
  const { match, parsed } = lenientArticleMatch(query, db);
  if (!match) return [];
  const page = searchArticlePage(db, match, articleFilters(db, {}, parsed), 'relevance', 0, limit);
  const snippets = withSnippets(db, page.rows, hitMatcher(parsed.node, true));
  return page.rows.map((r) => ({ ...rowToSummary(r), snippet: snippets.get(r.id) ?? '' }));
}

/** Checks a query without running it (saved searches); throws SEARCH_QUERY_INVALID. */
export function validateQuery(query: string): void {
  strictArticleMatch(query, parseSearchQuery(query));
}


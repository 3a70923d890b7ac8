import type { Database, Statement } from 'better-sqlite3';
import { publicText, type Block } from '../../shared/article.js';
import { AppError } from '../../shared/errors.js';
import type { ParsedQuery, SearchNode } from '../../shared/search-query.js';
import { cachedStatement } from '../db/statements.js';
import { TermSet } from './term-table.js';
import { implicitPrefixAllowed, indexTerms, queryPrefixFormsOf, queryTermsOf, stemLanguageOf, termOf, wordsOf, type StemLanguage } from './search-text.js';

/**
 * The article search index (`articles_fts`, migration "search"): a contentless FTS5 table whose
 * two columns hold the analysed terms (see search-text.ts) of the title and of the public text.
 * The text itself is not stored twice: snippets are cut from `articles.text` (search-snippet.ts).
 * Non-public blocks are never indexed.
 *
 * The rowid is not the article id but a *search key*: the publication date in the high bits and
 * the article id in the low ARTICLE_ID_BITS bits. FTS5 returns matches in rowid order without
 * sorting, so "newest first, stop after 50" costs what a bare `MATCH … LIMIT 50` costs, however
 * common the term: no sort over all matches, on any collection size. `article_search_keys` remembers
 * each article's key so a new version (perhaps with a new date) replaces its entry.
 */

/**
 * Prefix lengths with an FTS5 prefix index (migration 0011; 3, 4 and 5 from migration 0007 to 0010):
 * `Wort*` with a prefix of this many letters is read from one doclist instead of merging every
 * term's. Each prefix index costs about as much to write as the terms themselves, so longer
 * prefixes are looked up in the term list instead (see {@link articleTerms}).
 */
export const ARTICLE_FTS_PREFIXES = [3] as const;

/**
 * A prefix longer than every indexed one becomes the OR of the index terms that start with it, read
 * from `article_terms`, when there are at most this many; FTS5 walks such an OR newest first and
 * stops at the page, where its own prefix query would first merge every matching term's doclist.
 * More terms than this: FTS5's own prefix query.
 */
export const PREFIX_EXPANSION_MAX = 2000;

/** The longest prefix length FTS5 has an index for; `article_terms` holds only longer terms. */
const LONGEST_INDEXED_PREFIX = Math.max(...ARTICLE_FTS_PREFIXES);

/**
 * FTS5 `hashsize` of `articles_fts` (migrations 0009, 0010): the terms a transaction collects
 * before FTS5 writes a segment; enough for a folder import's largest group (PATH_IMPORT_GROUP_MAX).
 */
export const ARTICLE_FTS_HASH_SIZE = 32 * 1024 * 1024;

/** FTS5 `automerge` of `articles_fts` (migration 0010): segments of one size that are merged into one. */
export const ARTICLE_FTS_AUTOMERGE = 8;

/** Bits of the search key that hold the article id (ids up to 67 million). */
export const ARTICLE_ID_BITS = 26;
/** SQL for the article id of an `articles_fts` rowid. */
export const ARTICLE_ID_OF_ROWID = `(rowid & ${2 ** ARTICLE_ID_BITS - 1})`;

/**
 * The date part of a search key: days (and the hour, when given) from an ISO `published`
 * ("2025", "2025-02", "2025-02-14", "2025-02-14T08:15…"); missing parts count as 0, so "2025-02"
 * sorts before "2025-02-01" as the string does. Null or unreadable: 0 (last, like NULL in the list).
 * Minutes are left out to keep keys below 2^53 (JavaScript numbers): within an hour, the
 * import order decides.
 */
export function dateOrdinal(published: string | null): number {
  const m = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}))?)?)?/.exec(published) : null;
  if (!m) return 0;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 0;
  const d = m[3] ? Number(m[3]) : 0;
  const hour = m[4] ? Number(m[4]) + 1 : 0;
  return ((y * 13 + mo) * 32 + d) * 25 + hour;
}

/** The FTS rowid of an article: date ordinal, then id. */
export function searchKey(published: string | null, id: number): number {
  if (id >= 2 ** ARTICLE_ID_BITS) throw new Error(`article id ${id} exceeds the search key range`);
  return dateOrdinal(published) * 2 ** ARTICLE_ID_BITS + id;
}

// One set of prepared statements per database: insertArticle runs once per imported file, and
// preparing costs as much as the insert itself.
interface IndexStatements {
  article: Statement;
  current: Statement;
  oldKey: Statement;
  del: Statement;
  ins: Statement;
  setKey: Statement;
  termsToken: Statement;
  setTermsToken: Statement;
  addTerms: Statement;
}
const statements = new WeakMap<Database, IndexStatements>();

function indexStatements(db: Database): IndexStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      article: db.prepare('SELECT published, content_hash AS hash FROM articles WHERE id = ?'),
      current: db.prepare('SELECT k.key, a.content_hash AS hash FROM article_search_keys k JOIN articles a ON a.id = k.article_id WHERE k.article_id = ?'),
      oldKey: db.prepare('SELECT key FROM article_search_keys WHERE article_id = ?').pluck(),
      del: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      ins: db.prepare('INSERT INTO articles_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)'),
      setKey: db.prepare('INSERT OR REPLACE INTO article_search_keys (article_id, key) VALUES (?, ?)'),
      termsToken: db.prepare('SELECT token FROM article_terms_state WHERE id = 1').pluck(),
      setTermsToken: db.prepare('UPDATE article_terms_state SET token = ? WHERE id = 1'),
      addTerms: db.prepare('INSERT OR IGNORE INTO article_terms (term) SELECT value FROM json_each(?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/** The analysed terms of an article's title and public text, as stored in `articles_fts`. */
export interface IndexRow {
  title: string;
  body: string;
}

/** The index row of an article: analysed title and public text. */
export function articleIndexRow(title: string, text: string, blocks: readonly Block[], language: string | null): IndexRow {
  const lang = stemLanguageOf(language);
  return { title: indexTerms(title, lang), body: indexTerms(publicText(text, blocks as Block[]), lang) };
}

/**
 * Writes (or, with `replace`, rewrites) the search index entry of an article whose row is already
 * written (its `published` is read from it), from its analysed terms (articleIndexRow). Call inside
 * the transaction that writes the article row, so the index never disagrees with the collection.
 * Inside {@link withDeferredIndex} the FTS row is written when the group ends.
 */
export function indexArticle(db: Database, id: number, row: IndexRow, replace = false): void {
  const s = indexStatements(db);
  if (replace) unindexArticle(db, id);
  const article = s.article.get(id) as { published: string | null; hash: string };
  const key = searchKey(article.published, id);
  s.setKey.run(id, key);
  const pending = deferred.get(db);
  if (!pending) {
    s.ins.run(key, row.title, row.body);
    recordTerms(db, [row]);
    return;
  }
  const entries = pending.get(key);
  if (entries) entries.push({ id, hash: article.hash, row });
  else pending.set(key, [{ id, hash: article.hash, row }]);
}

/** Index rows waiting for the end of a group, by search key (several when a key was rewritten). */
type Pending = Map<number, { id: number; hash: string; row: IndexRow }[]>;
const deferred = new WeakMap<Database, Pending>();

/**
 * Runs `write` (many article writes, each perhaps in its own savepoint) with the FTS rows held
 * back and written at the end in ascending key order, in the caller's transaction.
 *
 * Why: FTS5 writes its pending terms out as a new segment at every savepoint and whenever a key is
 * smaller than the previous one, so a folder import with a savepoint per file wrote one tiny
 * segment per article and merged them again (measured: a third of the import time, `npm run bench`).
 *
 * What is written is decided by the tables, which savepoints keep right: an entry is written only
 * while `article_search_keys` still gives its article that key and the article still has the
 * content it was analysed from. A file whose savepoint was rolled back, an article replaced or
 * deleted later in the group, leave nothing behind.
 */
export function withDeferredIndex<T>(db: Database, write: () => T, newTerms: NewTerms | null = null): T {
  if (!db.inTransaction) throw new Error('withDeferredIndex needs a transaction');
  if (deferred.has(db)) {
    // Within an outer group: its rows are written (and their terms recorded) when that one ends;
    // what a worker reported for this one is recorded now, as it would be at this group's end.
    const inner = write();
    if (newTerms !== null) recordTerms(db, [], newTerms);
    return inner;
  }
  const pending: Pending = new Map();
  deferred.set(db, pending);
  let result: T;
  try {
    result = write();
  } finally {
    deferred.delete(db);
  }
  const s = indexStatements(db);
  const written: IndexRow[] = [];
  for (const key of [...pending.keys()].sort((a, b) => a - b)) {
    const entries = pending.get(key) as { id: number; hash: string; row: IndexRow }[];
    const cur = s.current.get((entries[0] as { id: number }).id) as { key: number; hash: string } | undefined;
    if (!cur || cur.key !== key) continue;
    const entry = entries.findLast((e) => e.hash === cur.hash);
    if (entry) {
      s.ins.run(key, entry.row.title, entry.row.body);
      written.push(entry.row);
    }
  }
  recordTerms(db, written, newTerms);
  return result;
}

/**
 * The term list (`article_terms`, migration 0011): every term ever written to `articles_fts`, so a
 * prefix query can be expanded to the terms it stands for. Terms of deleted articles stay; a term
 * that matches nothing costs a query next to nothing.
 *
 * Writing every term of every article would cost more than the prefix index it replaces, so each
 * connection remembers the terms it knows to be in the list and writes only new ones, all of a
 * group in one statement. What it remembers is only valid while the list is as it left it: each
 * write of new terms also stores a new random token (`article_terms_state`), and the memory is
 * dropped whenever the stored token is not the one it wrote last. A transaction or savepoint rolled
 * back after a write puts the old token back, and a write by another connection stores another
 * token, so neither can leave a term remembered that the list does not have.
 */
interface KnownTerms {
  token: number;
  terms: TermSet;
}
const knownTerms = new WeakMap<Database, KnownTerms>();
/**
 * Terms remembered per connection at most (about 7 MB); then it starts again, and terms written
 * again are ignored. The 100,000 benchmark articles have 41,500 terms of 4 letters or more.
 */
const KNOWN_TERMS_MAX = 180_000;

/**
 * The terms a parse worker reports with a group of parsed files (parse-worker.ts): every term its
 * memo computed for the group, space-separated, under a term scope (see {@link termScope}).
 */
export interface NewTerms {
  scope: number;
  terms: string;
}

/**
 * Term scopes: a parse worker reports each term once per scope (when its memo first computes it),
 * not with every article, and the term list records what it reports (`recordTerms`). That is only
 * complete while every report of the scope has been recorded in this connection's term list: a
 * group's transaction rolled back, a parsed group not stored, a group parsed partly on the main
 * thread, or the list changed by anyone else, each end the scope (`invalidateTermScope`), and a
 * worker asked with another scope starts its memo empty. Groups parsed under an ended scope are
 * recorded by scanning their rows, as groups parsed on the main thread always are.
 */
const termScopes = new WeakMap<Database, number>();
let lastTermScope = 0;

/** The connection's current term scope. */
export function termScope(db: Database): number {
  let scope = termScopes.get(db);
  if (scope === undefined) termScopes.set(db, (scope = ++lastTermScope));
  return scope;
}

/** Ends the connection's term scope (see termScopes). */
export function invalidateTermScope(db: Database): void {
  termScopes.set(db, ++lastTermScope);
}

/**
 * Adds the terms of index rows just written to `article_terms` (in the caller's transaction):
 * those a parse worker reported for the group (`newTerms`, in the connection's current term
 * scope), or else every term of the rows.
 */
export function recordTerms(db: Database, rows: readonly IndexRow[], newTerms: NewTerms | null = null): void {
  if (rows.length === 0 && newTerms === null) return;
  const s = indexStatements(db);
  const token = s.termsToken.get() as number;
  let known = knownTerms.get(db);
  if (!known || known.token !== token || known.terms.size > KNOWN_TERMS_MAX) {
    // The list is not as this connection left it (a rollback, or another connection wrote): what a
    // worker reported before may be missing from it.
    if (known && known.token !== token) invalidateTermScope(db);
    known = { token, terms: new TermSet() };
    knownTerms.set(db, known);
  }
  const fresh: string[] = [];
  // Terms are space-separated letters and digits (search-text.ts), as FTS5 splits them too. Only
  // terms longer than the longest indexed prefix can be asked for by an expansion; the short ones
  // ("der", "und", "the") are a third of all and are left out.
  if (newTerms !== null && newTerms.scope === termScope(db)) {
    // Also the terms of a group's files that were not indexed (duplicates, failures): a term a
    // worker reported is not reported again, and may be in a later file.
    known.terms.addNew(newTerms.terms, LONGEST_INDEXED_PREFIX + 1, fresh);
  } else {
    for (const row of rows) {
      known.terms.addNew(row.title, LONGEST_INDEXED_PREFIX + 1, fresh);
      known.terms.addNew(row.body, LONGEST_INDEXED_PREFIX + 1, fresh);
    }
  }
  if (fresh.length === 0) return;
  // Not valid until both writes are done: a write that throws leaves the memory to be dropped.
  known.token = -1;
  const next = randomToken(token);
  // Sorted: inserted in the index's order, each lands next to the one before (the list's b-tree
  // pages are written once per group instead of one by one; −3 % of a group's index writing).
  s.addTerms.run(JSON.stringify(fresh.sort()));
  s.setTermsToken.run(next);
  known.token = next;
}

/** A random token, not negative, other than `previous` (an SQLite integer and an exact JavaScript number). */
function randomToken(previous: number): number {
  for (;;) {
    const t = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
    if (t !== previous) return t;
  }
}

/**
 * Calls `each` for every stored article in id order, 500 rows at a time: better-sqlite3 forbids
 * writing while a statement iterates, and one `all()` of a large collection would hold every
 * text in memory at once. Used by the migrations that rebuild the index; `progress` hears how many
 * of the articles are done after each 500.
 */
export function forEachArticleForIndex(
  db: Database,
  each: (r: { id: number; title: string; text: string; blocks: Block[]; language: string | null; published: string | null }) => void,
  progress?: (done: number, total: number) => void,
): void {
  const page = db.prepare('SELECT id, title, text, blocks, language, published FROM articles WHERE id > ? ORDER BY id LIMIT 500');
  const total = progress ? (db.prepare('SELECT count(*) FROM articles').pluck().get() as number) : 0;
  let done = 0;
  let last = 0;
  for (;;) {
    const rows = page.all(last) as { id: number; title: string; text: string; blocks: string; language: string | null; published: string | null }[];
    for (const r of rows) each({ ...r, blocks: JSON.parse(r.blocks) as Block[] });
    done += rows.length;
    if (rows.length > 0) progress?.(done, total);
    const tail = rows[rows.length - 1];
    if (!tail) return;
    last = tail.id;
  }
}

/**
 * The statement that creates `articles_fts` with FTS5 prefix indexes for `prefixes`: the table of
 * migrations 6 (none), 7 (3, 4, 5) and 11 (ARTICLE_FTS_PREFIXES), which differ only in those.
 */
export function articleIndexTableSql(prefixes: readonly number[]): string {
  return `CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title_terms,
    body_terms,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'${prefixes.length > 0 ? `,\n    prefix = '${prefixes.join(' ')}'` : ''}
  )`;
}

/**
 * Writes every stored article's index row into a new, empty `articles_fts`, under the search key
 * it already has (migrations that rebuild the index); `withTerms`: into the term list too.
 */
export function reindexArticles(db: Database, withTerms: boolean, progress?: (done: number, total: number) => void): void {
  const insert = db.prepare('INSERT INTO articles_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)');
  const keyOf = db.prepare('SELECT key FROM article_search_keys WHERE article_id = ?').pluck();
  let rows: IndexRow[] = [];
  forEachArticleForIndex(db, (r) => {
    const row = articleIndexRow(r.title, r.text, r.blocks, r.language);
    insert.run(keyOf.get(r.id) as number, row.title, row.body);
    if (!withTerms) return;
    rows.push(row);
    if (rows.length === 500) {
      recordTerms(db, rows);
      rows = [];
    }
  }, progress);
  if (withTerms) recordTerms(db, rows);
}

/** Removes an article from the search index. */
export function unindexArticle(db: Database, id: number): void {
  const s = indexStatements(db);
  const old = s.oldKey.get(id) as number | undefined;
  if (old !== undefined) s.del.run(old);
}

/**
 * Index maintenance. A bulk import leaves the index in many segments (FTS5 merges only groups of
 * ARTICLE_FTS_AUTOMERGE while importing, which keeps the import fast), and a search reads each
 * segment's doclists: at 100,000 articles, 15 segments after the import; merged into one, phrase
 * searches took 15–20 % less time, the others 4–10 % less (docs/bench.md). The app merges in idle
 * time, in bounded steps (main/ipc/index-maintenance.ts), once there are more than
 * INDEX_SEGMENTS_SETTLED segments: a single new article does not make it rewrite the whole index.
 */
export const INDEX_SEGMENTS_SETTLED = ARTICLE_FTS_AUTOMERGE;
/** Index pages a maintenance step writes: at 100,000 articles 17 ms on average, 80 ms at most (1,473 steps in all). */
export const INDEX_MERGE_STEP_PAGES = 100;

/** An SQLite varint (as FTS5 writes them) at `at.i`, which moves past it. */
function readVarint(b: Uint8Array, at: { i: number }): number {
  let v = 0;
  for (let k = 0; k < 9 && at.i < b.length; k++) {
    const x = b[at.i++] as number;
    if (k === 8) return v * 256 + x;
    v = v * 128 + (x & 0x7f);
    if ((x & 0x80) === 0) return v;
  }
  return v;
}

/**
 * Segments of the article index, read from the FTS5 structure record (`%_data` id 10: a 4-byte
 * cookie, on newer versions the marker FF 00 00 01, then varints: levels, segments, …). 0 for an
 * empty index.
 */
export function indexSegmentCount(db: Database): number {
  const block = cachedStatement(db, 'SELECT block FROM articles_fts_data WHERE id = 10').pluck().get() as Uint8Array | undefined;
  if (!block || block.length < 6) return 0;
  const at = { i: block[4] === 0xff && block[5] === 0 && block[6] === 0 && block[7] === 1 ? 8 : 4 };
  readVarint(block, at); // levels
  return readVarint(block, at);
}

/** Whether the article index has more than INDEX_SEGMENTS_SETTLED segments: the maintenance merges it then. */
export function indexNeedsMerge(db: Database): boolean {
  return indexSegmentCount(db) > INDEX_SEGMENTS_SETTLED;
}

/**
 * One step of merging the whole article index into one segment (FTS5 `merge` with a negative page
 * count: across levels, even two segments). An unfinished merge is continued by the next step.
 * Returns whether the step did any work, i.e. whether to go on (FTS5 reports work as two or more
 * changes). One short write transaction; searching is unaffected in between.
 */
export function mergeIndexStep(db: Database, pages = INDEX_MERGE_STEP_PAGES): boolean {
  const changes = cachedStatement(db, 'SELECT total_changes()').pluck();
  const before = changes.get() as number;
  cachedStatement(db, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(-Math.max(1, Math.floor(pages)));
  return (changes.get() as number) - before >= 2;
}

/**
 * Merges the article index into one segment now, step by step as the idle-time maintenance does
 * (the benchmark times each step through `onStep`); returns the steps taken.
 */
export function mergeIndexFully(db: Database, pages = INDEX_MERGE_STEP_PAGES, onStep?: (ms: number) => void): number {
  let steps = 0;
  for (let more = true; more; steps++) {
    const start = performance.now();
    more = mergeIndexStep(db, pages);
    onStep?.(performance.now() - start);
  }
  return steps;
}

const COLUMN: Record<'title' | 'text', string> = { title: 'title_terms', text: 'body_terms' };

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function anyOf(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? (unique[0] as string) : `(${unique.join(' OR ')})`;
}

/** How query words become FTS5 terms; articles and annotation notes are indexed differently. */
export interface TermCompiler {
  word(word: string): string;
  prefix(word: string): string;
  /** A phrase of two or more words; `prefix`: the last word is a prefix. */
  phrase(words: string[], prefix: boolean): string;
  /** FTS5 column name of a text field, or null when the index has no such column. */
  column(field: 'title' | 'text'): string | null;
}

const STEM_LANGS: StemLanguage[] = ['de', 'en', null];

/**
 * The terms in `article_terms` that start with `prefix`, or null when there are none (the prefix
 * query is then as quick) or more than `max`. The range [prefix, prefix with its
 * last code unit plus one) holds exactly the strings that start with it: SQLite compares text as
 * UTF-8 bytes, which sort as code points do.
 */
function termsStartingWith(db: Database, prefix: string, max: number): string[] | null {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix.length === 0 || (last >= 0xd800 && last <= 0xdfff)) return null;
  const end = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  const terms = cachedStatement(db, 'SELECT term FROM article_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?')
    .pluck()
    .all(prefix, end, max + 1) as string[];
  return terms.length === 0 || terms.length > max ? null : terms;
}

/**
 * Query words against the article index: every stemmed form, since the article language is unknown.
 *
 * `db` given: a prefix longer than the indexed ones becomes the OR of the terms it stands for (see
 * PREFIX_EXPANSION_MAX), which is quick for a page of newest matches (`search`, up to
 * SEARCH_COUNT_LIMIT rows) but slower than FTS5's own prefix query when every match is needed (the
 * library list's type-ahead filter counts them all without `db`). Without `db`, and for prefixes
 * of indexed length or shorter, FTS5's prefix query (`"wort"*`).
 */
export function articleTerms(db: Database | null, maxExpansion = PREFIX_EXPANSION_MAX): TermCompiler {
  return {
    word: (w) => anyOf(queryTermsOf(w).map(quote)),
    prefix: (w) => {
      const { prefix, exact } = queryPrefixFormsOf(w);
      const expanded = db && [...prefix].length > LONGEST_INDEXED_PREFIX ? termsStartingWith(db, prefix, maxExpansion) : null;
      return anyOf([...(expanded ? expanded.map(quote) : [`${quote(prefix)}*`]), ...exact.map(quote)]);
    },
    phrase: (words, prefix) => anyOf(STEM_LANGS.map((l) => `${quote(words.map((w) => termOf(w, l)).join(' '))}${prefix ? '*' : ''}`)),
    column: (f) => COLUMN[f],
  };
}

export interface CompileOptions {
  /** Every bare word matches as a prefix too (type-ahead filtering of the library list). */
  implicitPrefix?: boolean;
}

/**
 * Turns a parsed query into an FTS5 MATCH expression. Only analysed terms (letters and digits) go
 * into the expression, each quoted, so no user input can change its structure. Returns null when
 * nothing searchable is left (e.g. the query was only punctuation).
 */
export function compileMatch(node: SearchNode | null, terms: TermCompiler, opts: CompileOptions = {}): string | null {
  if (!node) return null;
  switch (node.kind) {
    case 'term':
    case 'phrase': {
      const words = wordsOf(node.kind === 'term' ? node.word : node.text);
      if (words.length === 0) return null;
      const prefix = node.prefix || (node.kind === 'term' && opts.implicitPrefix === true && implicitPrefixAllowed(words[words.length - 1] as string));
      if (words.length > 1) return terms.phrase(words, prefix);
      const w = words[0] as string;
      return prefix ? terms.prefix(w) : terms.word(w);
    }
    case 'field': {
      const inner = compileMatch(node.node, terms, opts);
      const column = terms.column(node.field);
      if (!inner || !column) return inner;
      return `{${column}} : (${inner})`;
    }
    case 'or': {
      const items = node.items.map((n) => compileMatch(n, terms, opts)).filter((x): x is string => x !== null);
      if (items.length === 0) return null;
      return items.length === 1 ? (items[0] as string) : `(${items.map((i) => `(${i})`).join(' OR ')})`;
    }
    case 'and': {
      const items = node.items.map((n) => compileMatch(n, terms, opts)).filter((x): x is string => x !== null);
      if (items.length === 0) return null;
      let expr = items.length === 1 ? (items[0] as string) : `(${items.map((i) => `(${i})`).join(' AND ')})`;
      for (const n of node.not) {
        const neg = compileMatch(n, terms, opts);
        if (neg) expr = `(${expr} NOT (${neg}))`;
      }
      return expr;
    }
  }
}

/**
 * The FTS5 MATCH expression of a parsed query (compileMatch with articleTerms); `db` null: FTS5's
 * own prefix queries only. `maxExpansion`: see relevanceExpansionMax.
 */
export function articleMatch(node: SearchNode | null, db: Database | null, opts: CompileOptions = {}, maxExpansion = PREFIX_EXPANSION_MAX): string | null {
  return compileMatch(node, articleTerms(db, maxExpansion), opts);
}

/**
 * The most terms a prefix is expanded to when its matches are ranked by relevance, for a collection
 * whose largest article id is `articles`. bm25 works out the document count of every term and
 * weighs every term for each of the 2,000 candidates, a cost that barely depends on the
 * collection's size; FTS5's own prefix query merges the doclists of all the prefix's terms, a cost
 * that grows with it. A prefix of 997 terms ranked on 10,000 articles in 110 ms expanded against 29
 * ms through FTS5's prefix query, on 100,000 articles in 130 against 226 ms (docs/bench.md): one
 * term per 100 articles, at least 64.
 */
export function relevanceExpansionFor(articles: number): number {
  return Math.min(PREFIX_EXPANSION_MAX, Math.max(64, Math.floor(articles / 100)));
}

/** relevanceExpansionFor the collection (its largest article id: counting would cost a scan). */
export function relevanceExpansionMax(db: Database): number {
  return relevanceExpansionFor((cachedStatement(db, 'SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0);
}

/**
 * The match of a strictly parsed query; a query of only punctuation is an error. `db`: the
 * collection searched, for expanding long prefixes (articleTerms); without it the query is only checked.
 */
export function strictArticleMatch(query: string, parsed: ParsedQuery, db: Database | null = null, maxExpansion = PREFIX_EXPANSION_MAX): string | null {
  if (!parsed.node) return null;
  const match = articleMatch(parsed.node, db, {}, maxExpansion);
  if (!match) throw new AppError('SEARCH_QUERY_INVALID', { query, reason: 'Sie enthält keinen suchbaren Begriff, nur Satz- oder Sonderzeichen.' });
  return match;
}

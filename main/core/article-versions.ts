import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import type { ArticleVersionInfo } from '../../shared/annotation.js';
import { type Block, type ParsedArticle } from '../../shared/article.js';
import { AppError } from '../../shared/errors.js';
import { reanchorAnnotations, type ReanchorReport } from './annotations.js';
import { deriveArticle } from './article-derived.js';
import { articleRowParams, insertArticle, type InsertOutcome, type Provenance } from './articles.js';
import { stripHeadlineMarkers } from './import/wire/version-markers.js';
import { indexArticle } from './search-index.js';

/**
 * Article versions. When an agency sends a corrected or updated story (Berichtigung, Neufassung,
 * CORRECTED, "(Adds …)"), both texts are kept: the `articles` row holds the newest version, so the
 * rest of the app keeps working on it, and the versions it replaced move to `article_versions`.
 * Annotations are re-anchored onto the newest text in the same transaction and never deleted.
 */

/** A stored article as the import pipeline hands it over (title set, language detected or null). */
export type CompleteArticle = ParsedArticle & { title: string; language: string | null };

/** Why an import was taken as a new version of an existing article. */
export type VersionRule = 'caller' | 'title' | 'lead';

/** An import's outcome; for a new version also its number and what re-anchoring did. */
export interface StoreOutcome extends InsertOutcome {
  version?: { number: number; rule: VersionRule; reanchor: ReanchorReport };
}

/** Minimum word overlap (Jaccard) of two leads for the dateline + lead rule. */
export const LEAD_SIMILARITY = 0.6;

/** How many of an agency's most recent articles the detection compares (bounded work per import). */
const MAX_CANDIDATES = 2000;

/** Title for comparison: version markers stripped, lower case, punctuation and spacing folded. */
export function comparableTitle(title: string): string {
  return stripHeadlineMarkers(title.normalize('NFC'))
    .title.toLocaleLowerCase('de')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first paragraph without its dateline, as a set of lower-case words. */
function leadWords(text: string, blocks: readonly Block[], datelineText: string | null): Set<string> {
  const first = blocks.find((b) => b.kind === 'paragraph');
  if (!first) return new Set();
  let lead = text.slice(first.start, first.end);
  if (datelineText && lead.startsWith(datelineText)) lead = lead.slice(datelineText.length);
  return new Set(lead.toLocaleLowerCase('de').match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

interface CandidateRow {
  id: number;
  title: string;
  dateline_place: string | null;
  dateline_text: string | null;
  text: string;
  blocks: string;
}

/**
 * The article an imported text is a new version of, or null. The rule:
 *
 * the text carries a version marker (Berichtigung, Neufassung, KORREKTUR, CORRECTED, UPDATE n,
 * "(Adds …)", …) AND an article of the same agency exists with
 *   (a) the same title once markers, case and punctuation are ignored, or
 *   (b) the same dateline place and a lead sharing at least 60 % of its words (Jaccard), which
 *       catches a correction that rewrote the headline or a delivery without one.
 * Several matches: title before lead, then the most recently imported. Without a marker nothing is
 * merged automatically (two stories with one headline are common: "Börse Frankfurt"), and the user
 * can still say "als neue Fassung von …" (`asVersionOf`).
 */
export function findVersionTarget(db: Database, article: CompleteArticle): { articleId: number; rule: 'title' | 'lead' } | null {
  if (article.versionMarkers.length === 0 || !article.agency) return null;
  const rows = db
    .prepare(
      `SELECT id, title, dateline_place, dateline_text, text, blocks FROM articles
       WHERE agency = ? COLLATE NOCASE ORDER BY imported_at DESC, id DESC LIMIT ?`,
    )
    .all(article.agency, MAX_CANDIDATES) as CandidateRow[];
  const title = comparableTitle(article.title);
  const byTitle = rows.find((r) => title.length > 0 && comparableTitle(r.title) === title);
  if (byTitle) return { articleId: byTitle.id, rule: 'title' };
  const place = article.dateline?.place.toLocaleLowerCase('de');
  if (!place) return null;
  const lead = leadWords(article.text, article.blocks, article.datelineText);
  let best: { id: number; score: number } | null = null;
  for (const r of rows) {
    if (r.dateline_place?.toLocaleLowerCase('de') !== place) continue;
    const score = jaccard(lead, leadWords(r.text, JSON.parse(r.blocks) as Block[], r.dateline_text));
    if (score >= LEAD_SIMILARITY && (!best || score > best.score)) best = { id: r.id, score };
  }
  return best ? { articleId: best.id, rule: 'lead' } : null;
}

/** The article holding this exact text, as its current or an earlier version; null if none does. */
export function findByContentHash(db: Database, hash: string): number | null {
  const current = cachedStatement(db, 'SELECT id FROM articles WHERE content_hash = ?').get(hash) as { id: number } | undefined;
  if (current) return current.id;
  const old = cachedStatement(db, 'SELECT article_id AS id FROM article_versions WHERE content_hash = ?').get(hash) as { id: number } | undefined;
  return old?.id ?? null;
}

/**
 * Stores `article` as the newest version of article `articleId`: the current text moves to
 * `article_versions`, the row takes the new text and metadata (title, credits, desk contacts,
 * search index), and the annotations are re-anchored — all in one transaction. A text already in
 * the collection (current or old version of any article) is a duplicate and changes nothing.
 */
export function importAsNewVersion(db: Database, articleId: number, article: CompleteArticle, prov: Provenance, rule: VersionRule = 'caller'): StoreOutcome {
  const { hash, index } = deriveArticle(article);
  return db
    .transaction((): StoreOutcome => {
      const dup = findByContentHash(db, hash);
      if (dup !== null) return { id: dup, duplicate: true };
      const cur = db.prepare('SELECT * FROM articles WHERE id = ?').get(articleId) as Record<string, string | number | null> | undefined;
      if (!cur) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
      const last = (db.prepare('SELECT max(version) AS v FROM article_versions WHERE article_id = ?').get(articleId) as { v: number | null }).v ?? 0;
      db.prepare(
        `INSERT INTO article_versions (article_id, version, content_hash, title, version_markers, text, blocks,
           source_file, source_format, source_encoding, imported_at)
         VALUES (@id, @version, @content_hash, @title, @version_markers, @text, @blocks, @source_file, @source_format, @source_encoding, @imported_at)`,
      ).run({
        id: articleId,
        version: last + 1,
        content_hash: cur.content_hash,
        title: cur.title,
        version_markers: cur.version_markers,
        text: cur.text,
        blocks: cur.blocks,
        source_file: cur.source_file,
        source_format: cur.source_format,
        source_encoding: cur.source_encoding,
        imported_at: cur.imported_at,
      });
      db.prepare(
        `UPDATE articles SET content_hash = @hash, title = @title, title_derived = @titleDerived, kicker = @kicker, language = @language,
           agency = @agency, copyright = @copyright, url = @url, published = @published, dateline_place = @datelinePlace,
           dateline_agency = @datelineAgency, dateline_text = @datelineText, version_markers = @versionMarkers, text = @text,
           blocks = @blocks, word_count = @wordCount, source_file = @file, source_format = @format, source_encoding = @encoding,
           imported_at = @importedAt
         WHERE id = @id`,
      ).run({ id: articleId, ...articleRowParams(article, prov) });
      // Search finds the newest text only; the index row follows the article row.
      indexArticle(db, articleId, index, true);
      db.prepare('DELETE FROM article_credits WHERE article_id = ?').run(articleId);
      const credit = db.prepare('INSERT INTO article_credits (article_id, position, role, name) VALUES (?, ?, ?, ?)');
      article.credits.forEach((c, i) => credit.run(articleId, i, c.role, c.name));
      db.prepare('DELETE FROM article_desk_contacts WHERE article_id = ?').run(articleId);
      const desk = db.prepare('INSERT INTO article_desk_contacts (article_id, position, email, scope) VALUES (?, ?, ?, ?)');
      article.deskContacts.forEach((d, i) => desk.run(articleId, i, d.email, d.scope));
      const reanchor = reanchorAnnotations(db, articleId, article.text, article.blocks, hash);
      return { id: articleId, duplicate: false, version: { number: last + 2, rule, reanchor } };
    })
    .immediate();
}

/**
 * The import pipeline's store step: a duplicate (of a current or an old version) changes nothing;
 * a new version of an existing article (named by the caller, or found by {@link findVersionTarget})
 * goes to {@link importAsNewVersion}; anything else is a new article. One transaction, so the
 * detection and the write cannot be split by another import.
 */
export function storeImportedArticle(db: Database, article: CompleteArticle, prov: Provenance, opts: { asVersionOf?: number | undefined } = {}): StoreOutcome {
  const { hash } = deriveArticle(article);
  return db
    .transaction((): StoreOutcome => {
      const dup = findByContentHash(db, hash);
      if (dup !== null) return { id: dup, duplicate: true };
      if (opts.asVersionOf !== undefined) return importAsNewVersion(db, opts.asVersionOf, article, prov, 'caller');
      const target = findVersionTarget(db, article);
      if (target) return importAsNewVersion(db, target.articleId, article, prov, target.rule);
      return insertArticle(db, article, prov);
    })
    .immediate();
}

/** Every version of an article, oldest first; the last one is the current text. */
export function listArticleVersions(db: Database, articleId: number): ArticleVersionInfo[] {
  const cur = db.prepare('SELECT content_hash, title, version_markers, imported_at, source_file FROM articles WHERE id = ?').get(articleId) as
    | { content_hash: string; title: string; version_markers: string; imported_at: string; source_file: string }
    | undefined;
  if (!cur) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
  const old = db
    .prepare('SELECT version, content_hash, title, version_markers, imported_at, source_file FROM article_versions WHERE article_id = ? ORDER BY version')
    .all(articleId) as { version: number; content_hash: string; title: string; version_markers: string; imported_at: string; source_file: string }[];
  const out: ArticleVersionInfo[] = old.map((v) => ({
    version: v.version,
    contentHash: v.content_hash,
    title: v.title,
    versionMarkers: JSON.parse(v.version_markers) as string[],
    importedAt: v.imported_at,
    sourceFile: v.source_file,
    current: false,
  }));
  out.push({
    version: (old[old.length - 1]?.version ?? 0) + 1,
    contentHash: cur.content_hash,
    title: cur.title,
    versionMarkers: JSON.parse(cur.version_markers) as string[],
    importedAt: cur.imported_at,
    sourceFile: cur.source_file,
    current: true,
  });
  return out;
}

/** The text and blocks of any version of an article by its content hash (for orphans' context), or null. */
export function getVersionText(db: Database, hash: string): { articleId: number; text: string; blocks: Block[] } | null {
  const row = (db.prepare('SELECT id AS article_id, text, blocks FROM articles WHERE content_hash = ?').get(hash) ??
    db.prepare('SELECT article_id, text, blocks FROM article_versions WHERE content_hash = ?').get(hash)) as
    | { article_id: number; text: string; blocks: string }
    | undefined;
  return row ? { articleId: row.article_id, text: row.text, blocks: JSON.parse(row.blocks) as Block[] } : null;
}

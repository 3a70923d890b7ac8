import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { anchorAll, describe, type Selectors } from '../../shared/anchoring.js';
import {
  ANNOTATION_TYPES,
  MAX_TAGS,
  normaliseTag,
  tagKey,
  type Annotation,
  type AnnotationType,
  type AnchorState,
  type ArticleAnnotations,
  type ReviewResult,
  type ReviewRow,
  type TagCount,
  type TypeCounts,
} from '../../shared/annotation.js';
import type { Block } from '../../shared/article.js';
import { AppError } from '../../shared/errors.js';

/**
 * The annotation store. Every function is synchronous and takes `db` first (it can move to a worker
 * unchanged); every write runs in one transaction.
 */

/** What `createAnnotation` needs: a range of the article's current canonical text. */
export interface NewAnnotation {
  articleId: number;
  start: number;
  end: number;
  type: AnnotationType;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
}

/** A change to an annotation; absent fields stay. A new range re-describes the passage on the current text. */
export interface AnnotationPatch {
  type?: AnnotationType | undefined;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

interface AnnotationRow {
  seq: number;
  id: string;
  article_id: number;
  version_hash: string;
  type: AnnotationType;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_method: AnchorState | null;
  anchor_score: number | null;
  original_exact: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
  tags_json: string;
}

const SELECT_ANNOTATION = `SELECT a.*, (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.annotation_seq = a.seq ORDER BY t.key)) AS tags_json FROM annotations a`;

function rowToAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    articleId: r.article_id,
    versionHash: r.version_hash,
    type: r.type,
    note: r.note,
    tags: JSON.parse(r.tags_json) as string[],
    selectors: { quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, position: { start: r.pos_start, end: r.pos_end } },
    anchor:
      r.anchor_start !== null && r.anchor_end !== null && r.anchor_method !== null
        ? { start: r.anchor_start, end: r.anchor_end, method: r.anchor_method, score: r.anchor_score ?? 1 }
        : null,
    originalQuote: r.original_exact,
    created: r.created_at,
    modified: r.modified_at,
    deleted: r.deleted_at,
  };
}

interface ArticleText {
  text: string;
  blocks: Block[];
  hash: string;
}

function articleText(db: Database, articleId: number): ArticleText {
  const row = db.prepare('SELECT text, blocks, content_hash FROM articles WHERE id = ?').get(articleId) as
    | { text: string; blocks: string; content_hash: string }
    | undefined;
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
  return { text: row.text, blocks: JSON.parse(row.blocks) as Block[], hash: row.content_hash };
}

/**
 * The span around [start, end) that contains no non-public block, or null when the range touches
 * one. Selectors' context is kept inside it, so no exported prefix or suffix ever carries text not
 * meant for publication.
 */
export function publicBounds(blocks: readonly Block[], start: number, end: number): { min: number; max: number } | null {
  let min = 0;
  let max = Infinity;
  for (const b of blocks) {
    if (b.kind !== 'nonpublic') continue;
    if (b.start < end && b.end > start) return null;
    if (b.end <= start) min = Math.max(min, b.end);
    if (b.start >= end) max = Math.min(max, b.start);
  }
  return { min, max };
}

/** Shrinks a range to its non-whitespace core (a mouse selection often catches a trailing space or line break). */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Validated selectors for a range of an article's current text (errors: range invalid, non-public). */
function selectorsFor(articleId: number, at: ArticleText, rawStart: number, rawEnd: number): Selectors {
  const inside = Number.isInteger(rawStart) && Number.isInteger(rawEnd) && rawStart >= 0 && rawEnd <= at.text.length && rawStart < rawEnd;
  const { start, end } = inside ? trimRange(at.text, rawStart, rawEnd) : { start: rawStart, end: rawEnd };
  if (!inside || start >= end) {
    throw new AppError('ANNOTATION_RANGE_INVALID', { id: articleId, start: rawStart, end: rawEnd, length: at.text.length });
  }
  const bounds = publicBounds(at.blocks, start, end);
  if (!bounds) throw new AppError('ANNOTATION_NONPUBLIC', { id: articleId, start, end });
  return describe(at.text, start, end, bounds);
}

function cleanNote(note: string | undefined): string {
  return (note ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Normalised, de-duplicated (case-insensitively) tag names. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const out = new Map<string, string>();
  for (const raw of tags ?? []) {
    const name = normaliseTag(raw);
    if (name && !out.has(tagKey(name))) out.set(tagKey(name), name);
  }
  return [...out.values()].slice(0, MAX_TAGS);
}

function setTags(db: Database, seq: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM annotation_tags WHERE annotation_seq = ?').run(seq);
  const upsert = db.prepare('INSERT INTO tags (name, key) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const link = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_seq, tag_id) SELECT ?, id FROM tags WHERE key = ?');
  for (const name of cleanTags(tags)) {
    upsert.run(name, tagKey(name));
    link.run(seq, tagKey(name));
  }
  // A tag no annotation carries any more (not even one in the bin) disappears from the tag list.
  db.prepare('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM annotation_tags x WHERE x.tag_id = tags.id)').run();
}

function indexText(db: Database, seq: number, note: string, quote: string): void {
  db.prepare('DELETE FROM annotations_fts WHERE rowid = ?').run(seq);
  db.prepare('INSERT INTO annotations_fts (rowid, note, quote) VALUES (?, ?, ?)').run(seq, note, quote);
}

function rowById(db: Database, id: string): AnnotationRow {
  const row = db.prepare(`${SELECT_ANNOTATION} WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  if (!row) throw new AppError('ANNOTATION_NOT_FOUND', { id });
  return row;
}

/** One annotation (also when in the bin), or ANNOTATION_NOT_FOUND. */
export function getAnnotation(db: Database, id: string): Annotation {
  return rowToAnnotation(rowById(db, id));
}

/** A complete annotation record as the W3C import produces it: everything but the current anchor. */
export interface AnnotationRecord {
  id: string;
  articleId: number;
  versionHash: string;
  type: AnnotationType;
  note: string;
  tags: string[];
  selectors: Selectors;
  originalQuote: string;
  created: string;
  modified: string;
}

function insertRow(db: Database, r: AnnotationRecord, anchor: { start: number; end: number; method: AnchorState; score: number } | null): number {
  const info = db
    .prepare(
      `INSERT INTO annotations (id, article_id, version_hash, type, note, exact, prefix, suffix, pos_start, pos_end,
         anchor_start, anchor_end, anchor_method, anchor_score, original_exact, created_at, modified_at)
       VALUES (@id, @articleId, @versionHash, @type, @note, @exact, @prefix, @suffix, @posStart, @posEnd,
         @anchorStart, @anchorEnd, @anchorMethod, @anchorScore, @originalQuote, @created, @modified)`,
    )
    .run({
      id: r.id,
      articleId: r.articleId,
      versionHash: r.versionHash,
      type: r.type,
      note: r.note,
      exact: r.selectors.quote.exact,
      prefix: r.selectors.quote.prefix,
      suffix: r.selectors.quote.suffix,
      posStart: r.selectors.position.start,
      posEnd: r.selectors.position.end,
      anchorStart: anchor?.start ?? null,
      anchorEnd: anchor?.end ?? null,
      anchorMethod: anchor?.method ?? null,
      anchorScore: anchor?.score ?? null,
      originalQuote: r.originalQuote,
      created: r.created,
      modified: r.modified,
    });
  const seq = Number(info.lastInsertRowid);
  setTags(db, seq, r.tags);
  indexText(db, seq, r.note, r.selectors.quote.exact);
  return seq;
}

/** Marks a passage of an article's current text. The server computes the selectors; whitespace at the edges is trimmed. */
export function createAnnotation(db: Database, input: NewAnnotation, now: string = new Date().toISOString()): Annotation {
  return db
    .transaction((): Annotation => {
      const at = articleText(db, input.articleId);
      const selectors = selectorsFor(input.articleId, at, input.start, input.end);
      const id = randomUUID();
      insertRow(
        db,
        {
          id,
          articleId: input.articleId,
          versionHash: at.hash,
          type: input.type,
          note: cleanNote(input.note),
          tags: cleanTags(input.tags),
          selectors,
          originalQuote: selectors.quote.exact,
          created: now,
          modified: now,
        },
        { start: selectors.position.start, end: selectors.position.end, method: 'created', score: 1 },
      );
      return getAnnotation(db, id);
    })
    .immediate();
}

/**
 * Changes type, note, tags and/or the range of an annotation (also one in the bin). A new range is
 * described on the article's current text; an orphan given a range is placed again.
 */
export function updateAnnotation(db: Database, id: string, patch: AnnotationPatch, now: string = new Date().toISOString()): Annotation {
  return db
    .transaction((): Annotation => {
      const row = rowById(db, id);
      const note = patch.note !== undefined ? cleanNote(patch.note) : row.note;
      const type = patch.type ?? row.type;
      if (patch.start !== undefined || patch.end !== undefined) {
        const at = articleText(db, row.article_id);
        const start = patch.start ?? row.anchor_start ?? -1;
        const end = patch.end ?? row.anchor_end ?? -1;
        const s = selectorsFor(row.article_id, at, start, end);
        db.prepare(
          `UPDATE annotations SET version_hash = ?, exact = ?, prefix = ?, suffix = ?, pos_start = ?, pos_end = ?,
             anchor_start = ?, anchor_end = ?, anchor_method = 'created', anchor_score = 1 WHERE seq = ?`,
        ).run(at.hash, s.quote.exact, s.quote.prefix, s.quote.suffix, s.position.start, s.position.end, s.position.start, s.position.end, row.seq);
      }
      db.prepare('UPDATE annotations SET type = ?, note = ?, modified_at = ? WHERE seq = ?').run(type, note, now, row.seq);
      if (patch.tags !== undefined) setTags(db, row.seq, patch.tags);
      const updated = rowById(db, id);
      indexText(db, row.seq, updated.note, updated.exact);
      return rowToAnnotation(updated);
    })
    .immediate();
}

/** Moves an annotation to the bin (soft delete); `restoreAnnotation` undoes it. Returns it as deleted. */
export function deleteAnnotation(db: Database, id: string, now: string = new Date().toISOString()): Annotation {
  return db
    .transaction((): Annotation => {
      const row = rowById(db, id);
      if (row.deleted_at === null) db.prepare('UPDATE annotations SET deleted_at = ? WHERE seq = ?').run(now, row.seq);
      return getAnnotation(db, id);
    })
    .immediate();
}

/** Takes an annotation out of the bin (undo of delete). */
export function restoreAnnotation(db: Database, id: string): Annotation {
  return db
    .transaction((): Annotation => {
      const row = rowById(db, id);
      db.prepare('UPDATE annotations SET deleted_at = NULL WHERE seq = ?').run(row.seq);
      return getAnnotation(db, id);
    })
    .immediate();
}

/** The annotations of one article (not in the bin): placed ones by position, orphans by creation. */
export function listAnnotationsForArticle(db: Database, articleId: number): ArticleAnnotations {
  const at = articleText(db, articleId);
  const rows = db
    .prepare(`${SELECT_ANNOTATION} WHERE a.article_id = ? AND a.deleted_at IS NULL ORDER BY a.anchor_start, a.anchor_end, a.created_at, a.seq`)
    .all(articleId) as AnnotationRow[];
  const all = rows.map(rowToAnnotation);
  return {
    articleId,
    versionHash: at.hash,
    anchored: all.filter((a) => a.anchor !== null),
    orphans: all.filter((a) => a.anchor === null),
  };
}

/** Selection for exports: given articles and/or ids, else everything; never the bin. */
export interface AnnotationSelection {
  articleIds?: readonly number[] | undefined;
  ids?: readonly string[] | undefined;
}

/** Annotations (not in the bin) for an export, by article and then text position. */
export function selectAnnotations(db: Database, sel: AnnotationSelection = {}): Annotation[] {
  const where = ['a.deleted_at IS NULL'];
  const params: (string | number)[] = [];
  if (sel.articleIds?.length) {
    where.push(`a.article_id IN (${sel.articleIds.map(() => '?').join(', ')})`);
    params.push(...sel.articleIds);
  }
  if (sel.ids?.length) {
    where.push(`a.id IN (${sel.ids.map(() => '?').join(', ')})`);
    params.push(...sel.ids);
  }
  const rows = db
    .prepare(`${SELECT_ANNOTATION} WHERE ${where.join(' AND ')} ORDER BY a.article_id, a.anchor_start IS NULL, a.anchor_start, a.created_at, a.seq`)
    .all(...params) as AnnotationRow[];
  return rows.map(rowToAnnotation);
}

/** Filters of the review list. Every given filter must hold. */
export interface ReviewFilters {
  types?: readonly AnnotationType[] | undefined;
  /** Every tag named must be on the annotation (case-insensitive). */
  tags?: readonly string[] | undefined;
  articleIds?: readonly number[] | undefined;
  /** Created on or after (ISO date or timestamp). */
  from?: string | undefined;
  /** Created on or before (an ISO date includes that whole day). */
  to?: string | undefined;
  /** Full-text search in notes and quoted passages as the user types it; diacritics are folded. */
  query?: string | undefined;
  /** Only orphans (passages not found after a new version). */
  orphansOnly?: boolean | undefined;
  /** The bin instead of the live annotations. */
  deleted?: boolean | undefined;
  sort?: 'created' | 'modified' | 'article' | undefined;
  direction?: 'asc' | 'desc' | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/**
 * Turns typed text into a safe FTS5 query for `annotations_fts` (unicode61, diacritics folded):
 * "phrases" stay phrases, every other word becomes a quoted prefix term, all must occur. User
 * input can never form a malformed FTS5 expression; null when nothing searchable is left.
 */
export function noteQuery(input: string): string | null {
  const terms: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim();
      if (phrase) terms.push(`"${phrase}"`);
    } else if (m[2] !== undefined) {
      for (const part of m[2].split(/[^\p{L}\p{N}]+/u)) if (part) terms.push(`"${part}"*`);
    }
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** One day after an ISO date (`2025-02-28` → `2025-03-01`), for an inclusive upper date bound. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The review list across the collection: a page of matching annotations with their article, the
 * total, and counts per type. The counts ignore the type filter, so the view can show how many of
 * each type the other filters leave (the chips stay useful while one type is selected).
 */
export function reviewAnnotations(db: Database, f: ReviewFilters = {}): ReviewResult {
  const where: string[] = [f.deleted ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  if (f.articleIds?.length) {
    where.push(`a.article_id IN (${f.articleIds.map((_, i) => `@article${i}`).join(', ')})`);
    f.articleIds.forEach((id, i) => (params[`article${i}`] = id));
  }
  const tags = cleanTags(f.tags);
  tags.forEach((t, i) => {
    where.push(`EXISTS (SELECT 1 FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_seq = a.seq AND t.key = @tag${i})`);
    params[`tag${i}`] = tagKey(t);
  });
  if (f.from) {
    where.push('a.created_at >= @from');
    params.from = f.from;
  }
  if (f.to) {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(f.to);
    where.push(dateOnly ? 'a.created_at < @to' : 'a.created_at <= @to');
    params.to = dateOnly ? dayAfter(f.to) : f.to;
  }
  if (f.query?.trim()) {
    const match = noteQuery(f.query);
    if (match) {
      where.push('a.seq IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH @match)');
      params.match = match;
    }
  }
  if (f.orphansOnly) where.push('a.anchor_start IS NULL');

  const base = `FROM annotations a JOIN articles r ON r.id = a.article_id WHERE ${where.join(' AND ')}`;
  const counts = Object.fromEntries(ANNOTATION_TYPES.map((t) => [t, 0])) as TypeCounts;
  for (const row of db.prepare(`SELECT a.type AS type, count(*) AS n ${base} GROUP BY a.type`).all(params) as { type: AnnotationType; n: number }[]) {
    counts[row.type] = row.n;
  }
  const typeFilter = f.types?.length ? ` AND a.type IN (${f.types.map((_, i) => `@type${i}`).join(', ')})` : '';
  f.types?.forEach((t, i) => (params[`type${i}`] = t));
  const total = (db.prepare(`SELECT count(*) AS n ${base}${typeFilter}`).get(params) as { n: number }).n;
  const dir = f.direction === 'asc' ? 'ASC' : 'DESC';
  const order =
    f.sort === 'article'
      ? `r.title COLLATE NOCASE ${dir}, a.article_id, a.anchor_start IS NULL, a.anchor_start, a.seq`
      : f.sort === 'modified'
        ? `a.modified_at ${dir}, a.seq ${dir}`
        : `a.created_at ${dir}, a.seq ${dir}`;
  const rows = db
    .prepare(
      `SELECT a.*, (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
          WHERE x.annotation_seq = a.seq ORDER BY t.key)) AS tags_json,
        r.title AS article_title, r.agency AS article_agency, r.published AS article_published
       ${base}${typeFilter} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit ?? 100, offset: f.offset ?? 0 }) as (AnnotationRow & {
    article_title: string;
    article_agency: string | null;
    article_published: string | null;
  })[];
  const items: ReviewRow[] = rows.map((r) => ({
    ...rowToAnnotation(r),
    articleTitle: r.article_title,
    articleAgency: r.article_agency,
    articlePublished: r.article_published,
  }));
  return { total, items, countsByType: counts };
}

/** Every tag with the number of live annotations carrying it, most used first. */
export function listTags(db: Database): TagCount[] {
  return db
    .prepare(
      `SELECT t.name AS name, count(a.seq) AS count FROM tags t
         JOIN annotation_tags x ON x.tag_id = t.id
         LEFT JOIN annotations a ON a.seq = x.annotation_seq AND a.deleted_at IS NULL
       GROUP BY t.id HAVING count(a.seq) > 0 ORDER BY count DESC, t.key`,
    )
    .all() as TagCount[];
}

/** What re-anchoring did to an article's annotations. */
export interface ReanchorReport {
  /** Found at the same place in the new text. */
  unchanged: number;
  /** Found elsewhere (exact or approximate search). */
  moved: number;
  /** Not found: kept with their original quote, listed as orphans. */
  orphaned: number;
}

/**
 * Places every annotation of an article (those in the bin too, so a restore finds them placed) on
 * a new current text. Found ones get selectors describing the new text; the others become orphans
 * and keep the selectors and version they had. Nothing is ever deleted. A passage found inside a
 * non-public block counts as not found. Runs inside the caller's transaction.
 */
export function reanchorAnnotations(db: Database, articleId: number, text: string, blocks: readonly Block[], hash: string): ReanchorReport {
  const rows = db.prepare(`${SELECT_ANNOTATION} WHERE a.article_id = ? ORDER BY a.seq`).all(articleId) as AnnotationRow[];
  const report: ReanchorReport = { unchanged: 0, moved: 0, orphaned: 0 };
  if (rows.length === 0) return report;
  const selectors = rows.map((r) => rowToAnnotation(r).selectors);
  const anchors = anchorAll(text, selectors);
  const place = db.prepare(
    `UPDATE annotations SET version_hash = ?, exact = ?, prefix = ?, suffix = ?, pos_start = ?, pos_end = ?,
       anchor_start = ?, anchor_end = ?, anchor_method = ?, anchor_score = ? WHERE seq = ?`,
  );
  const orphan = db.prepare('UPDATE annotations SET anchor_start = NULL, anchor_end = NULL, anchor_method = NULL, anchor_score = NULL WHERE seq = ?');
  rows.forEach((row, i) => {
    const found = anchors[i];
    const bounds = found ? publicBounds(blocks, found.start, found.end) : null;
    if (!found || !bounds) {
      orphan.run(row.seq);
      report.orphaned++;
      return;
    }
    const s = describe(text, found.start, found.end, bounds);
    place.run(hash, s.quote.exact, s.quote.prefix, s.quote.suffix, found.start, found.end, found.start, found.end, found.method, found.score, row.seq);
    if (s.quote.exact !== row.exact) indexText(db, row.seq, row.note, s.quote.exact);
    if (found.method === 'position') report.unchanged++;
    else report.moved++;
  });
  return report;
}

/**
 * Stores imported annotation records in one transaction: new ids are inserted, known ids replaced
 * when the record is newer (by `modified`), else left alone. Each is placed on the article's current
 * text; one that cannot be placed is kept as an orphan.
 */
export function upsertAnnotationRecords(db: Database, records: readonly AnnotationRecord[]): { created: number; updated: number; unchanged: number; orphaned: number } {
  return db
    .transaction(() => {
      const out = { created: 0, updated: 0, unchanged: 0, orphaned: 0 };
      const texts = new Map<number, ArticleText>();
      for (const r of records) {
        const existing = db.prepare('SELECT seq, modified_at FROM annotations WHERE id = ?').get(r.id) as { seq: number; modified_at: string } | undefined;
        if (existing && existing.modified_at >= r.modified) {
          out.unchanged++;
          continue;
        }
        if (existing) db.prepare('DELETE FROM annotations WHERE seq = ?').run(existing.seq);
        if (existing) db.prepare('DELETE FROM annotations_fts WHERE rowid = ?').run(existing.seq);
        let at = texts.get(r.articleId);
        if (!at) {
          at = articleText(db, r.articleId);
          texts.set(r.articleId, at);
        }
        const [found] = anchorAll(at.text, [r.selectors]);
        const bounds = found ? publicBounds(at.blocks, found.start, found.end) : null;
        if (found && bounds && r.versionHash !== at.hash) {
          // Made on another version of this article: describe it on the current text, as re-anchoring does.
          const s = describe(at.text, found.start, found.end, bounds);
          insertRow(db, { ...r, versionHash: at.hash, selectors: s }, { start: found.start, end: found.end, method: found.method, score: found.score });
        } else {
          const placed = found && bounds ? { start: found.start, end: found.end, method: found.method === 'position' ? ('created' as const) : found.method, score: found.score } : null;
          insertRow(db, r, placed);
        }
        if (!found || !bounds) out.orphaned++;
        if (existing) out.updated++;
        else out.created++;
      }
      db.prepare('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM annotation_tags x WHERE x.tag_id = tags.id)').run();
      return out;
    })
    .immediate();
}

import type { Database } from 'better-sqlite3';
import { datePartsOf } from '../../../shared/agency-line.js';
import type { ArticleDetail } from '../../../shared/article.js';
import {
  cslPatchSchema,
  manualSourceItemSchema,
  MANUAL_SOURCE_TYPES,
  type CitationRecord,
  type CslDate,
  type CslItem,
  type CslName,
  type CslPatch,
  type ManualSource,
  type ManualSourceKind,
} from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import { getArticle } from '../articles.js';
import { splitName } from './names.js';

// Links in a delivery's header that name the agency's terms rather than the article (Reuters:
// "Click For Restrictions - https://agency.reuters.com/en/copyright.html"): never an article's URL.
const RIGHTS_URL = /copyright|restriction|terms|rights|lizenz|nutzungsbedingungen|impressum/i;

/** The stable CSL id of an article's record. */
export function articleItemId(articleId: number): string {
  return `fundstelle-${articleId}`;
}

/** The stable CSL id of a manual source. */
export function sourceItemId(sourceId: number): string {
  return `fundstelle-source-${sourceId}`;
}

/** CSL date of an ISO date with its precision: `2025-02` → `{date-parts: [[2025, 2]]}`. */
export function cslDateOf(iso: string | null | undefined): CslDate | undefined {
  const parts = datePartsOf(iso);
  if (!parts) return undefined;
  const [year, ...rest] = parts as [number, ...number[]];
  return { 'date-parts': [[year, ...rest]] };
}

// ASCII letters only, so the key works in every BibTeX toolchain.
function asciiWord(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** A BibTeX-friendly citation key: first author's family name (or the agency), year, first title word: `jin2025bei`. */
export function citationKey(item: Pick<CslItem, 'author' | 'container-title' | 'publisher' | 'title' | 'issued'>): string {
  const first = item.author?.[0];
  const who = asciiWord(first?.family ?? first?.literal ?? item['container-title'] ?? item.publisher ?? '') || 'anon';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const word = (item.title ?? '').split(/\s+/).map(asciiWord).find((w) => w.length > 0) ?? '';
  return `${who}${year ?? ''}${word}`.slice(0, 60);
}

function namesOf(article: ArticleDetail, roles: readonly string[]): CslName[] | undefined {
  const seen = new Set<string>();
  const names: CslName[] = [];
  for (const c of article.credits) {
    if (!roles.includes(c.role)) continue;
    const key = c.name.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const n = splitName(c.name);
    if (n) names.push(n);
  }
  return names.length > 0 ? names : undefined;
}

/**
 * The CSL-JSON record an article's metadata gives: a wire story or a press text (one with an
 * agency) is an `article-newspaper`, a saved HTML page with its URL a `webpage`, anything else a
 * `document`. Agency/outlet → container-title and publisher; reporters, authors and writers →
 * author; editors → editor; the date with its precision; dateline place; URL; import date as
 * accessed.
 */
export function deriveRecord(article: ArticleDetail): CslItem {
  const agency = article.agency?.trim() || article.dateline?.agency?.trim() || null;
  const url = article.url && /^https?:\/\//i.test(article.url) && !RIGHTS_URL.test(article.url) ? article.url : null;
  const type: CslItem['type'] =
    article.source.format === 'wire'
      ? 'article-newspaper'
      : article.source.format === 'html' && url
        ? 'webpage'
        : agency
          ? 'article-newspaper'
          : 'document';
  const item: CslItem = { id: articleItemId(article.id), type, title: article.title };
  const author = namesOf(article, ['reporter', 'author', 'writer']);
  if (author) item.author = author;
  const editor = namesOf(article, ['editor']);
  if (editor) item.editor = editor;
  if (agency) {
    item['container-title'] = agency;
    item.publisher = agency;
  }
  const issued = cslDateOf(article.published);
  if (issued) item.issued = issued;
  if (article.dateline?.place) item['publisher-place'] = article.dateline.place;
  if (url) item.URL = url;
  const accessed = cslDateOf(article.importedAt.slice(0, 10));
  if (accessed) item.accessed = accessed;
  if (article.language) item.language = article.language;
  item['citation-key'] = citationKey(item);
  return item;
}

/** Applies a patch: set fields, `null` removes; `id` never changes. */
export function applyPatch(base: CslItem, patch: CslPatch): CslItem {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  out.id = base.id;
  const item = out as CslItem;
  // A key derived from fields the user changed follows them, unless the user set a key.
  if (patch['citation-key'] === undefined && base['citation-key'] !== undefined) item['citation-key'] = citationKey(item);
  return item;
}

interface OverrideRow {
  patch: string;
  updated_at: string;
}

function readOverrides(db: Database, articleId: number): { patch: CslPatch; updatedAt: string | null } {
  const row = db.prepare('SELECT patch, updated_at FROM citation_overrides WHERE article_id = ?').get(articleId) as OverrideRow | undefined;
  if (!row) return { patch: {}, updatedAt: null };
  // Stored patches were validated on the way in; parse again so a hand-edited row cannot break exports.
  const parsed = cslPatchSchema.safeParse(JSON.parse(row.patch));
  return { patch: parsed.success ? parsed.data : {}, updatedAt: row.updated_at };
}

/** An article's record: derived from its current metadata, the user's edits, and both combined. */
export function getRecord(db: Database, articleId: number): CitationRecord {
  const derived = deriveRecord(getArticle(db, articleId));
  const { patch, updatedAt } = readOverrides(db, articleId);
  return { articleId, derived, overrides: patch, effective: applyPatch(derived, patch), updatedAt };
}

function validatePatch(patch: unknown): CslPatch {
  const parsed = cslPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(patch)'}: ${i.message}`).join('; ');
    throw new AppError('CITATION_PATCH_INVALID', { reason });
  }
  return parsed.data;
}

/**
 * Merges `patch` into the article's stored edits and returns the record. Edits are kept per
 * article, apart from the metadata, so re-parsing or re-importing the article keeps them.
 */
export function updateRecord(db: Database, articleId: number, patch: unknown, now: string = new Date().toISOString()): CitationRecord {
  const valid = validatePatch(patch);
  getArticle(db, articleId);
  const merged = { ...readOverrides(db, articleId).patch, ...valid };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete (merged as Record<string, unknown>)[k];
  db.prepare(
    `INSERT INTO citation_overrides (article_id, patch, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET patch = excluded.patch, updated_at = excluded.updated_at`,
  ).run(articleId, JSON.stringify(merged), now);
  return getRecord(db, articleId);
}

/** Drops the edits of `fields` (all edits without it): the derived values apply again. */
export function resetRecord(db: Database, articleId: number, fields?: readonly string[]): CitationRecord {
  getArticle(db, articleId);
  if (!fields) {
    db.prepare('DELETE FROM citation_overrides WHERE article_id = ?').run(articleId);
  } else {
    const { patch } = readOverrides(db, articleId);
    const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => !fields.includes(k)));
    if (Object.keys(rest).length === 0) db.prepare('DELETE FROM citation_overrides WHERE article_id = ?').run(articleId);
    else db.prepare('UPDATE citation_overrides SET patch = ?, updated_at = ? WHERE article_id = ?').run(JSON.stringify(rest), new Date().toISOString(), articleId);
  }
  return getRecord(db, articleId);
}

interface SourceRow {
  id: number;
  kind: ManualSourceKind;
  item: string;
  created_at: string;
  updated_at: string;
}

function rowToSource(row: SourceRow): ManualSource {
  const fields = JSON.parse(row.item) as Omit<CslItem, 'id'>;
  const item = { ...fields, id: sourceItemId(row.id), type: fields.type ?? MANUAL_SOURCE_TYPES[row.kind] } as CslItem;
  if (!item['citation-key']) item['citation-key'] = citationKey(item);
  return { id: row.id, kind: row.kind, item, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Manually added sources, newest first. */
export function listSources(db: Database): ManualSource[] {
  return (db.prepare('SELECT * FROM citation_sources ORDER BY id DESC').all() as SourceRow[]).map(rowToSource);
}

/** One manual source, or CITATION_SOURCE_NOT_FOUND. */
export function getSource(db: Database, id: number): ManualSource {
  const row = db.prepare('SELECT * FROM citation_sources WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) throw new AppError('CITATION_SOURCE_NOT_FOUND', { id });
  return rowToSource(row);
}

/** Adds a manual source (web page, document, interview, person), or replaces its fields when `id` is given. */
export function saveSource(db: Database, input: { id?: number | undefined; kind: ManualSourceKind; item: unknown }, now: string = new Date().toISOString()): ManualSource {
  const parsed = manualSourceItemSchema.safeParse(input.item);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ');
    throw new AppError('CITATION_PATCH_INVALID', { reason });
  }
  // null means "not set" for a manual source: there is nothing derived to remove.
  const fields = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== null && v !== undefined));
  const json = JSON.stringify({ type: MANUAL_SOURCE_TYPES[input.kind], ...fields });
  if (input.id !== undefined) {
    const info = db.prepare('UPDATE citation_sources SET kind = ?, item = ?, updated_at = ? WHERE id = ?').run(input.kind, json, now, input.id);
    if (info.changes === 0) throw new AppError('CITATION_SOURCE_NOT_FOUND', { id: input.id });
    return getSource(db, input.id);
  }
  const info = db.prepare('INSERT INTO citation_sources (kind, item, created_at, updated_at) VALUES (?, ?, ?, ?)').run(input.kind, json, now, now);
  return getSource(db, Number(info.lastInsertRowid));
}

/** Deletes a manual source; false when there was none. */
export function deleteSource(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM citation_sources WHERE id = ?').run(id).changes > 0;
}

import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { describe } from '../../shared/anchoring.js';
import type { Block } from '../../shared/article.js';
import { AppError, type Lang } from '../../shared/errors.js';
import { normaliseTerms, redactTerms } from '../../shared/protected.js';
import {
  MAX_ALIASES,
  type Source,
  type SourceDetail,
  type SourceKind,
  type SourceMention,
  type StatusChange,
  type VerificationStatus,
} from '../../shared/source.js';
import { publicBounds } from './annotations.js';

/**
 * The source registry (Quellenverwaltung). Every function is synchronous and takes `db` first;
 * every write runs in one transaction (nested calls become savepoints of the caller's).
 *
 * Protected sources: exporters call {@link redactProtected} on every text they write (or
 * {@link protectedTerms} once plus `redactTerms` from `shared/protected.ts` for many texts).
 */

/** What `createSource` needs. */
export interface NewSource {
  kind: SourceKind;
  name: string;
  role?: string | null | undefined;
  organisation?: string | null | undefined;
  wording?: string | null | undefined;
  aliases?: readonly string[] | undefined;
  note?: string | undefined;
  protected?: boolean | undefined;
}

/** A change to a source; absent fields stay, `null` clears role, organisation or wording. */
export interface SourcePatch {
  kind?: SourceKind | undefined;
  name?: string | undefined;
  role?: string | null | undefined;
  organisation?: string | null | undefined;
  wording?: string | null | undefined;
  aliases?: readonly string[] | undefined;
  note?: string | undefined;
}

/** Filters of the registry list; every given one must hold. */
export interface SourceQuery {
  kind?: SourceKind | undefined;
  status?: VerificationStatus | undefined;
  /** Case-insensitive search in name, aliases, role, organisation and wording. */
  query?: string | undefined;
  protected?: boolean | undefined;
}

interface SourceRow {
  id: number;
  kind: SourceKind;
  name: string;
  name_key: string;
  role: string | null;
  organisation: string | null;
  wording: string | null;
  aliases: string;
  note: string;
  status: VerificationStatus;
  protected: number;
  created_at: string;
  updated_at: string;
  mention_count: number;
}

/** Folds white space and applies NFC: how names are stored. */
export function cleanName(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The comparison key of a name: cleaned, lower case with German rules ("Müller" = "MÜLLER"). */
export function nameKey(s: string): string {
  return cleanName(s).toLocaleLowerCase('de');
}

function cleanOptional(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const c = cleanName(s);
  return c || null;
}

function cleanAliases(aliases: readonly string[] | undefined, name: string): string[] {
  const out = new Map<string, string>();
  for (const a of aliases ?? []) {
    const c = cleanName(a);
    if (c && nameKey(c) !== nameKey(name) && !out.has(nameKey(c))) out.set(nameKey(c), c);
  }
  return [...out.values()].slice(0, MAX_ALIASES);
}

/** Who changes a status when nobody is named: the user logged in to this machine. */
export function currentUser(): string {
  try {
    return os.userInfo().username || 'Fundstelle';
  } catch {
    return 'Fundstelle';
  }
}

const SELECT_SOURCE = `SELECT s.*, (SELECT count(*) FROM source_mentions m WHERE m.source_id = s.id) AS mention_count FROM sources s`;

function rowToSource(r: SourceRow): Source {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    role: r.role,
    organisation: r.organisation,
    wording: r.wording,
    aliases: JSON.parse(r.aliases) as string[],
    note: r.note,
    status: r.status,
    protected: r.protected === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    mentionCount: r.mention_count,
  };
}

function rowById(db: Database, id: number): SourceRow {
  const row = db.prepare(`${SELECT_SOURCE} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  if (!row) throw new AppError('SOURCE_NOT_FOUND', { id });
  return row;
}

/** The registry, filtered, sorted by name. */
export function listSources(db: Database, q: SourceQuery = {}): Source[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.kind) {
    where.push('s.kind = ?');
    params.push(q.kind);
  }
  if (q.status) {
    where.push('s.status = ?');
    params.push(q.status);
  }
  if (q.protected !== undefined) {
    where.push('s.protected = ?');
    params.push(q.protected ? 1 : 0);
  }
  const rows = db.prepare(`${SELECT_SOURCE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.name_key, s.id`).all(...params) as SourceRow[];
  let out = rows.map(rowToSource);
  const needle = q.query ? nameKey(q.query) : '';
  // SQLite's lower() folds only ASCII; the registry is small enough to filter here with German rules.
  if (needle) out = out.filter((s) => [s.name, s.role, s.organisation, s.wording, ...s.aliases].some((f) => f !== null && nameKey(f).includes(needle)));
  return out;
}

/**
 * Registry entries whose name, aliases, role, organisation or wording match an FTS5 expression
 * over `sources_fts` (migration 8), best first, each with the newest articles mentioning it.
 * `articleWhere`: SQL conditions on `articles a` (the search filters); when given, only sources
 * mentioned in such an article are returned.
 */
export function matchSources(
  db: Database,
  match: string,
  articleWhere: { where: string[]; params: Record<string, unknown> },
  limit: number,
): { sources: (Source & { articleIds: number[] })[]; total: number } {
  const restrict = articleWhere.where.length
    ? ` AND s.id IN (SELECT m.source_id FROM source_mentions m JOIN articles a ON a.id = m.article_id WHERE ${articleWhere.where.join(' AND ')})`
    : '';
  const params = { ...articleWhere.params, match, limit };
  const from = `FROM sources_fts f JOIN sources s ON s.id = f.rowid WHERE sources_fts MATCH @match${restrict}`;
  const total = (db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number) ?? 0;
  const rows = db
    .prepare(`SELECT s.*, (SELECT count(*) FROM source_mentions m WHERE m.source_id = s.id) AS mention_count ${from} ORDER BY bm25(sources_fts, 4.0, 3.0, 1.0, 1.0, 1.0), s.name_key LIMIT @limit`)
    .all(params) as SourceRow[];
  const articles = db.prepare(
    'SELECT DISTINCT m.article_id FROM source_mentions m JOIN articles a ON a.id = m.article_id WHERE m.source_id = ? ORDER BY a.published DESC, a.id DESC LIMIT 5',
  );
  return { sources: rows.map((r) => ({ ...rowToSource(r), articleIds: articles.pluck().all(r.id) as number[] })), total };
}

interface MentionRow {
  id: number;
  source_id: number;
  article_id: number;
  article_title: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  annotation_id: string | null;
  cue: string | null;
  role: string | null;
  created_at: string;
}

function rowToMention(r: MentionRow): SourceMention {
  return {
    id: r.id,
    sourceId: r.source_id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    annotationId: r.annotation_id,
    cue: r.cue,
    role: r.role,
    createdAt: r.created_at,
  };
}

const SELECT_MENTION = 'SELECT m.*, a.title AS article_title FROM source_mentions m JOIN articles a ON a.id = m.article_id';

/** Mentions of a source, by article and position. */
export function listMentions(db: Database, sourceId: number): SourceMention[] {
  return (db.prepare(`${SELECT_MENTION} WHERE m.source_id = ? ORDER BY m.article_id, m.start, m.id`).all(sourceId) as MentionRow[]).map(rowToMention);
}

/** Mentions in one article (of any source), by position. */
export function listArticleMentions(db: Database, articleId: number): SourceMention[] {
  return (db.prepare(`${SELECT_MENTION} WHERE m.article_id = ? ORDER BY m.start, m.id`).all(articleId) as MentionRow[]).map(rowToMention);
}

/** The verification history of a source, oldest first. */
export function statusHistory(db: Database, sourceId: number): StatusChange[] {
  const rows = db
    .prepare('SELECT * FROM source_status_history WHERE source_id = ? ORDER BY changed_at, id')
    .all(sourceId) as { id: number; source_id: number; status: VerificationStatus; previous: VerificationStatus | null; note: string; changed_by: string; changed_at: string }[];
  return rows.map((r) => ({ id: r.id, sourceId: r.source_id, status: r.status, previous: r.previous, note: r.note, by: r.changed_by, at: r.changed_at }));
}

/** One source with its mentions and history, or SOURCE_NOT_FOUND. */
export function getSource(db: Database, id: number): SourceDetail {
  const s = rowToSource(rowById(db, id));
  return { ...s, mentions: listMentions(db, id), history: statusHistory(db, id) };
}

/** Adds a source; its history starts with "unbestätigt". */
export function createSource(db: Database, input: NewSource, opts: { now?: string; by?: string } = {}): SourceDetail {
  const now = opts.now ?? new Date().toISOString();
  const name = cleanName(input.name);
  if (!name) throw new AppError('INVALID_ARGUMENTS', { channel: 'sources.create', reason: 'name: leer' });
  return db
    .transaction((): SourceDetail => {
      const info = db
        .prepare(
          `INSERT INTO sources (kind, name, name_key, role, organisation, wording, aliases, note, protected, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.kind,
          name,
          nameKey(name),
          cleanOptional(input.role),
          cleanOptional(input.organisation),
          cleanOptional(input.wording),
          JSON.stringify(cleanAliases(input.aliases, name)),
          (input.note ?? '').trim(),
          input.protected ? 1 : 0,
          now,
          now,
        );
      const id = Number(info.lastInsertRowid);
      db.prepare('INSERT INTO source_status_history (source_id, status, previous, note, changed_by, changed_at) VALUES (?, ?, NULL, ?, ?, ?)').run(
        id,
        'unbestätigt',
        '',
        opts.by ?? currentUser(),
        now,
      );
      return getSource(db, id);
    })
    .immediate();
}

/** Changes fields of a source; absent fields stay. */
export function updateSource(db: Database, id: number, patch: SourcePatch, now: string = new Date().toISOString()): SourceDetail {
  return db
    .transaction((): SourceDetail => {
      const row = rowById(db, id);
      const name = patch.name !== undefined ? cleanName(patch.name) : row.name;
      if (!name) throw new AppError('INVALID_ARGUMENTS', { channel: 'sources.update', reason: 'name: leer' });
      const aliases = patch.aliases !== undefined ? cleanAliases(patch.aliases, name) : cleanAliases(JSON.parse(row.aliases) as string[], name);
      db.prepare(
        `UPDATE sources SET kind = ?, name = ?, name_key = ?, role = ?, organisation = ?, wording = ?, aliases = ?, note = ?, updated_at = ? WHERE id = ?`,
      ).run(
        patch.kind ?? row.kind,
        name,
        nameKey(name),
        patch.role !== undefined ? cleanOptional(patch.role) : row.role,
        patch.organisation !== undefined ? cleanOptional(patch.organisation) : row.organisation,
        patch.wording !== undefined ? cleanOptional(patch.wording) : row.wording,
        JSON.stringify(aliases),
        patch.note !== undefined ? patch.note.trim() : row.note,
        now,
        id,
      );
      return getSource(db, id);
    })
    .immediate();
}

/** Sets the verification status and records the change (who, when, why) in the history. */
export function setSourceStatus(
  db: Database,
  id: number,
  status: VerificationStatus,
  opts: { note?: string | undefined; by?: string | undefined; now?: string | undefined } = {},
): SourceDetail {
  const now = opts.now ?? new Date().toISOString();
  return db
    .transaction((): SourceDetail => {
      const row = rowById(db, id);
      db.prepare('UPDATE sources SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
      db.prepare('INSERT INTO source_status_history (source_id, status, previous, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        status,
        row.status,
        (opts.note ?? '').trim(),
        cleanName(opts.by ?? '') || currentUser(),
        now,
      );
      return getSource(db, id);
    })
    .immediate();
}

/** Marks a source as protected (Informantenschutz) or lifts the protection. */
export function setSourceProtected(db: Database, id: number, isProtected: boolean, now: string = new Date().toISOString()): SourceDetail {
  return db
    .transaction((): SourceDetail => {
      rowById(db, id);
      db.prepare('UPDATE sources SET protected = ?, updated_at = ? WHERE id = ?').run(isProtected ? 1 : 0, now, id);
      return getSource(db, id);
    })
    .immediate();
}

/**
 * Merges `mergeId` into `keepId` in one transaction: mentions, history and proposal decisions
 * move to the survivor; its empty fields are filled from the other; the other's name and aliases
 * become aliases (so redaction still finds them); protection is kept if either was protected. A
 * history entry records the merge. The merged entry is deleted.
 */
export function mergeSources(db: Database, keepId: number, mergeId: number, opts: { by?: string; now?: string } = {}): SourceDetail {
  if (keepId === mergeId) throw new AppError('SOURCE_MERGE_SELF', { id: keepId });
  const now = opts.now ?? new Date().toISOString();
  return db
    .transaction((): SourceDetail => {
      const keep = rowById(db, keepId);
      const gone = rowById(db, mergeId);
      const aliases = cleanAliases([...(JSON.parse(keep.aliases) as string[]), gone.name, ...(JSON.parse(gone.aliases) as string[])], keep.name);
      const notes = [keep.note, gone.note].filter(Boolean).join('\n\n');
      db.prepare(
        `UPDATE sources SET role = ?, organisation = ?, wording = ?, aliases = ?, note = ?, protected = ?, updated_at = ? WHERE id = ?`,
      ).run(
        keep.role ?? gone.role,
        keep.organisation ?? gone.organisation,
        keep.wording ?? gone.wording,
        JSON.stringify(aliases),
        notes,
        keep.protected === 1 || gone.protected === 1 ? 1 : 0,
        now,
        keepId,
      );
      db.prepare('UPDATE source_mentions SET source_id = ? WHERE source_id = ?').run(keepId, mergeId);
      db.prepare('UPDATE source_status_history SET source_id = ? WHERE source_id = ?').run(keepId, mergeId);
      db.prepare('UPDATE proposal_decisions SET source_id = ? WHERE source_id = ?').run(keepId, mergeId);
      db.prepare('INSERT INTO source_status_history (source_id, status, previous, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        keepId,
        keep.status,
        keep.status,
        `Zusammengeführt mit „${gone.name}“ (#${gone.id}, ${gone.status})`,
        opts.by ?? currentUser(),
        now,
      );
      db.prepare('DELETE FROM sources WHERE id = ?').run(mergeId);
      return getSource(db, keepId);
    })
    .immediate();
}

/** Deletes a source with its mentions and history; annotations stay (they are the journalist's marks). */
export function deleteSource(db: Database, id: number): { removed: boolean } {
  const info = db.prepare('DELETE FROM sources WHERE id = ?').run(id);
  return { removed: info.changes > 0 };
}

/** What `addMention` needs: a range of the article's current canonical text. */
export interface NewMention {
  sourceId: number;
  articleId: number;
  start: number;
  end: number;
  annotationId?: string | null | undefined;
  cue?: string | null | undefined;
  role?: string | null | undefined;
}

/** Links a source to a passage [start, end) of an article (not in a non-public block), optionally to its annotation. */
export function addMention(db: Database, m: NewMention, now: string = new Date().toISOString()): SourceMention {
  return db
    .transaction((): SourceMention => {
      rowById(db, m.sourceId);
      const art = db.prepare('SELECT text, blocks FROM articles WHERE id = ?').get(m.articleId) as { text: string; blocks: string } | undefined;
      if (!art) throw new AppError('ARTICLE_NOT_FOUND', { id: m.articleId });
      if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > art.text.length || m.start >= m.end) {
        throw new AppError('ANNOTATION_RANGE_INVALID', { id: m.articleId, start: m.start, end: m.end, length: art.text.length });
      }
      const bounds = publicBounds(JSON.parse(art.blocks) as Block[], m.start, m.end);
      if (!bounds) throw new AppError('ANNOTATION_NONPUBLIC', { id: m.articleId, start: m.start, end: m.end });
      const s = describe(art.text, m.start, m.end, bounds);
      const info = db
        .prepare(
          `INSERT INTO source_mentions (source_id, article_id, start, end, exact, prefix, suffix, annotation_id, cue, role, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(m.sourceId, m.articleId, m.start, m.end, s.quote.exact, s.quote.prefix, s.quote.suffix, m.annotationId ?? null, cleanOptional(m.cue), cleanOptional(m.role), now);
      const id = Number(info.lastInsertRowid);
      return rowToMention(db.prepare(`${SELECT_MENTION} WHERE m.id = ?`).get(id) as MentionRow);
    })
    .immediate();
}

/** Removes a mention (the annotation on the passage stays). */
export function removeMention(db: Database, id: number): { removed: boolean } {
  const info = db.prepare('DELETE FROM source_mentions WHERE id = ?').run(id);
  if (info.changes === 0) throw new AppError('SOURCE_MENTION_NOT_FOUND', { id });
  return { removed: true };
}

/** An existing source of that kind whose name or alias is `name` (case-insensitive), oldest first; or null. */
export function findSourceByName(db: Database, kind: SourceKind, name: string): Source | null {
  const key = nameKey(name);
  const direct = db.prepare(`${SELECT_SOURCE} WHERE s.kind = ? AND s.name_key = ? ORDER BY s.id LIMIT 1`).get(kind, key) as SourceRow | undefined;
  if (direct) return rowToSource(direct);
  const rows = db.prepare(`${SELECT_SOURCE} WHERE s.kind = ? AND s.aliases <> '[]' ORDER BY s.id`).all(kind) as SourceRow[];
  const hit = rows.find((r) => (JSON.parse(r.aliases) as string[]).some((a) => nameKey(a) === key));
  return hit ? rowToSource(hit) : null;
}

/**
 * Every term that identifies a protected source: its name, its aliases and, for a person named
 * with more than one word, the surname alone of the name ("Haas" for "Rene Haas": "sagte Haas" would give the
 * person away). Longest first, without duplicates. Over-redaction (another "Haas") is the safe side.
 */
export function protectedTerms(db: Database): string[] {
  const rows = db.prepare('SELECT kind, name, aliases FROM sources WHERE protected = 1').all() as { kind: SourceKind; name: string; aliases: string }[];
  const terms: string[] = [];
  for (const r of rows) {
    terms.push(r.name, ...(JSON.parse(r.aliases) as string[]));
    // The surname of the name only: aliases may be descriptions ("die Informantin aus dem Bauamt").
    const parts = cleanName(r.name).split(' ');
    const last = parts[parts.length - 1];
    if (r.kind === 'person' && parts.length > 1 && last && last.length >= 2 && !last.endsWith('.')) terms.push(last);
  }
  return normaliseTerms(terms);
}

/**
 * THE redaction every exporter applies (citations, annotations, Rückfragen drafts, clipboard):
 * replaces each protected source's name, aliases and surname in `text` with "vertrauliche Quelle"
 * (`de`) / "confidential source" (`en`), case-insensitively and only as whole words. Returns the
 * text unchanged (NFC) when nothing is protected.
 */
export function redactProtected(db: Database, text: string, lang: Lang = 'de'): string {
  return redactTerms(text, protectedTerms(db), lang);
}

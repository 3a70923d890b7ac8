import type { Database } from 'better-sqlite3';
import { ARCHIVE_ENTITIES, type ArchiveImportReport } from '../../../shared/contract-archive.js';
import { AppError } from '../../../shared/errors.js';
import { emailKey } from '../../../shared/inquiry.js';
import { upsertAnnotationRecords } from '../annotations.js';
import { contentHash, insertArticle, type Provenance } from '../articles.js';
import { findByContentHash, importAsNewVersion, type CompleteArticle } from '../article-versions.js';
import { nameKey } from '../sources.js';
import type { ArchiveContent, ArchivedArticle } from './format.js';
import { readArchiveZip } from './zip.js';

/**
 * Merging an archive into the collection. Identity is never a database id: articles and versions
 * are matched by content hash, annotations by UUID, sources by kind + name, contacts by e-mail,
 * Rückfragen by article + creation time (+ question), Mappen by name. Everything runs in one
 * transaction, so a failure leaves the collection as it was. Re-importing changes nothing: a
 * known record is replaced only by a strictly newer one (by its `updated`/`modified` time) and
 * history rows are added only when missing.
 */

type Row = Record<string, unknown>;
type Counts = ArchiveImportReport['counts'];

function emptyCounts(): Counts {
  return Object.fromEntries(ARCHIVE_ENTITIES.map((e) => [e, { added: 0, updated: 0, skipped: 0 }])) as Counts;
}

function completeArticle(a: ArchivedArticle): CompleteArticle {
  return {
    text: a.text,
    blocks: a.blocks,
    title: a.title,
    titleDerived: a.titleDerived,
    language: a.language,
    agency: a.agency,
    copyright: a.copyright,
    url: a.url,
    published: a.published,
    dateline: a.dateline,
    datelineText: a.datelineText,
    credits: a.credits,
    deskContacts: a.deskContacts,
    versionMarkers: a.versionMarkers,
    kicker: a.kicker,
  };
}

function invalid(file: string, reason: string): AppError {
  return new AppError('ARCHIVE_INVALID', { file, reason });
}

/** Checks what the schema cannot: hashes match their texts, blocks lie in the text, references point into the archive. */
function checkConsistency(name: string, c: ArchiveContent): void {
  const hashes = new Set<string>();
  c.articles.forEach((a, i) => {
    for (const [j, v] of [a, ...a.versions].entries()) {
      const where = j === 0 ? `articles.json: [${i}]` : `articles.json: [${i}].versions[${j - 1}]`;
      if (contentHash(v.text) !== v.contentHash) throw invalid(name, `${where}: contentHash does not match the text`);
      if (v.blocks.some((b) => b.end > v.text.length || b.start > b.end)) throw invalid(name, `${where}: a block lies outside the text`);
    }
    hashes.add(a.contentHash);
  });
  const ref = (file: string, i: number, h: string): void => {
    if (!hashes.has(h)) throw invalid(name, `${file}: [${i}]: article ${h.slice(0, 12)}… is not in articles.json`);
  };
  c.annotations.forEach((a, i) => ref('annotations.json', i, a.articleHash));
  c.sources.forEach((s, i) => s.mentions.forEach((m) => ref('sources.json', i, m.articleHash)));
  c.inquiries.forEach((q, i) => ref('inquiries.json', i, q.articleHash));
  c.citations.forEach((x, i) => ref('citations.json', i, x.articleHash));
  c.mappen.forEach((m, i) => m.articles.forEach((x) => ref('mappen.json', i, x.hash)));
}

function insertOldVersion(db: Database, articleId: number, version: number, v: ArchivedArticle['versions'][number] | ArchivedArticle): void {
  db.prepare(
    `INSERT INTO article_versions (article_id, version, content_hash, title, version_markers, text, blocks, source_file, source_format, source_encoding, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(articleId, version, v.contentHash, v.title, JSON.stringify(v.versionMarkers), v.text, JSON.stringify(v.blocks), v.provenance.file, v.provenance.format, v.provenance.encoding, v.provenance.importedAt);
}

/** Numbers an article's old versions 1…n by import time (the order they were current in). */
function renumberVersions(db: Database, articleId: number): void {
  const rows = db.prepare('SELECT content_hash FROM article_versions WHERE article_id = ? ORDER BY imported_at, version').all(articleId) as { content_hash: string }[];
  // Shifted out of the way first: (article_id, version) is the primary key and version must stay >= 1.
  db.prepare('UPDATE article_versions SET version = version + 1000000 WHERE article_id = ?').run(articleId);
  const set = db.prepare('UPDATE article_versions SET version = ? WHERE content_hash = ?');
  rows.forEach((r, i) => set.run(i + 1, r.content_hash));
}

/** Stores one archived article with its versions; returns the local id (or null when its texts belong to different local articles). */
function importArticle(db: Database, a: ArchivedArticle, counts: Counts): number | null {
  const prov: Provenance = { file: a.provenance.file, format: a.provenance.format, encoding: a.provenance.encoding, importedAt: a.provenance.importedAt };
  const all = [...a.versions, a];
  const local = all.map((v) => findByContentHash(db, v.contentHash));
  // The article holding the archived current text wins over one holding only an old version.
  const target = local[local.length - 1] ?? local.find((id) => id !== null) ?? null;
  if (target === null) {
    const { id } = insertArticle(db, completeArticle(a), prov);
    [...a.versions].sort((x, y) => x.version - y.version).forEach((v, i) => insertOldVersion(db, id, i + 1, v));
    counts.articles.added++;
    return id;
  }
  // Texts already stored under another local article stay there; only unknown texts join `target`.
  let changed = false;
  const cur = db.prepare('SELECT content_hash, imported_at FROM articles WHERE id = ?').get(target) as { content_hash: string; imported_at: string };
  const currentMissing = local[local.length - 1] === null;
  const localIsOlder = a.versions.some((v) => v.contentHash === cur.content_hash) || a.provenance.importedAt > cur.imported_at;
  if (currentMissing && localIsOlder) {
    importAsNewVersion(db, target, completeArticle(a), prov, 'caller');
    changed = true;
  }
  let addedOld = false;
  all.forEach((v, i) => {
    if (local[i] !== null || (v === a && changed)) return;
    // A provisional number clear of real ones (and of their shifted range in renumberVersions).
    insertOldVersion(db, target, 500_000 + i, v);
    addedOld = true;
  });
  if (addedOld) renumberVersions(db, target);
  counts.articles[changed || addedOld ? 'updated' : 'skipped']++;
  return target;
}

function importAnnotations(db: Database, c: ArchiveContent, ids: Map<string, number>, counts: Counts): void {
  for (const a of c.annotations) {
    const articleId = ids.get(a.articleHash);
    if (articleId === undefined) {
      counts.annotations.skipped++;
      continue;
    }
    const r = upsertAnnotationRecords(db, [
      {
        id: a.id,
        articleId,
        versionHash: a.versionHash,
        type: a.type,
        note: a.note,
        tags: a.tags,
        selectors: { quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix }, position: { start: a.posStart, end: a.posEnd } },
        originalQuote: a.originalExact,
        created: a.createdAt,
        modified: a.modifiedAt,
      },
    ]);
    if (r.unchanged) {
      counts.annotations.skipped++;
      continue;
    }
    // The bin travels too: an annotation deleted at the source stays restorable, not live.
    if (a.deletedAt) db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?').run(a.deletedAt, a.id);
    counts.annotations[r.created ? 'added' : 'updated']++;
  }
}

function importSources(db: Database, c: ArchiveContent, ids: Map<string, number>, counts: Counts): void {
  const hasHistory = db.prepare('SELECT 1 FROM source_status_history WHERE source_id = ? AND status = ? AND changed_at = ? AND changed_by = ?');
  const addHistory = db.prepare('INSERT INTO source_status_history (source_id, status, previous, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)');
  const hasMention = db.prepare('SELECT 1 FROM source_mentions WHERE source_id = ? AND article_id = ? AND start = ? AND end = ? AND exact = ?');
  const addMention = db.prepare(
    'INSERT INTO source_mentions (source_id, article_id, start, end, exact, prefix, suffix, annotation_id, cue, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const annotationExists = db.prepare('SELECT 1 FROM annotations WHERE id = ?');
  for (const s of c.sources) {
    const key = nameKey(s.name);
    const existing = db.prepare('SELECT id, aliases, protected, updated_at FROM sources WHERE name_key = ? AND kind = ? ORDER BY id LIMIT 1').get(key, s.kind) as Row | undefined;
    let id: number;
    let changed = false;
    if (!existing) {
      id = Number(
        db
          .prepare(
            `INSERT INTO sources (kind, name, name_key, role, organisation, wording, aliases, note, status, protected, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(s.kind, s.name, key, s.role, s.organisation, s.wording, JSON.stringify(s.aliases), s.note, s.status, s.protected ? 1 : 0, s.createdAt, s.updatedAt).lastInsertRowid,
      );
      counts.sources.added++;
    } else {
      id = existing.id as number;
      if (s.updatedAt > (existing.updated_at as string)) {
        const aliases = [...(JSON.parse(existing.aliases as string) as string[])];
        for (const al of s.aliases) if (!aliases.some((x) => nameKey(x) === nameKey(al))) aliases.push(al);
        // Protection is only ever added by an import, never lifted.
        db.prepare('UPDATE sources SET role = ?, organisation = ?, wording = ?, aliases = ?, note = ?, status = ?, protected = ?, updated_at = ? WHERE id = ?').run(
          s.role,
          s.organisation,
          s.wording,
          JSON.stringify(aliases),
          s.note,
          s.status,
          existing.protected === 1 || s.protected ? 1 : 0,
          s.updatedAt,
          id,
        );
        changed = true;
      }
    }
    for (const h of s.history) {
      if (hasHistory.get(id, h.status, h.changedAt, h.changedBy)) continue;
      addHistory.run(id, h.status, h.previous, h.note, h.changedBy, h.changedAt);
      changed = true;
    }
    if (existing) counts.sources[changed ? 'updated' : 'skipped']++;
    for (const m of s.mentions) {
      const articleId = ids.get(m.articleHash);
      if (articleId === undefined || hasMention.get(id, articleId, m.start, m.end, m.exact)) {
        counts.mentions.skipped++;
        continue;
      }
      const annotationId = m.annotationId && annotationExists.get(m.annotationId) ? m.annotationId : null;
      addMention.run(id, articleId, m.start, m.end, m.exact, m.prefix, m.suffix, annotationId, m.cue, m.role, m.createdAt);
      counts.mentions.added++;
    }
  }
}

function importContacts(db: Database, c: ArchiveContent, counts: Counts): void {
  for (const x of c.contacts) {
    const key = emailKey(x.email);
    const cur = db.prepare('SELECT * FROM contacts WHERE email_key = ?').get(key) as Row | undefined;
    const fields = [x.name, x.organisation, JSON.stringify(x.beats), x.phone, x.notes] as const;
    if (!cur) {
      db.prepare(
        'INSERT INTO contacts (name, organisation, beats, phone, notes, email, email_key, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...fields, x.email.trim(), key, x.origin, x.createdAt, x.updatedAt);
      counts.contacts.added++;
      continue;
    }
    const same = cur.name === x.name && cur.organisation === x.organisation && cur.beats === fields[2] && cur.phone === x.phone && cur.notes === x.notes;
    if (same || x.updatedAt <= (cur.updated_at as string)) {
      counts.contacts.skipped++;
      continue;
    }
    db.prepare('UPDATE contacts SET name = ?, organisation = ?, beats = ?, phone = ?, notes = ?, updated_at = ? WHERE id = ?').run(...fields, x.updatedAt, cur.id);
    counts.contacts.updated++;
  }
}

function importInquiries(db: Database, c: ArchiveContent, ids: Map<string, number>, counts: Counts): void {
  const annotationExists = db.prepare('SELECT 1 FROM annotations WHERE id = ?');
  const contactOf = db.prepare('SELECT id FROM contacts WHERE email_key = ?');
  const hasHistory = db.prepare('SELECT 1 FROM inquiry_status_history WHERE inquiry_id = ? AND status = ? AND at = ?');
  const addHistory = db.prepare('INSERT INTO inquiry_status_history (inquiry_id, status, at, recorded_at) VALUES (?, ?, ?, ?)');
  for (const q of c.inquiries) {
    const articleId = ids.get(q.articleHash);
    if (articleId === undefined) {
      counts.inquiries.skipped++;
      continue;
    }
    const ann = (id: string | null): string | null => (id && annotationExists.get(id) ? id : null);
    const contactId = q.contactEmail ? ((contactOf.get(emailKey(q.contactEmail)) as { id: number } | undefined)?.id ?? null) : null;
    const values = {
      annotationId: ann(q.annotationId),
      contactId,
      routeEmail: q.routeEmail,
      routeBasis: q.routeBasis,
      routeBeat: q.routeBeat,
      routeTerms: JSON.stringify(q.routeTerms),
      routeOverridden: q.routeOverridden ? 1 : 0,
      status: q.status,
      askedAt: q.askedAt,
      answer: q.answer,
      answeredAt: q.answeredAt,
      answeredBy: q.answeredBy,
      dueDate: q.dueDate,
      claimAnnotationId: ann(q.claimAnnotationId),
      updatedAt: q.updatedAt,
    };
    type Hit = { id: number; updated_at: string };
    // The question may come back redacted (an export without protected sources): the only Rückfrage
    // made at that moment on that article is the same one.
    const sameTime = db.prepare('SELECT id, updated_at, question FROM inquiries WHERE article_id = ? AND created_at = ?').all(articleId, q.createdAt) as (Hit & { question: string })[];
    const cur: Hit | undefined = sameTime.find((x) => x.question === q.question) ?? (sameTime.length === 1 ? sameTime[0] : undefined);
    let id: number;
    let changed = false;
    if (!cur) {
      id = Number(
        db
          .prepare(
            `INSERT INTO inquiries (article_id, annotation_id, question, version_hash, exact, prefix, suffix, pos_start, pos_end, contact_id, route_email,
               route_basis, route_beat, route_terms, route_overridden, status, asked_at, answer, answered_at, answered_by, due_date, claim_annotation_id, created_at, updated_at)
             VALUES (@articleId, @annotationId, @question, @versionHash, @exact, @prefix, @suffix, @posStart, @posEnd, @contactId, @routeEmail,
               @routeBasis, @routeBeat, @routeTerms, @routeOverridden, @status, @askedAt, @answer, @answeredAt, @answeredBy, @dueDate, @claimAnnotationId, @createdAt, @updatedAt)`,
          )
          .run({ ...values, articleId, question: q.question, versionHash: q.versionHash, exact: q.exact, prefix: q.prefix, suffix: q.suffix, posStart: q.posStart, posEnd: q.posEnd, createdAt: q.createdAt })
          .lastInsertRowid,
      );
      counts.inquiries.added++;
    } else {
      id = cur.id;
      if (q.updatedAt > cur.updated_at) {
        db.prepare(
          `UPDATE inquiries SET annotation_id = coalesce(@annotationId, annotation_id), contact_id = coalesce(@contactId, contact_id), route_email = @routeEmail,
             route_basis = @routeBasis, route_beat = @routeBeat, route_terms = @routeTerms, route_overridden = @routeOverridden, status = @status,
             asked_at = @askedAt, answer = @answer, answered_at = @answeredAt, answered_by = @answeredBy, due_date = @dueDate,
             claim_annotation_id = coalesce(@claimAnnotationId, claim_annotation_id), updated_at = @updatedAt
           WHERE id = @id`,
        ).run({ ...values, id });
        changed = true;
      }
    }
    for (const h of q.history) {
      if (hasHistory.get(id, h.status, h.at)) continue;
      addHistory.run(id, h.status, h.at, h.recordedAt);
      changed = true;
    }
    if (cur) counts.inquiries[changed ? 'updated' : 'skipped']++;
  }
}

function importCitations(db: Database, c: ArchiveContent, ids: Map<string, number>, counts: Counts): void {
  for (const x of c.citations) {
    const articleId = ids.get(x.articleHash);
    const cur = articleId === undefined ? undefined : (db.prepare('SELECT updated_at FROM citation_overrides WHERE article_id = ?').get(articleId) as { updated_at: string } | undefined);
    if (articleId === undefined || (cur && x.updatedAt <= cur.updated_at)) {
      counts.citations.skipped++;
      continue;
    }
    db.prepare(
      'INSERT INTO citation_overrides (article_id, patch, updated_at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET patch = excluded.patch, updated_at = excluded.updated_at',
    ).run(articleId, JSON.stringify(x.patch), x.updatedAt);
    counts.citations[cur ? 'updated' : 'added']++;
  }
}

function importMappen(db: Database, c: ArchiveContent, ids: Map<string, number>, counts: Counts): void {
  const link = db.prepare('INSERT OR IGNORE INTO mappe_articles (mappe_id, article_id, added_at) VALUES (?, ?, ?)');
  for (const m of c.mappen) {
    // The same folding as main/core/mappen.ts, so "Ölpreis" and "ölpreis" are one Mappe.
    const name = m.name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = name.toLocaleLowerCase('de');
    const cur = db.prepare('SELECT id, updated_at FROM mappen WHERE name_key = ?').get(key) as { id: number; updated_at: string } | undefined;
    let changed = false;
    let id: number;
    if (!cur) {
      id = Number(db.prepare('INSERT INTO mappen (name, name_key, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, key, m.note, m.createdAt, m.updatedAt).lastInsertRowid);
    } else {
      id = cur.id;
      if (m.updatedAt > cur.updated_at) {
        db.prepare('UPDATE mappen SET note = ?, updated_at = ? WHERE id = ?').run(m.note, m.updatedAt, id);
        changed = true;
      }
    }
    for (const x of m.articles) {
      const articleId = ids.get(x.hash);
      if (articleId !== undefined && link.run(id, articleId, x.addedAt).changes > 0) changed = true;
    }
    counts.mappen[!cur ? 'added' : changed ? 'updated' : 'skipped']++;
  }
}

/** Merges validated archive content into the collection in one transaction; see the module comment. */
export function mergeArchive(db: Database, name: string, content: ArchiveContent): ArchiveImportReport {
  checkConsistency(name, content);
  return db
    .transaction((): ArchiveImportReport => {
      const counts = emptyCounts();
      // Contacts before articles: an article's desk line then finds its archived contact and leaves it as it was.
      importContacts(db, content, counts);
      const ids = new Map<string, number>();
      for (const a of content.articles) {
        const id = importArticle(db, a, counts);
        if (id !== null) ids.set(a.contentHash, id);
      }
      importAnnotations(db, content, ids, counts);
      importSources(db, content, ids, counts);
      importInquiries(db, content, ids, counts);
      importCitations(db, content, ids, counts);
      importMappen(db, content, ids, counts);
      return { file: name, archiveVersion: content.manifest.version, createdAt: content.manifest.createdAt, scope: content.manifest.scope, includesProtected: content.manifest.includesProtected, counts };
    })
    .immediate();
}

/** Reads, validates and merges a `.fundstelle` archive. Errors: ARCHIVE_INVALID, ARCHIVE_TOO_NEW, ARCHIVE_TOO_LARGE. */
export function importArchive(db: Database, name: string, data: Uint8Array, lang: 'de' | 'en' = 'de'): ArchiveImportReport {
  return mergeArchive(db, name, readArchiveZip(name, data, lang));
}

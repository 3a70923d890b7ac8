import type { Database } from 'better-sqlite3';
import type { Block, Credit, SourceFormat } from '../../../shared/article.js';
import type { AnnotationType } from '../../../shared/annotation.js';
import { safeExportFileName } from '../../../shared/file-names.js';
import { emailKey } from '../../../shared/inquiry.js';
import { redactTerms } from '../../../shared/protected.js';
import { getMappe } from '../mappen.js';
import { protectedTerms } from '../sources.js';
import { APP_VERSION } from '../version.js';
import {
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveContent,
  type ArchivedAnnotation,
  type ArchivedArticle,
  type ArchivedContact,
  type ArchivedInquiry,
  type ArchivedMappe,
  type ArchivedSource,
} from './format.js';
import { writeArchiveZip } from './zip.js';

/** What to export: the whole collection or one Mappe; protected sources only when asked explicitly. */
export interface ArchiveExportOptions {
  mappeId?: number | undefined;
  includeProtected?: boolean | undefined;
  now?: string | undefined;
}

type Row = Record<string, unknown>;
const s = (v: unknown): string => v as string;
const ns = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));
const n = (v: unknown): number => v as number;
const nn = (v: unknown): number | null => (v === null || v === undefined ? null : (v as number));

/**
 * Collects what the archive holds. Article texts, their versions and annotation quotes are
 * published wire copy and travel verbatim (their content hashes are their identity); protected
 * sources and their mentions are left out and the user's own text fields (notes, questions,
 * answers, other sources' fields, contact names, Mappe notes, citation patches) are redacted,
 * unless `includeProtected` is set.
 */
export function collectArchive(db: Database, opts: ArchiveExportOptions = {}): ArchiveContent {
  const includeProtected = opts.includeProtected === true;
  const terms = includeProtected ? [] : protectedTerms(db);
  const red = (t: string): string => (terms.length ? redactTerms(t, terms) : t);
  const redN = (t: string | null): string | null => (t === null ? null : red(t));
  const redJson = (v: unknown): unknown => {
    if (typeof v === 'string') return red(v);
    if (Array.isArray(v)) return v.map(redJson);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redJson(x)]));
    return v;
  };

  const mappe = opts.mappeId === undefined ? null : getMappe(db, opts.mappeId);
  const articleRows = (
    mappe
      ? db.prepare('SELECT a.* FROM articles a JOIN mappe_articles m ON m.article_id = a.id WHERE m.mappe_id = ? ORDER BY a.id').all(mappe.id)
      : db.prepare('SELECT * FROM articles ORDER BY id').all()
  ) as Row[];
  const hashOf = new Map<number, string>(articleRows.map((r) => [n(r.id), s(r.content_hash)]));
  const inScope = (articleId: number): boolean => hashOf.has(articleId);

  const credits = db.prepare('SELECT role, name FROM article_credits WHERE article_id = ? ORDER BY position');
  const desks = db.prepare('SELECT email, scope FROM article_desk_contacts WHERE article_id = ? ORDER BY position');
  const versions = db.prepare('SELECT * FROM article_versions WHERE article_id = ? ORDER BY version');
  const articles: ArchivedArticle[] = articleRows.map((r) => ({
    contentHash: s(r.content_hash),
    title: s(r.title),
    titleDerived: r.title_derived === 1,
    kicker: ns(r.kicker),
    language: ns(r.language),
    agency: ns(r.agency),
    copyright: ns(r.copyright),
    url: ns(r.url),
    published: ns(r.published),
    dateline: r.dateline_place ? { place: s(r.dateline_place), agency: ns(r.dateline_agency) } : null,
    datelineText: ns(r.dateline_text),
    versionMarkers: JSON.parse(s(r.version_markers)) as string[],
    text: s(r.text),
    blocks: JSON.parse(s(r.blocks)) as Block[],
    credits: credits.all(r.id) as Credit[],
    deskContacts: desks.all(r.id) as { email: string; scope: string | null }[],
    provenance: { file: s(r.source_file), format: r.source_format as SourceFormat, encoding: ns(r.source_encoding), importedAt: s(r.imported_at) },
    versions: (versions.all(r.id) as Row[]).map((v) => ({
      version: n(v.version),
      contentHash: s(v.content_hash),
      title: s(v.title),
      versionMarkers: JSON.parse(s(v.version_markers)) as string[],
      text: s(v.text),
      blocks: JSON.parse(s(v.blocks)) as Block[],
      provenance: { file: s(v.source_file), format: v.source_format as SourceFormat, encoding: ns(v.source_encoding), importedAt: s(v.imported_at) },
    })),
  }));

  const tagsOf = db.prepare('SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_seq = ? ORDER BY t.key');
  const annotations: ArchivedAnnotation[] = (db.prepare('SELECT * FROM annotations ORDER BY seq').all() as Row[])
    .filter((a) => inScope(n(a.article_id)))
    .map((a) => ({
      id: s(a.id),
      articleHash: hashOf.get(n(a.article_id)) ?? '',
      versionHash: s(a.version_hash),
      type: a.type as AnnotationType,
      note: red(s(a.note)),
      tags: (tagsOf.all(a.seq) as { name: string }[]).map((t) => red(t.name)),
      exact: s(a.exact),
      prefix: s(a.prefix),
      suffix: s(a.suffix),
      posStart: n(a.pos_start),
      posEnd: n(a.pos_end),
      originalExact: s(a.original_exact),
      createdAt: s(a.created_at),
      modifiedAt: s(a.modified_at),
      deletedAt: ns(a.deleted_at),
    }));
  const exportedAnnotations = new Set(annotations.map((a) => a.id));
  const annotationRef = (id: unknown): string | null => (typeof id === 'string' && exportedAnnotations.has(id) ? id : null);

  const history = db.prepare('SELECT * FROM source_status_history WHERE source_id = ? ORDER BY changed_at, id');
  const mentions = db.prepare('SELECT * FROM source_mentions WHERE source_id = ? ORDER BY article_id, start, id');
  const sources: ArchivedSource[] = [];
  for (const r of db.prepare('SELECT * FROM sources ORDER BY id').all() as Row[]) {
    if (r.protected === 1 && !includeProtected) continue;
    const ms = (mentions.all(r.id) as Row[]).filter((m) => inScope(n(m.article_id)));
    // A Mappe carries the sources its articles rest on; the whole collection carries all of them.
    if (mappe && ms.length === 0) continue;
    sources.push({
      kind: r.kind as ArchivedSource['kind'],
      name: s(r.name),
      role: redN(ns(r.role)),
      organisation: redN(ns(r.organisation)),
      wording: redN(ns(r.wording)),
      aliases: (JSON.parse(s(r.aliases)) as string[]).map(red),
      note: red(s(r.note)),
      status: r.status as ArchivedSource['status'],
      protected: r.protected === 1,
      createdAt: s(r.created_at),
      updatedAt: s(r.updated_at),
      history: (history.all(r.id) as Row[]).map((h) => ({
        status: h.status as ArchivedSource['status'],
        previous: ns(h.previous) as ArchivedSource['status'] | null,
        note: red(s(h.note)),
        changedBy: s(h.changed_by),
        changedAt: s(h.changed_at),
      })),
      mentions: ms.map((m) => ({
        articleHash: hashOf.get(n(m.article_id)) ?? '',
        start: n(m.start),
        end: n(m.end),
        exact: s(m.exact),
        prefix: s(m.prefix),
        suffix: s(m.suffix),
        annotationId: annotationRef(m.annotation_id),
        cue: redN(ns(m.cue)),
        role: redN(ns(m.role)),
        createdAt: s(m.created_at),
      })),
    });
  }

  const inquiryHistory = db.prepare('SELECT status, at, recorded_at FROM inquiry_status_history WHERE inquiry_id = ? ORDER BY id');
  const inquiryRows = (
    db.prepare('SELECT q.*, c.email AS contact_email FROM inquiries q LEFT JOIN contacts c ON c.id = q.contact_id ORDER BY q.id').all() as Row[]
  ).filter((q) => inScope(n(q.article_id)));
  const inquiries: ArchivedInquiry[] = inquiryRows.map((q) => ({
    articleHash: hashOf.get(n(q.article_id)) ?? '',
    annotationId: annotationRef(q.annotation_id),
    question: red(s(q.question)),
    versionHash: ns(q.version_hash),
    exact: ns(q.exact),
    prefix: ns(q.prefix),
    suffix: ns(q.suffix),
    posStart: nn(q.pos_start),
    posEnd: nn(q.pos_end),
    contactEmail: ns(q.contact_email),
    routeEmail: ns(q.route_email),
    routeBasis: q.route_basis as ArchivedInquiry['routeBasis'],
    routeBeat: ns(q.route_beat),
    routeTerms: JSON.parse(s(q.route_terms)) as string[],
    routeOverridden: q.route_overridden === 1,
    status: q.status as ArchivedInquiry['status'],
    askedAt: ns(q.asked_at),
    answer: redN(ns(q.answer)),
    answeredAt: ns(q.answered_at),
    answeredBy: redN(ns(q.answered_by)),
    dueDate: ns(q.due_date),
    claimAnnotationId: annotationRef(q.claim_annotation_id),
    createdAt: s(q.created_at),
    updatedAt: s(q.updated_at),
    history: (inquiryHistory.all(q.id) as Row[]).map((h) => ({ status: h.status as ArchivedInquiry['status'], at: s(h.at), recordedAt: s(h.recorded_at) })),
  }));

  // A Mappe carries the contacts its articles name as desks and those its Rückfragen go to.
  const wantedEmails = new Set<string>();
  for (const a of articles) for (const d of a.deskContacts) wantedEmails.add(emailKey(d.email));
  for (const q of inquiries) if (q.contactEmail) wantedEmails.add(emailKey(q.contactEmail));
  const contacts: ArchivedContact[] = (db.prepare('SELECT * FROM contacts ORDER BY id').all() as Row[])
    .filter((c) => !mappe || wantedEmails.has(s(c.email_key)))
    .map((c) => ({
      name: red(s(c.name)),
      organisation: red(s(c.organisation)),
      beats: JSON.parse(s(c.beats)) as string[],
      email: s(c.email),
      phone: s(c.phone),
      notes: red(s(c.notes)),
      origin: c.origin as ArchivedContact['origin'],
      createdAt: s(c.created_at),
      updatedAt: s(c.updated_at),
    }));

  const citations = (db.prepare('SELECT * FROM citation_overrides ORDER BY article_id').all() as Row[])
    .filter((c) => inScope(n(c.article_id)))
    .map((c) => ({ articleHash: hashOf.get(n(c.article_id)) ?? '', patch: redJson(JSON.parse(s(c.patch))) as Record<string, unknown>, updatedAt: s(c.updated_at) }));

  const members = db.prepare('SELECT a.content_hash AS hash, m.added_at FROM mappe_articles m JOIN articles a ON a.id = m.article_id WHERE m.mappe_id = ? ORDER BY m.added_at, a.id');
  const mappen: ArchivedMappe[] = ((mappe ? db.prepare('SELECT * FROM mappen WHERE id = ?').all(mappe.id) : db.prepare('SELECT * FROM mappen ORDER BY id').all()) as Row[]).map(
    (m) => ({
      name: s(m.name),
      note: red(s(m.note)),
      createdAt: s(m.created_at),
      updatedAt: s(m.updated_at),
      articles: (members.all(m.id) as { hash: string; added_at: string }[]).map((x) => ({ hash: x.hash, addedAt: x.added_at })),
    }),
  );

  return {
    manifest: {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: opts.now ?? new Date().toISOString(),
      appVersion: APP_VERSION,
      scope: mappe ? { mappe: mappe.name } : {},
      includesProtected: includeProtected,
      counts: {
        articles: articles.length,
        versions: articles.reduce((k, a) => k + a.versions.length, 0),
        annotations: annotations.length,
        sources: sources.length,
        mentions: sources.reduce((k, x) => k + x.mentions.length, 0),
        contacts: contacts.length,
        inquiries: inquiries.length,
        citations: citations.length,
        mappen: mappen.length,
      },
    },
    articles,
    annotations,
    sources,
    contacts,
    inquiries,
    citations,
    mappen,
  };
}

/** The archive as a file to save: a `.fundstelle` zip named after the Mappe (or the collection) and the date. */
export function exportArchive(db: Database, opts: ArchiveExportOptions = {}): { fileName: string; mimeType: 'application/zip'; data: Uint8Array; manifest: ArchiveContent['manifest'] } {
  // One read transaction: the archive is a consistent snapshot even while the app writes.
  const content = db.transaction(() => collectArchive(db, opts))();
  const date = content.manifest.createdAt.slice(0, 10);
  const base = content.manifest.scope.mappe ? `Mappe ${content.manifest.scope.mappe} ${date}` : `Sammlung ${date}`;
  return { fileName: safeExportFileName(base, ARCHIVE_EXTENSION, 'fundstelle-archiv'), mimeType: 'application/zip', data: writeArchiveZip(content), manifest: content.manifest };
}

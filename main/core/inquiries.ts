import type { Database } from 'better-sqlite3';
import { anchor, describe, type Selectors } from '../../shared/anchoring.js';
import type { Block } from '../../shared/article.js';
import { AppError, type Lang } from '../../shared/errors.js';
import {
  emailKey,
  type Inquiry,
  type InquiryPassage,
  type InquiryQueueGroup,
  type InquiryStatus,
  type InquiryStatusChange,
  type RouteBasis,
  type RouteExplanation,
} from '../../shared/inquiry.js';
import { publicBounds } from './annotations.js';
import { findContactByEmail, getContact, syncDeskContacts } from './contacts.js';
import { routeForArticle, routeReason } from './routing.js';

/**
 * Rückfragen: questions about an article or a passage, routed to a desk, with their status, answer
 * and history. Synchronous, `db` first; every write in one transaction. "Now" can be injected so
 * overdue markers and dates are testable.
 */

/** Options of the reading functions: the clock (overdue) and the language of reasons. */
export interface ReadOptions {
  now?: Date | undefined;
  lang?: Lang | undefined;
}

/** What `createInquiry` needs. Without `start`/`end` (and without `annotationId`) the question is about the whole article. */
export interface NewInquiry {
  articleId: number;
  /** May be empty when `annotationId` names an annotation with a note: the note is the question then. */
  question?: string | undefined;
  start?: number | undefined;
  end?: number | undefined;
  /** The contact chosen by the user; without it the question is routed. */
  contactEmail?: string | undefined;
  /** YYYY-MM-DD. */
  dueDate?: string | undefined;
  /** The Rückfrage annotation it is made from: its passage is the asked passage. */
  annotationId?: string | undefined;
}

/** A change; absent fields stay, `null` clears. A new range re-routes unless the contact was chosen by hand. */
export interface InquiryPatch {
  question?: string | undefined;
  contactEmail?: string | null | undefined;
  dueDate?: string | null | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

interface InquiryRow {
  id: number;
  article_id: number;
  annotation_id: string | null;
  question: string;
  version_hash: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  pos_start: number | null;
  pos_end: number | null;
  contact_id: number | null;
  route_email: string | null;
  route_basis: RouteBasis;
  route_beat: string | null;
  route_terms: string;
  route_overridden: number;
  status: InquiryStatus;
  asked_at: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  due_date: string | null;
  claim_annotation_id: string | null;
  created_at: string;
  updated_at: string;
  article_title: string;
  contact_email: string | null;
  contact_name: string | null;
}

const SELECT = `SELECT i.*, a.title AS article_title, c.email AS contact_email, c.name AS contact_name
  FROM inquiries i JOIN articles a ON a.id = i.article_id LEFT JOIN contacts c ON c.id = i.contact_id`;

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

/** The local calendar date of `now` (YYYY-MM-DD): a due date means the journalist's day, not UTC's. */
export function localDate(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** True when the due date has passed and the question is still open or awaiting its answer. */
export function isOverdue(status: InquiryStatus, dueDate: string | null, now: Date): boolean {
  return dueDate !== null && (status === 'offen' || status === 'gestellt') && localDate(now) > dueDate;
}

/** 1-based number of the paragraph block holding `pos`, counted over paragraph blocks only; null elsewhere. */
export function paragraphNumber(blocks: readonly Block[], pos: number): number | null {
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    n++;
    if (pos >= b.start && pos < b.end) return n;
  }
  return null;
}

/** Where the passage is in the current text: via the linked annotation, else by re-anchoring the selectors. */
function placePassage(db: Database, r: InquiryRow, at: ArticleText): InquiryPassage | null {
  if (r.exact === null || r.pos_start === null || r.pos_end === null) return null;
  let place: { start: number; end: number } | null = null;
  if (r.annotation_id) {
    const a = db.prepare('SELECT anchor_start, anchor_end FROM annotations WHERE id = ? AND deleted_at IS NULL').get(r.annotation_id) as
      | { anchor_start: number | null; anchor_end: number | null }
      | undefined;
    if (a && a.anchor_start !== null && a.anchor_end !== null) place = { start: a.anchor_start, end: a.anchor_end };
  }
  if (!place) {
    const selectors: Selectors = { quote: { exact: r.exact, prefix: r.prefix ?? '', suffix: r.suffix ?? '' }, position: { start: r.pos_start, end: r.pos_end } };
    place = r.version_hash === at.hash ? { start: r.pos_start, end: r.pos_end } : anchor(at.text, selectors);
  }
  return {
    exact: place ? at.text.slice(place.start, place.end) : r.exact,
    prefix: r.prefix ?? '',
    suffix: r.suffix ?? '',
    start: place?.start ?? null,
    end: place?.end ?? null,
    paragraph: place ? paragraphNumber(at.blocks, place.start) : null,
  };
}

function historyOf(db: Database, id: number): InquiryStatusChange[] {
  return (db.prepare('SELECT status, at, recorded_at FROM inquiry_status_history WHERE inquiry_id = ? ORDER BY id').all(id) as {
    status: InquiryStatus;
    at: string;
    recorded_at: string;
  }[]).map((h) => ({ status: h.status, at: h.at, recordedAt: h.recorded_at }));
}

function reasonOf(r: InquiryRow, lang: Lang): string {
  const auto: RouteExplanation = { basis: r.route_basis, beat: r.route_beat, terms: JSON.parse(r.route_terms) as string[] };
  const text = routeReason(auto, lang);
  if (!r.route_overridden) return text;
  const chosen = routeReason({ basis: 'manual', beat: null, terms: [] }, lang);
  if (!r.route_email) return chosen;
  return lang === 'en' ? `${chosen}; suggested was ${r.route_email} (${text})` : `${chosen}; vorgeschlagen war ${r.route_email} (${text})`;
}

function rowToInquiry(db: Database, r: InquiryRow, texts: Map<number, ArticleText>, opts: ReadOptions): Inquiry {
  let at = texts.get(r.article_id);
  if (!at) {
    at = articleText(db, r.article_id);
    texts.set(r.article_id, at);
  }
  const lang = opts.lang ?? 'de';
  return {
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    annotationId: r.annotation_id,
    question: r.question,
    passage: placePassage(db, r, at),
    contactId: r.contact_id,
    contactEmail: r.contact_email,
    contactName: r.contact_name,
    routing: {
      basis: r.route_basis,
      beat: r.route_beat,
      terms: JSON.parse(r.route_terms) as string[],
      overridden: r.route_overridden === 1,
      reason: reasonOf(r, lang),
    },
    status: r.status,
    askedAt: r.asked_at,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    dueDate: r.due_date,
    overdue: isOverdue(r.status, r.due_date, opts.now ?? new Date()),
    claimAnnotationId: r.claim_annotation_id,
    history: historyOf(db, r.id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function rowById(db: Database, id: number): InquiryRow {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as InquiryRow | undefined;
  if (!row) throw new AppError('INQUIRY_NOT_FOUND', { id });
  return row;
}

/** One inquiry, or INQUIRY_NOT_FOUND. */
export function getInquiry(db: Database, id: number, opts: ReadOptions = {}): Inquiry {
  return rowToInquiry(db, rowById(db, id), new Map(), opts);
}

/** Filters of {@link listInquiries}; all given must hold. */
export interface InquiryFilter {
  status?: InquiryStatus | readonly InquiryStatus[] | undefined;
  contactEmail?: string | undefined;
  articleId?: number | undefined;
  /** Made from this annotation, or its answer attached to this claim annotation. */
  annotationId?: string | undefined;
  overdue?: boolean | undefined;
  ids?: readonly number[] | undefined;
}

/** Inquiries, oldest first. */
export function listInquiries(db: Database, filter: InquiryFilter = {}, opts: ReadOptions = {}): Inquiry[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const statuses = filter.status === undefined ? [] : typeof filter.status === 'string' ? [filter.status] : [...filter.status];
  if (statuses.length) {
    where.push(`i.status IN (${statuses.map((_, n) => `@s${n}`).join(', ')})`);
    statuses.forEach((s, n) => (params[`s${n}`] = s));
  }
  if (filter.contactEmail !== undefined) {
    where.push('c.email_key = @contact');
    params.contact = emailKey(filter.contactEmail);
  }
  if (filter.articleId !== undefined) {
    where.push('i.article_id = @article');
    params.article = filter.articleId;
  }
  if (filter.annotationId !== undefined) {
    where.push('(i.annotation_id = @annotation OR i.claim_annotation_id = @annotation)');
    params.annotation = filter.annotationId;
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    where.push(`i.id IN (${filter.ids.map((_, n) => `@id${n}`).join(', ')})`);
    filter.ids.forEach((id, n) => (params[`id${n}`] = id));
  }
  const rows = db.prepare(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY i.created_at, i.id`).all(params) as InquiryRow[];
  const texts = new Map<number, ArticleText>();
  const out = rows.map((r) => rowToInquiry(db, r, texts, opts));
  return filter.overdue === undefined ? out : out.filter((i) => i.overdue === filter.overdue);
}

/** Trims a range to its non-whitespace core and checks it (inside the text, not in a non-public block). */
function passageSelectors(articleId: number, at: ArticleText, rawStart: number, rawEnd: number): Selectors {
  const inside = Number.isInteger(rawStart) && Number.isInteger(rawEnd) && rawStart >= 0 && rawEnd <= at.text.length && rawStart < rawEnd;
  let start = rawStart;
  let end = rawEnd;
  if (inside) {
    while (start < end && /\s/u.test(at.text.charAt(start))) start++;
    while (end > start && /\s/u.test(at.text.charAt(end - 1))) end--;
  }
  if (!inside || start >= end) throw new AppError('INQUIRY_PASSAGE_INVALID', { id: articleId, start: rawStart, end: rawEnd, length: at.text.length });
  const bounds = publicBounds(at.blocks, start, end);
  if (!bounds) throw new AppError('INQUIRY_PASSAGE_NONPUBLIC', { id: articleId, start, end });
  return describe(at.text, start, end, bounds);
}

function cleanText(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

function checkDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new AppError('INQUIRY_DATE_INVALID', { value, field });
  return value;
}

/** The contact id for an address the user chose: it must be in the address book or named by the article. */
function chosenContact(db: Database, articleId: number, email: string): number {
  const c = findContactByEmail(db, email);
  if (c) return c.id;
  throw new AppError('INQUIRY_CONTACT_UNKNOWN', { email: email.slice(0, 200), id: articleId });
}

function recordStatus(db: Database, id: number, status: InquiryStatus, at: string, now: string): void {
  db.prepare('INSERT INTO inquiry_status_history (inquiry_id, status, at, recorded_at) VALUES (?, ?, ?, ?)').run(id, status, at, now);
}

/**
 * Creates a Rückfrage: validates the passage (or takes the annotation's), routes it unless a contact
 * is given, and records it as `offen`. Errors: ARTICLE_NOT_FOUND, ANNOTATION_NOT_FOUND,
 * INQUIRY_PASSAGE_INVALID, INQUIRY_PASSAGE_NONPUBLIC, INQUIRY_CONTACT_UNKNOWN, INQUIRY_QUESTION_EMPTY.
 */
export function createInquiry(db: Database, input: NewInquiry, opts: ReadOptions & { at?: string | undefined } = {}): Inquiry {
  const now = opts.at ?? (opts.now ?? new Date()).toISOString();
  const id = db
    .transaction((): number => {
      const at = articleText(db, input.articleId);
      // Articles imported before the address book existed: their desks become contacts now.
      syncDeskContacts(db, input.articleId, now);
      let question = cleanText(input.question);
      let range: { start: number; end: number } | null = null;
      if (input.annotationId) {
        const a = db.prepare('SELECT article_id, note, anchor_start, anchor_end, deleted_at FROM annotations WHERE id = ?').get(input.annotationId) as
          | { article_id: number; note: string; anchor_start: number | null; anchor_end: number | null; deleted_at: string | null }
          | undefined;
        if (!a || a.deleted_at !== null || a.article_id !== input.articleId) throw new AppError('ANNOTATION_NOT_FOUND', { id: input.annotationId });
        if (!question) question = cleanText(a.note);
        if (a.anchor_start !== null && a.anchor_end !== null) range = { start: a.anchor_start, end: a.anchor_end };
      }
      if (input.start !== undefined || input.end !== undefined) {
        range = { start: input.start ?? -1, end: input.end ?? -1 };
      }
      if (!question) throw new AppError('INQUIRY_QUESTION_EMPTY');
      const selectors = range ? passageSelectors(input.articleId, at, range.start, range.end) : null;
      const route = routeForArticle(db, input.articleId, { start: selectors?.position.start, end: selectors?.position.end, question }, opts.lang ?? 'de');
      let contactId: number | null = null;
      let overridden = false;
      if (input.contactEmail !== undefined) {
        contactId = chosenContact(db, input.articleId, input.contactEmail);
        overridden = route.contactEmail === null || emailKey(route.contactEmail) !== emailKey(input.contactEmail);
      } else if (route.contactEmail) {
        contactId = findContactByEmail(db, route.contactEmail)?.id ?? null;
      }
      const info = db
        .prepare(
          `INSERT INTO inquiries (article_id, annotation_id, question, version_hash, exact, prefix, suffix, pos_start, pos_end, contact_id,
             route_email, route_basis, route_beat, route_terms, route_overridden, status, due_date, created_at, updated_at)
           VALUES (@articleId, @annotationId, @question, @hash, @exact, @prefix, @suffix, @start, @end, @contactId,
             @routeEmail, @basis, @beat, @terms, @overridden, 'offen', @due, @now, @now)`,
        )
        .run({
          articleId: input.articleId,
          annotationId: input.annotationId ?? null,
          question,
          hash: selectors ? at.hash : null,
          exact: selectors?.quote.exact ?? null,
          prefix: selectors?.quote.prefix ?? null,
          suffix: selectors?.quote.suffix ?? null,
          start: selectors?.position.start ?? null,
          end: selectors?.position.end ?? null,
          contactId,
          routeEmail: route.contactEmail,
          basis: route.basis,
          beat: route.beat,
          terms: JSON.stringify(route.terms),
          overridden: overridden ? 1 : 0,
          due: input.dueDate ? checkDate(input.dueDate, 'dueDate') : null,
          now,
        });
      const newId = Number(info.lastInsertRowid);
      recordStatus(db, newId, 'offen', now, now);
      return newId;
    })
    .immediate();
  return getInquiry(db, id, opts);
}

/** Edits question, contact, due date or passage. Errors as {@link createInquiry}, plus INQUIRY_NOT_FOUND. */
export function updateInquiry(db: Database, id: number, patch: InquiryPatch, opts: ReadOptions & { at?: string | undefined } = {}): Inquiry {
  const now = opts.at ?? (opts.now ?? new Date()).toISOString();
  db.transaction(() => {
    const cur = rowById(db, id);
    const sets: string[] = [];
    const params: Record<string, string | number | null> = { id, now };
    if (patch.question !== undefined) {
      const q = cleanText(patch.question);
      if (!q) throw new AppError('INQUIRY_QUESTION_EMPTY');
      sets.push('question = @question');
      params.question = q;
    }
    if (patch.dueDate !== undefined) {
      sets.push('due_date = @due');
      params.due = patch.dueDate === null ? null : checkDate(patch.dueDate, 'dueDate');
    }
    let overridden = cur.route_overridden === 1;
    if (patch.start !== undefined || patch.end !== undefined) {
      const at = articleText(db, cur.article_id);
      const sel = passageSelectors(cur.article_id, at, patch.start ?? -1, patch.end ?? -1);
      Object.assign(params, {
        hash: at.hash,
        exact: sel.quote.exact,
        prefix: sel.quote.prefix,
        suffix: sel.quote.suffix,
        start: sel.position.start,
        end: sel.position.end,
      });
      sets.push('version_hash = @hash', 'exact = @exact', 'prefix = @prefix', 'suffix = @suffix', 'pos_start = @start', 'pos_end = @end');
      const route = routeForArticle(db, cur.article_id, { start: sel.position.start, end: sel.position.end, question: (params.question as string | undefined) ?? cur.question });
      Object.assign(params, { routeEmail: route.contactEmail, basis: route.basis, beat: route.beat, terms: JSON.stringify(route.terms) });
      sets.push('route_email = @routeEmail', 'route_basis = @basis', 'route_beat = @beat', 'route_terms = @terms');
      // A question routed automatically follows its new passage; a contact the user chose stays.
      if (!overridden && patch.contactEmail === undefined) {
        sets.push('contact_id = @contactId');
        params.contactId = route.contactEmail ? (findContactByEmail(db, route.contactEmail)?.id ?? null) : null;
      }
      cur.route_email = route.contactEmail;
    }
    if (patch.contactEmail !== undefined) {
      sets.push('contact_id = @contactId');
      params.contactId = patch.contactEmail === null ? null : chosenContact(db, cur.article_id, patch.contactEmail);
      overridden = patch.contactEmail === null || cur.route_email === null || emailKey(cur.route_email) !== emailKey(patch.contactEmail);
    }
    sets.push('route_overridden = @overridden', 'updated_at = @now');
    params.overridden = overridden ? 1 : 0;
    db.prepare(`UPDATE inquiries SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }).immediate();
  return getInquiry(db, id, opts);
}

/** A status change as `setInquiryStatus` takes it. */
export interface StatusChange {
  status: InquiryStatus;
  /** Required for `beantwortet`. */
  answer?: string | undefined;
  answeredBy?: string | undefined;
  /** When it happened (YYYY-MM-DD or ISO timestamp); default now. */
  date?: string | undefined;
}

function checkWhen(value: string | undefined, now: string): string {
  if (value === undefined) return now;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return checkDate(value, 'date');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new AppError('INQUIRY_DATE_INVALID', { value, field: 'date' });
}

function applyStatus(db: Database, cur: InquiryRow, change: StatusChange, now: string): void {
  const when = checkWhen(change.date, now);
  const answer = cleanText(change.answer);
  if (change.status === 'beantwortet' && !answer && !cur.answer) throw new AppError('INQUIRY_ANSWER_REQUIRED', { id: cur.id });
  const p: Record<string, string | number | null> = { id: cur.id, status: change.status, now };
  let sets = 'status = @status, updated_at = @now';
  if (change.status === 'gestellt') {
    sets += ', asked_at = @when';
    p.when = when;
  }
  if (change.status === 'beantwortet') {
    sets += ', answer = @answer, answered_at = @when, answered_by = @by';
    Object.assign(p, { answer: answer || cur.answer, when, by: cleanText(change.answeredBy) || cur.answered_by || null });
    // Answered without being marked as asked (a phone call): the question counts as asked then.
    if (!cur.asked_at) sets += ', asked_at = @when';
  }
  if (change.status === 'offen') sets += ', asked_at = NULL';
  db.prepare(`UPDATE inquiries SET ${sets} WHERE id = @id`).run(p);
  recordStatus(db, cur.id, change.status, when, now);
}

/**
 * Changes the status: `gestellt` with its date, `beantwortet` with answer (required), date and who,
 * `verworfen`, or back to `offen` (a correction; the history keeps everything). One transaction.
 */
export function setInquiryStatus(db: Database, id: number, change: StatusChange, opts: ReadOptions & { at?: string | undefined } = {}): Inquiry {
  const now = opts.at ?? (opts.now ?? new Date()).toISOString();
  db.transaction(() => applyStatus(db, rowById(db, id), change, now)).immediate();
  return getInquiry(db, id, opts);
}

/**
 * Marks the inquiries of a sent draft as `gestellt` with the date, all or none: an inquiry already
 * answered or dismissed refuses the whole batch (INQUIRY_STATUS_CONFLICT). Asking again is allowed.
 */
export function markSent(db: Database, ids: readonly number[], opts: ReadOptions & { at?: string | undefined; date?: string | undefined } = {}): Inquiry[] {
  const now = opts.at ?? (opts.now ?? new Date()).toISOString();
  db.transaction(() => {
    for (const id of ids) {
      const cur = rowById(db, id);
      if (cur.status !== 'offen' && cur.status !== 'gestellt') throw new AppError('INQUIRY_STATUS_CONFLICT', { id, status: cur.status });
      applyStatus(db, cur, { status: 'gestellt', date: opts.date }, now);
    }
  }).immediate();
  return listInquiries(db, { ids }, opts);
}

/** Attaches the answer to the claim annotation it resolves (null detaches). Errors: INQUIRY_NOT_FOUND, INQUIRY_CLAIM_INVALID. */
export function attachAnswer(db: Database, id: number, claimAnnotationId: string | null, opts: ReadOptions & { at?: string | undefined } = {}): Inquiry {
  const now = opts.at ?? (opts.now ?? new Date()).toISOString();
  db.transaction(() => {
    rowById(db, id);
    if (claimAnnotationId !== null) {
      const a = db.prepare('SELECT type, deleted_at FROM annotations WHERE id = ?').get(claimAnnotationId) as { type: string; deleted_at: string | null } | undefined;
      if (!a || a.deleted_at !== null || a.type !== 'claim') throw new AppError('INQUIRY_CLAIM_INVALID', { id: claimAnnotationId });
    }
    db.prepare('UPDATE inquiries SET claim_annotation_id = ?, updated_at = ? WHERE id = ?').run(claimAnnotationId, now, id);
  }).immediate();
  return getInquiry(db, id, opts);
}

/** Deletes an inquiry with its history. False when there was none. */
export function deleteInquiry(db: Database, id: number): boolean {
  return db.transaction(() => db.prepare('DELETE FROM inquiries WHERE id = ?').run(id).changes > 0).immediate();
}

/**
 * The open questions grouped by contact (contacts by name, the group without contact last); with
 * `includeAsked` also those asked and awaiting an answer.
 */
export function inquiryQueue(db: Database, opts: ReadOptions & { includeAsked?: boolean | undefined } = {}): InquiryQueueGroup[] {
  const list = listInquiries(db, { status: opts.includeAsked ? ['offen', 'gestellt'] : ['offen'] }, opts);
  const groups = new Map<number | null, InquiryQueueGroup>();
  for (const i of list) {
    let g = groups.get(i.contactId);
    if (!g) {
      g = { contact: i.contactId === null ? null : getContact(db, i.contactId), inquiries: [], overdue: 0 };
      groups.set(i.contactId, g);
    }
    g.inquiries.push(i);
    if (i.overdue) g.overdue++;
  }
  const label = (g: InquiryQueueGroup): string => (g.contact ? (g.contact.name || g.contact.email).toLocaleLowerCase('de') : '\uffff');
  return [...groups.values()].sort((a, b) => label(a).localeCompare(label(b), 'de'));
}

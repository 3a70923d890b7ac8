import { z } from 'zod';
import { result } from './contract-result.js';
import {
  DRAFT_FORMATS,
  INQUIRY_STATUSES,
  isEmailAddress,
  parseInquiryStatus,
  type Contact,
  type ContactImportResult,
  type DraftResult,
  type Inquiry,
  type InquiryQueueGroup,
  type RouteResult,
} from './inquiry.js';

/**
 * Channels of the address book and of Rückfragen (spread into `contract` in `contract.ts`).
 * Designed for the UI:
 * - address book: `contacts.list/get/create/update/delete`, `contacts.import` (a file's name and
 *   text: .vcf or .csv, all or nothing) and `contacts.export` (file name, MIME type, content);
 * - a Rückfrage from a selection or a Rückfrage annotation: `inquiries.route` previews whom it goes
 *   to and why, `inquiries.create` stores it (routed unless `contactEmail` is given);
 * - per contact: `inquiries.queue` (open questions grouped by contact) and `inquiries.draft`
 *   (.eml / mailto: / Markdown / text for the clipboard), then `inquiries.markSent` with the draft's
 *   `inquiryIds`;
 * - answers: `inquiries.setStatus` (`beantwortet` with answer, date, who), `inquiries.attachAnswer`
 *   to hang the answer on the claim it resolves; `inquiries.list { annotationId }` finds the
 *   inquiries at a claim or question annotation.
 * Statuses accept German (offen, gestellt, beantwortet, verworfen) and English (open, asked,
 * answered, dismissed) words; results always carry the German ones.
 */

const id = z.number().int().positive();
const offset = z.number().int().min(0);
const email = z.string().trim().max(320).refine(isEmailAddress, 'keine gültige E-Mail-Adresse');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT');
const when = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'Datum als JJJJ-MM-TT oder ISO 8601');
const annotationId = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'keine Annotations-ID (UUID)');
const field = z.string().max(2000);
const beats = z.array(z.string().max(200)).max(50);
/** A status word, German or English. */
export const inquiryStatusSchema = z
  .string()
  .transform((s, ctx) => {
    const st = parseInquiryStatus(s);
    if (!st) {
      ctx.addIssue({ code: 'custom', message: `Status muss eines von ${INQUIRY_STATUSES.join(', ')} sein` });
      return z.NEVER;
    }
    return st;
  });

const rangeOk = (a: { start?: number | undefined; end?: number | undefined }): boolean =>
  (a.start === undefined) === (a.end === undefined) && (a.start === undefined || a.end! > a.start);
const rangeMessage = { message: 'start und end zusammen angeben, end größer als start', path: ['end'] };

export const inquiryChannels = {
  /** The address book, by name; `query` filters on name, organisation, beats and address. */
  'contacts.list': { args: z.object({ query: z.string().max(200).optional() }).strict(), result: result<Contact[]>() },
  'contacts.get': { args: z.object({ id }).strict(), result: result<Contact>() },
  /** Adds a contact. Errors: CONTACT_EXISTS, CONTACT_EMAIL_INVALID. */
  'contacts.create': {
    args: z
      .object({ email, name: field.optional(), organisation: field.optional(), beats: beats.optional(), phone: field.optional(), notes: z.string().max(20_000).optional() })
      .strict(),
    result: result<Contact>(),
  },
  /** Edits a contact; absent fields stay, `beats` replaces the list. */
  'contacts.update': {
    args: z
      .object({
        id,
        email: email.optional(),
        name: field.optional(),
        organisation: field.optional(),
        beats: beats.optional(),
        phone: field.optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
    result: result<Contact>(),
  },
  /** Deletes a contact; its Rückfragen stay without a contact. */
  'contacts.delete': { args: z.object({ id }).strict(), result: result<{ removed: boolean }>() },
  /** Imports a .vcf (vCard 3.0/4.0) or .csv file by name and text; all or nothing. Error: CONTACT_IMPORT_INVALID (file, line). */
  'contacts.import': {
    args: z.object({ name: z.string().min(1).max(1024), content: z.string().max(20 * 1024 * 1024) }).strict(),
    result: result<ContactImportResult>(),
  },
  /** The address book (or `ids`) as vCard 4.0 or CSV: file name, MIME type and content to save. */
  'contacts.export': {
    args: z.object({ format: z.enum(['vcard', 'csv']), ids: z.array(id).max(100_000).optional() }).strict(),
    result: result<{ fileName: string; mimeType: string; content: string }>(),
  },
  /** Inquiries, oldest first; all filters given must hold. `annotationId` matches the question or the claim annotation. */
  'inquiries.list': {
    args: z
      .object({
        status: z.union([inquiryStatusSchema, z.array(inquiryStatusSchema).max(4)]).optional(),
        contactEmail: email.optional(),
        articleId: id.optional(),
        annotationId: annotationId.optional(),
        overdue: z.boolean().optional(),
      })
      .strict(),
    result: result<Inquiry[]>(),
  },
  'inquiries.get': { args: z.object({ id }).strict(), result: result<Inquiry>() },
  /**
   * Creates a Rückfrage on a passage [start, end) (or on the annotation's passage, or the whole
   * article), routed automatically unless `contactEmail` is given; the result carries the reason.
   * `question` may be left out with an `annotationId` whose note is the question.
   */
  'inquiries.create': {
    args: z
      .object({
        articleId: id,
        question: z.string().max(20_000).optional(),
        start: offset.optional(),
        end: offset.optional(),
        contactEmail: email.optional(),
        dueDate: day.optional(),
        annotationId: annotationId.optional(),
      })
      .strict()
      .refine(rangeOk, rangeMessage),
    result: result<Inquiry>(),
  },
  /** Whom a question would go to and why (no write): the decision, its reason and every candidate's scores. */
  'inquiries.route': {
    args: z.object({ articleId: id, start: offset.optional(), end: offset.optional(), question: z.string().max(20_000).optional() }).strict().refine(rangeOk, rangeMessage),
    result: result<RouteResult>(),
  },
  /** Edits question, contact (`null` unassigns), due date (`null` clears) or passage (re-routes unless the contact was chosen). */
  'inquiries.update': {
    args: z
      .object({
        id,
        question: z.string().max(20_000).optional(),
        contactEmail: email.nullable().optional(),
        dueDate: day.nullable().optional(),
        start: offset.optional(),
        end: offset.optional(),
      })
      .strict()
      .refine(rangeOk, rangeMessage),
    result: result<Inquiry>(),
  },
  /** Changes the status; `beantwortet` needs `answer`; `date` is when it happened (default now). */
  'inquiries.setStatus': {
    args: z
      .object({ id, status: inquiryStatusSchema, answer: z.string().max(100_000).optional(), answeredBy: field.optional(), date: when.optional() })
      .strict(),
    result: result<Inquiry>(),
  },
  /** Attaches the answer to the claim annotation it resolves (`null` detaches). Error: INQUIRY_CLAIM_INVALID. */
  'inquiries.attachAnswer': { args: z.object({ id, claimAnnotationId: annotationId.nullable() }).strict(), result: result<Inquiry>() },
  'inquiries.delete': { args: z.object({ id }).strict(), result: result<{ removed: boolean }>() },
  /** Open questions grouped by contact (with `includeAsked` also those awaiting an answer); the group without contact last. */
  'inquiries.queue': { args: z.object({ includeAsked: z.boolean().optional() }).strict(), result: result<InquiryQueueGroup[]>() },
  /**
   * A draft of the open questions of a contact and/or an article (or of `ids`): a file (eml,
   * markdown, text) or a mailto: link (`url: null, tooLong: true` beyond 2,000 characters: offer the
   * .eml). Errors: INQUIRY_DRAFT_EMPTY, INQUIRY_DRAFT_SEVERAL_CONTACTS.
   */
  'inquiries.draft': {
    args: z
      .object({ contactEmail: email.optional(), articleId: id.optional(), ids: z.array(id).min(1).max(1000).optional(), format: z.enum(DRAFT_FORMATS) })
      .strict()
      .refine((a) => a.contactEmail !== undefined || a.articleId !== undefined || a.ids !== undefined, { message: 'contactEmail, articleId oder ids angeben' }),
    result: result<DraftResult>(),
  },
  /** Marks the draft's inquiries as `gestellt` with the date (default now), all or none. Error: INQUIRY_STATUS_CONFLICT. */
  'inquiries.markSent': { args: z.object({ ids: z.array(id).min(1).max(1000), date: when.optional() }).strict(), result: result<Inquiry[]>() },
} as const;

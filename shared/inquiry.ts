/**
 * Domain types of the address book and of Rückfragen (follow-up questions to editorial contacts).
 * Pure data and small pure helpers: no Node, no DOM.
 */

/** Where a contact came from: entered (or imported) by the user, or read from an article's footer. */
export const CONTACT_ORIGINS = ['manual', 'article'] as const;
export type ContactOrigin = (typeof CONTACT_ORIGINS)[number];

/** One entry of the address book. The e-mail address is its identity (unique, case-insensitive). */
export interface Contact {
  id: number;
  /** Display name; for contacts found in articles derived from the address ("Berlin Newsroom"). */
  name: string;
  organisation: string;
  /** Beats (Ressorts) in the order first seen: "Politik und Konjunktur", "Unternehmen und Märkte". */
  beats: string[];
  email: string;
  phone: string;
  notes: string;
  origin: ContactOrigin;
  createdAt: string;
  updatedAt: string;
}

/** The editable fields of a contact. */
export interface ContactInput {
  name?: string | undefined;
  organisation?: string | undefined;
  beats?: string[] | undefined;
  email: string;
  phone?: string | undefined;
  notes?: string | undefined;
}

/** Outcome of an address-book import (all or nothing). */
export interface ContactImportResult {
  file: string;
  created: number;
  updated: number;
  /** Entries that could not become contacts (no e-mail address), with their line. */
  skipped: { line: number; reason: string }[];
}

/** Status of a Rückfrage: open → asked (date) → answered (answer, date, who) or dismissed. */
export const INQUIRY_STATUSES = ['offen', 'gestellt', 'beantwortet', 'verworfen'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** English words accepted for the statuses (CLI, API). */
export const INQUIRY_STATUS_ALIASES: Record<string, InquiryStatus> = {
  open: 'offen',
  asked: 'gestellt',
  sent: 'gestellt',
  answered: 'beantwortet',
  dismissed: 'verworfen',
};

/** Labels of the statuses for the UI. */
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, { de: string; en: string }> = {
  offen: { de: 'offen', en: 'open' },
  gestellt: { de: 'gestellt', en: 'asked' },
  beantwortet: { de: 'beantwortet', en: 'answered' },
  verworfen: { de: 'verworfen', en: 'dismissed' },
};

/** A status word (German or English, any case) as a status, or null. */
export function parseInquiryStatus(word: string): InquiryStatus | null {
  const w = word.trim().toLowerCase();
  if ((INQUIRY_STATUSES as readonly string[]).includes(w)) return w as InquiryStatus;
  return INQUIRY_STATUS_ALIASES[w] ?? null;
}

/** On what the routing decided: the passage, the question's words, the paragraph, the whole article, the fallback, the user. */
export const ROUTE_BASES = ['passage', 'question', 'paragraph', 'article', 'fallback', 'manual', 'none'] as const;
export type RouteBasis = (typeof ROUTE_BASES)[number];

/** Why a question goes to a contact: structured, so the UI can render it in either language. */
export interface RouteExplanation {
  basis: RouteBasis;
  /** The beat that matched (or the chosen contact's first beat); null when none. */
  beat: string | null;
  /** What was found: company names first, then cue words, as they appear in the text. */
  terms: string[];
}

/** A contact the routing considered, with its beat score per level (for the UI's "why" panel). */
export interface RouteCandidate {
  email: string;
  name: string;
  beat: string | null;
  /** `article`: named in the article's footer; `addressBook`: the address book's contact of that agency. */
  source: 'article' | 'addressBook';
  /** Score of the candidate's beat on the passage, the question, the paragraph and the whole article. */
  scores: { passage: number; question: number; paragraph: number; article: number };
}

/** The routing decision for a question. */
export interface RouteResult extends RouteExplanation {
  /** The chosen address, or null when the article names no desk and the address book has none for its agency. */
  contactEmail: string | null;
  /** Human-readable reason in the requested language. */
  reason: string;
  candidates: RouteCandidate[];
}

/** Where the asked passage is; null on an inquiry about the whole article. */
export interface InquiryPassage {
  /** The passage as asked (never changes). */
  exact: string;
  prefix: string;
  suffix: string;
  /** Position in the article's current text, or null when a new version no longer contains it. */
  start: number | null;
  end: number | null;
  /** 1-based number of the paragraph (counted over paragraph blocks), null in a heading or when not placed. */
  paragraph: number | null;
}

/** One status change. */
export interface InquiryStatusChange {
  status: InquiryStatus;
  /** When it happened (ISO 8601; for `gestellt`/`beantwortet` the date the user gave). */
  at: string;
  /** When it was recorded. */
  recordedAt: string;
}

/** One Rückfrage as the contract returns it. */
export interface Inquiry {
  id: number;
  articleId: number;
  articleTitle: string;
  /** The Rückfrage annotation it was made from, if any. */
  annotationId: string | null;
  question: string;
  passage: InquiryPassage | null;
  contactId: number | null;
  contactEmail: string | null;
  contactName: string | null;
  routing: RouteExplanation & { overridden: boolean; reason: string };
  status: InquiryStatus;
  askedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  /** Due date passed while still open or asked (computed against "now"). */
  overdue: boolean;
  /** The claim annotation the answer resolves. */
  claimAnnotationId: string | null;
  history: InquiryStatusChange[];
  createdAt: string;
  updatedAt: string;
}

/** The open questions of one contact (null: questions without a contact). */
export interface InquiryQueueGroup {
  contact: Contact | null;
  inquiries: Inquiry[];
  overdue: number;
}

/** Draft output formats. */
export const DRAFT_FORMATS = ['eml', 'mailto', 'markdown', 'text'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** A finished draft: a file to save or copy, or a mailto: link (null with `tooLong` when over the limit). */
export type DraftResult =
  | {
      format: 'eml' | 'markdown' | 'text';
      fileName: string;
      mimeType: string;
      content: string;
      to: string;
      subject: string;
      /** The inquiries it contains: pass them to `inquiries.markSent` once sent. */
      inquiryIds: number[];
    }
  | {
      format: 'mailto';
      /** The link, or null when it would exceed {@link MAILTO_MAX_LENGTH}: offer the .eml instead. */
      url: string | null;
      tooLong: boolean;
      length: number;
      to: string;
      subject: string;
      inquiryIds: number[];
    };

/** Longest mailto: link handed to the system: mail programs and browsers cut longer ones. */
export const MAILTO_MAX_LENGTH = 2000;

/** True for a plausible e-mail address (one @, a dot in the domain, no spaces or address syntax). */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/u.test(value.trim());
}

/** The key an address is unique by: trimmed, lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

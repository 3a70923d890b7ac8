import type { Database } from 'better-sqlite3';
import { datePartsOf, formatAgencyDate } from '../../shared/agency-line.js';
import type { Settings } from '../../shared/contract.js';
import { AppError, type Lang } from '../../shared/errors.js';
import { emailKey, MAILTO_MAX_LENGTH, type DraftFormat, type DraftResult, type Inquiry } from '../../shared/inquiry.js';
import { getContact } from './contacts.js';
import { protectedTermsForDrafts, redactProtected } from './draft-redaction.js';
import { listInquiries } from './inquiries.js';
import { getSettings } from './settings.js';

/**
 * E-mail drafts of Rückfragen: one polite message per contact (or per article) that quotes each
 * passage, names where it is, and asks the question. Fundstelle never sends anything: the outputs
 * are an .eml file marked as unsent (mail programs open it as a draft), a mailto: link, Markdown and
 * plain text for the clipboard. Protected sources are redacted from everything quoted or asked.
 */

/** Which questions a draft holds: open ones of a contact and/or an article, or the given ids (open or asked). */
export interface DraftSelection {
  contactEmail?: string | undefined;
  articleId?: number | undefined;
  ids?: readonly number[] | undefined;
}

/** One numbered block. */
export interface DraftItem {
  inquiryId: number;
  /** The passage, whitespace folded, redacted; null for a question about the whole article. */
  quote: string | null;
  /** Headline, agency, date and paragraph ("„Titel“, Reuters, Februar 2025, Absatz 4"). */
  place: string;
  question: string;
}

/** Everything a draft is made of, before it is rendered into a format. */
export interface DraftModel {
  lang: Lang;
  to: { email: string; name: string };
  from: { email: string; name: string } | null;
  subject: string;
  greeting: string;
  intro: string;
  items: DraftItem[];
  closing: string;
  signature: string;
  inquiryIds: number[];
}

interface ArticleInfo {
  id: number;
  title: string;
  agency: string | null;
  published: string | null;
  language: string | null;
}

const T = {
  de: {
    greeting: 'Guten Tag,',
    introOne: (what: string) => `ich habe eine Rückfrage zu Ihrer Meldung ${what}.`,
    introMany: (n: number, what: string) => `ich habe ${n} Rückfragen zu Ihrer Meldung ${what}.`,
    introArticles: (n: number, m: number) => `ich habe ${n} Rückfragen zu ${m} Ihrer Meldungen.`,
    subjectOne: (what: string) => `Rückfrage zu ${what}`,
    subjectMany: (what: string) => `Rückfragen zu ${what}`,
    subjectArticles: (m: number) => `Rückfragen zu ${m} Artikeln`,
    quote: (s: string) => `„${s}“`,
    passage: 'Zur Stelle',
    whole: 'Zur ganzen Meldung',
    place: 'Fundstelle',
    question: 'Frage',
    paragraph: (n: number) => `Absatz ${n}`,
    heading: 'Zwischenüberschrift',
    closing: 'Vielen Dank im Voraus für Ihre Antwort.',
    regards: 'Mit freundlichen Grüßen',
    to: 'An',
    subject: 'Betreff',
  },
  en: {
    greeting: 'Hello,',
    introOne: (what: string) => `I have a question about your story ${what}.`,
    introMany: (n: number, what: string) => `I have ${n} questions about your story ${what}.`,
    introArticles: (n: number, m: number) => `I have ${n} questions about ${m} of your stories.`,
    subjectOne: (what: string) => `Question about ${what}`,
    subjectMany: (what: string) => `Questions about ${what}`,
    subjectArticles: (m: number) => `Questions about ${m} articles`,
    quote: (s: string) => `“${s}”`,
    passage: 'On the passage',
    whole: 'On the whole story',
    place: 'Where',
    question: 'Question',
    paragraph: (n: number) => `paragraph ${n}`,
    heading: 'subheading',
    closing: 'Thank you in advance for your reply.',
    regards: 'Kind regards',
    to: 'To',
    subject: 'Subject',
  },
} as const;

function articleInfo(db: Database, id: number): ArticleInfo {
  const row = db.prepare('SELECT id, title, agency, published, language FROM articles WHERE id = ?').get(id) as ArticleInfo | undefined;
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', { id });
  return row;
}

/** "(Reuters, Februar 2025)" content: agency and date with the precision known. */
function sourceLine(a: ArticleInfo, lang: Lang): string {
  const parts = datePartsOf(a.published);
  return [a.agency?.trim() ?? '', parts ? formatAgencyDate(parts, lang) : ''].filter(Boolean).join(', ');
}

function fold(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** The open (or given) inquiries a draft is for; refuses an empty or multi-contact selection. */
function selectInquiries(db: Database, sel: DraftSelection): Inquiry[] {
  const list = listInquiries(db, {
    status: sel.ids ? ['offen', 'gestellt'] : ['offen'],
    contactEmail: sel.contactEmail,
    articleId: sel.articleId,
    ids: sel.ids,
  }).filter((i) => i.contactEmail !== null);
  if (list.length === 0) {
    const scope = sel.contactEmail ? ` (${sel.contactEmail})` : sel.articleId !== undefined ? ` (#${sel.articleId})` : '';
    throw new AppError('INQUIRY_DRAFT_EMPTY', { scope });
  }
  const contacts = [...new Set(list.map((i) => emailKey(i.contactEmail!)))];
  if (contacts.length > 1) {
    throw new AppError('INQUIRY_DRAFT_SEVERAL_CONTACTS', { id: sel.articleId ?? '–', contacts: [...new Set(list.map((i) => i.contactEmail!))].join(', ') });
  }
  return list;
}

/** Builds the draft's content for the selected questions (grouped by article, in question order). */
export function buildDraft(db: Database, sel: DraftSelection, settings: Settings = getSettings(db)): DraftModel {
  const inquiries = selectInquiries(db, sel);
  const first = inquiries[0]!;
  const contact = getContact(db, first.contactId!);
  const articles = new Map<number, ArticleInfo>();
  for (const i of inquiries) if (!articles.has(i.articleId)) articles.set(i.articleId, articleInfo(db, i.articleId));
  // Keep each article's questions together, articles in the order of their first question.
  const order = [...articles.keys()];
  const sorted = [...inquiries].sort((a, b) => order.indexOf(a.articleId) - order.indexOf(b.articleId) || a.id - b.id);
  const lang: Lang = articles.get(first.articleId)?.language === 'en' ? 'en' : 'de';
  const t = T[lang];
  const terms = protectedTermsForDrafts(db);
  const redact = (s: string): string => redactProtected(db, s, lang, terms);
  const what = (a: ArticleInfo): string => {
    const src = sourceLine(a, lang);
    return `${t.quote(redact(fold(a.title)))}${src ? ` (${src})` : ''}`;
  };
  const items: DraftItem[] = sorted.map((i) => {
    const a = articles.get(i.articleId)!;
    const place = [t.quote(redact(fold(a.title))), sourceLine(a, lang)].filter(Boolean);
    if (i.passage) {
      if (i.passage.paragraph !== null) place.push(t.paragraph(i.passage.paragraph));
      else if (i.passage.start !== null) place.push(t.heading);
    }
    return { inquiryId: i.id, quote: i.passage ? redact(fold(i.passage.exact)) : null, place: place.join(', '), question: redact(i.question) };
  });
  const one = articles.size === 1 ? articles.get(first.articleId)! : null;
  const subject = one ? (sorted.length === 1 ? t.subjectOne(what(one)) : t.subjectMany(what(one))) : t.subjectArticles(articles.size);
  const intro = one ? (sorted.length === 1 ? t.introOne(what(one)) : t.introMany(sorted.length, what(one))) : t.introArticles(sorted.length, articles.size);
  const signature = settings.signature.trim() || settings.senderName.trim();
  return {
    lang,
    to: { email: contact.email, name: contact.name },
    from: settings.senderEmail ? { email: settings.senderEmail, name: settings.senderName } : null,
    subject,
    greeting: t.greeting,
    intro,
    items,
    closing: t.closing,
    signature,
    inquiryIds: sorted.map((i) => i.id),
  };
}

/** Indents the continuation lines of a multi-line text. */
function indent(s: string, pad: string): string {
  return s.replace(/\r\n?|\n/g, `\n${pad}`);
}

/** The message body as plain text (LF line ends; the .eml and mailto: use CRLF). */
export function draftText(m: DraftModel): string {
  const t = T[m.lang];
  const blocks = m.items.map((it, n) => {
    const head = `${n + 1}. ${it.quote !== null ? `${t.passage} ${t.quote(it.quote)}` : `${t.whole}:`}`;
    return [head, `   ${t.place}: ${it.place}`, `   ${t.question}: ${indent(it.question, '   ')}`].join('\n');
  });
  const end = [t.closing, '', t.regards, ...(m.signature ? [m.signature] : [])];
  return [m.greeting, '', m.intro, '', blocks.join('\n\n'), '', ...end].join('\n') + '\n';
}

/** Markdown special characters in user text, escaped so quotes and questions render as written. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** The draft as Markdown (recipient and subject on top). */
export function draftMarkdown(m: DraftModel): string {
  const t = T[m.lang];
  const to = m.to.name ? `${md(m.to.name)} <${m.to.email}>` : m.to.email;
  const blocks = m.items.map((it, n) => {
    const lines = [`${n + 1}. ${it.quote !== null ? `${t.passage}:` : `${t.whole}:`}`];
    if (it.quote !== null) lines.push('', `   > ${md(t.quote(it.quote))}`);
    lines.push('', `   *${t.place}:* ${md(it.place)}`, '', `   **${t.question}:** ${indent(md(it.question), '   ')}`);
    return lines.join('\n');
  });
  const sig = m.signature ? `  \n${indent(md(m.signature), '  \n')}` : '';
  return [`**${t.to}:** ${to}  `, `**${t.subject}:** ${md(m.subject)}`, '', m.greeting, '', md(m.intro), '', blocks.join('\n\n'), '', t.closing, '', `${t.regards}${sig}`].join('\n') + '\n';
}

/** An address for a mailto: link: local part and domain percent-encoded, the "@" kept (RFC 6068). */
function mailtoAddress(email: string): string {
  const at = email.lastIndexOf('@');
  return `${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}

/** A mailto: link (RFC 6068) with subject and body (CRLF as %0D%0A); null when longer than {@link MAILTO_MAX_LENGTH}. */
export function draftMailto(m: DraftModel): { url: string | null; length: number } {
  const body = draftText(m).replace(/\n/g, '\r\n');
  const url = `mailto:${mailtoAddress(m.to.email)}?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(body)}`;
  return { url: url.length > MAILTO_MAX_LENGTH ? null : url, length: url.length };
}

/**
 * The draft as an RFC 5322 message built by nodemailer's MailComposer: UTF-8, headers encoded per
 * RFC 2047, quoted-printable body with CRLF, `X-Unsent: 1` so mail programs open it as a draft.
 */
export async function draftEml(m: DraftModel, now: Date = new Date()): Promise<string> {
  // nodemailer is large: load it only when an .eml is asked for (the CLI must start fast).
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: m.from ? { name: m.from.name, address: m.from.email } : undefined,
    to: m.to.name ? { name: m.to.name, address: m.to.email } : m.to.email,
    subject: m.subject,
    text: draftText(m).replace(/\n/g, '\r\n'),
    textEncoding: 'quoted-printable',
    date: now,
    headers: { 'X-Unsent': '1' },
  });
  const message = await composer.compile().build();
  return message.toString('utf8');
}

/** A file name for the draft: ASCII, from the recipient and the date. */
function fileName(m: DraftModel, ext: string, now: Date): string {
  const who = m.to.email.split('@')[0]!.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'kontakt';
  const day = now.toISOString().slice(0, 10);
  return `${m.lang === 'en' ? 'question' : 'rueckfrage'}-${who}-${day}.${ext}`;
}

/** The draft in one format, ready for the contract (file content, or the mailto: link / too long). */
export async function renderDraft(db: Database, sel: DraftSelection, format: DraftFormat, now: Date = new Date()): Promise<DraftResult> {
  const m = buildDraft(db, sel);
  const common = { to: m.to.email, subject: m.subject, inquiryIds: m.inquiryIds };
  switch (format) {
    case 'mailto': {
      const { url, length } = draftMailto(m);
      return { format, url, tooLong: url === null, length, ...common };
    }
    case 'eml':
      return { format, fileName: fileName(m, 'eml', now), mimeType: 'message/rfc822', content: await draftEml(m, now), ...common };
    case 'markdown':
      return { format, fileName: fileName(m, 'md', now), mimeType: 'text/markdown;charset=utf-8', content: draftMarkdown(m), ...common };
    case 'text':
      return { format, fileName: fileName(m, 'txt', now), mimeType: 'text/plain;charset=utf-8', content: draftText(m), ...common };
  }
}

import fs from 'node:fs';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { DRAFT_FORMATS, INQUIRY_STATUS_LABELS, parseInquiryStatus, type DraftFormat, type Inquiry } from '../../shared/inquiry.js';
import { UsageError, runSubcommand, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte list, add, draft oder set angeben. Siehe fundstelle inquiries --help.', en: 'Please give list, add, draft or set. See fundstelle inquiries --help.' },
  needArticle: { de: 'Bitte eine Artikel-ID (Zahl) angeben: fundstelle inquiries add ARTIKEL_ID --question TEXT', en: 'Please give an article ID (a number): fundstelle inquiries add ARTICLE_ID --question TEXT' },
  needQuestion: { de: 'Bitte die Frage mit --question angeben.', en: 'Please give the question with --question.' },
  needId: { de: 'Bitte die Nummer der Rückfrage angeben: fundstelle inquiries set ID --status STATUS', en: 'Please give the inquiry number: fundstelle inquiries set ID --status STATUS' },
  badStatus: {
    de: '--status muss eines von offen, gestellt, beantwortet, verworfen sein (oder open, asked, answered, dismissed).',
    en: '--status must be one of offen, gestellt, beantwortet, verworfen (or open, asked, answered, dismissed).',
  },
  badFormat: { de: '--format muss eines von {formats} sein.', en: '--format must be one of {formats}.' },
  needTarget: { de: 'Bitte --contact ADRESSE oder --article ID angeben.', en: 'Please give --contact ADDRESS or --article ID.' },
  none: { de: 'Keine Rückfragen.', en: 'No inquiries.' },
  footer: { de: '{n} Rückfragen', en: '{n} inquiries' },
  noContact: { de: 'ohne Ansprechpartner', en: 'no contact' },
  overdue: { de: 'überfällig', en: 'overdue' },
  whole: { de: 'ganzer Artikel', en: 'whole article' },
  added: { de: 'Rückfrage {id} an {contact} ({reason})', en: 'Inquiry {id} to {contact} ({reason})' },
  set: { de: 'Rückfrage {id}: {status}', en: 'Inquiry {id}: {status}' },
  written: { de: 'Entwurf gespeichert: {file}', en: 'Draft written: {file}' },
  tooLong: {
    de: 'Der mailto:-Link wäre {length} Zeichen lang (höchstens {max}); bitte --format eml verwenden.',
    en: 'The mailto: link would be {length} characters long (at most {max}); please use --format eml.',
  },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

function statusOpt(values: CliContext['values'], lang: Lang, required: boolean) {
  const raw = stringOpt(values, 'status');
  if (raw === undefined) {
    if (required) throw new UsageError(msg(lang, 'badStatus'));
    return undefined;
  }
  const st = parseInquiryStatus(raw);
  if (!st) throw new UsageError(msg(lang, 'badStatus'));
  return st;
}

function shortText(s: string, max: number): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? `${f.slice(0, max - 1)}…` : f;
}

function printInquiry(i: Inquiry, lang: Lang, io: CliContext['io']): void {
  const status = INQUIRY_STATUS_LABELS[i.status][lang];
  const flag = i.overdue ? ` [${msg(lang, 'overdue')}]` : '';
  io.out(`${String(i.id).padStart(4)}  ${status.padEnd(11)} #${i.articleId} ${shortText(i.articleTitle, 50)}${flag}\n`);
  io.out(`      ${i.contactEmail ?? msg(lang, 'noContact')} — ${i.routing.reason}\n`);
  io.out(`      ${i.passage ? (lang === 'de' ? `„${shortText(i.passage.exact, 70)}“` : `“${shortText(i.passage.exact, 70)}”`) : `(${msg(lang, 'whole')})`}\n`);
  io.out(`      ? ${shortText(i.question, 200)}\n`);
  if (i.answer) io.out(`      → ${shortText(i.answer, 200)}${i.answeredBy ? ` (${i.answeredBy})` : ''}\n`);
  if (i.dueDate) io.out(`      ${lang === 'de' ? 'fällig' : 'due'} ${i.dueDate}\n`);
}

async function runList({ db, values, lang, io }: CliContext): Promise<number> {
  const status = statusOpt(values, lang, false);
  const article = stringOpt(values, 'article');
  if (article !== undefined && !/^\d+$/.test(article)) throw new UsageError(msg(lang, 'needArticle'));
  const { listInquiries } = await import('../core/inquiries.js');
  const list = listInquiries(db, { status, contactEmail: stringOpt(values, 'contact'), articleId: article === undefined ? undefined : Number(article) }, { lang });
  if (values.json) {
    io.out(`${JSON.stringify(list)}\n`);
    return 0;
  }
  if (list.length === 0) {
    io.out(`${msg(lang, 'none')}\n`);
    return 0;
  }
  for (const i of list) printInquiry(i, lang, io);
  io.out(`${msg(lang, 'footer', { n: list.length })}\n`);
  return 0;
}

async function runAdd({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  const raw = positionals[1];
  if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1 || positionals.length > 2) throw new UsageError(msg(lang, 'needArticle'));
  const question = stringOpt(values, 'question');
  if (!question?.trim()) throw new UsageError(msg(lang, 'needQuestion'));
  const articleId = Number(raw);
  const [{ createInquiry }, { getArticle }, { findQuote }, { AppError }] = await Promise.all([
    import('../core/inquiries.js'),
    import('../core/articles.js'),
    import('../../shared/anchoring.js'),
    import('../../shared/errors.js'),
  ]);
  let range: { start: number; end: number } | undefined;
  const quote = stringOpt(values, 'quote');
  if (quote !== undefined) {
    const { text } = getArticle(db, articleId);
    const hits = findQuote(text, quote, { prefix: stringOpt(values, 'prefix'), suffix: stringOpt(values, 'suffix') });
    if (hits.length === 0) throw new AppError('QUOTE_NOT_FOUND', { quote: shortText(quote, 80), id: articleId, context: '' });
    if (hits.length > 1) throw new AppError('QUOTE_AMBIGUOUS', { quote: shortText(quote, 80), id: articleId, count: hits.length });
    range = hits[0];
  }
  const i = createInquiry(
    db,
    { articleId, question, start: range?.start, end: range?.end, contactEmail: stringOpt(values, 'contact'), dueDate: stringOpt(values, 'due') },
    { lang },
  );
  io.out(values.json ? `${JSON.stringify(i)}\n` : `${msg(lang, 'added', { id: i.id, contact: i.contactEmail ?? msg(lang, 'noContact'), reason: i.routing.reason })}\n`);
  return 0;
}

async function runDraft({ db, values, lang, io }: CliContext): Promise<number> {
  const format = stringOpt(values, 'format');
  if (!format || !(DRAFT_FORMATS as readonly string[]).includes(format)) throw new UsageError(msg(lang, 'badFormat', { formats: DRAFT_FORMATS.join(', ') }));
  const contactEmail = stringOpt(values, 'contact');
  const article = stringOpt(values, 'article');
  if (article !== undefined && !/^\d+$/.test(article)) throw new UsageError(msg(lang, 'needArticle'));
  if (contactEmail === undefined && article === undefined) throw new UsageError(msg(lang, 'needTarget'));
  const [{ renderDraft }, { MAILTO_MAX_LENGTH }] = await Promise.all([import('../core/drafts.js'), import('../../shared/inquiry.js')]);
  const draft = await renderDraft(db, { contactEmail, articleId: article === undefined ? undefined : Number(article) }, format as DraftFormat);
  if (values.json) {
    io.out(`${JSON.stringify(draft)}\n`);
    return draft.format === 'mailto' && draft.tooLong ? 1 : 0;
  }
  if (draft.format === 'mailto') {
    if (!draft.url) {
      io.err(`${msg(lang, 'tooLong', { length: draft.length, max: MAILTO_MAX_LENGTH })}\n`);
      return 1;
    }
    io.out(`${draft.url}\n`);
    return 0;
  }
  const dir = stringOpt(values, 'out');
  if (!dir) {
    io.out(draft.content);
    return 0;
  }
  fs.mkdirSync(dir, { recursive: true });
  // The name comes from the article's title: it must not leave the folder or overwrite a file.
  const { freePathInside } = await import('../core/export-paths.js');
  const file = freePathInside(dir, draft.fileName);
  fs.writeFileSync(file, draft.content, 'utf8');
  io.out(`${msg(lang, 'written', { file })}\n`);
  return 0;
}

async function runSet({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  const raw = positionals[1];
  if (!raw || !/^\d+$/.test(raw) || positionals.length > 2) throw new UsageError(msg(lang, 'needId'));
  const status = statusOpt(values, lang, true)!;
  const { setInquiryStatus } = await import('../core/inquiries.js');
  const i = setInquiryStatus(db, Number(raw), { status, answer: stringOpt(values, 'answer'), answeredBy: stringOpt(values, 'by'), date: stringOpt(values, 'date') }, { lang });
  io.out(values.json ? `${JSON.stringify(i)}\n` : `${msg(lang, 'set', { id: i.id, status: INQUIRY_STATUS_LABELS[i.status][lang] })}\n`);
  return 0;
}

/** `fundstelle inquiries list|add|draft|set`: Rückfragen to editorial contacts. */
export const inquiriesCommand: CliCommand = {
  name: 'inquiries',
  summary: { de: 'Rückfragen an Redaktionen: anlegen, Entwurf (.eml, mailto:, Markdown), Status', en: 'follow-up questions to desks: add, draft (.eml, mailto:, Markdown), status' },
  help: {
    de: `Aufruf: fundstelle inquiries list [--status S] [--contact ADRESSE] [--article ID] [--json]
       fundstelle inquiries add ARTIKEL_ID --question TEXT [--quote TEXT [--prefix TEXT] [--suffix TEXT]] [--contact ADRESSE] [--due JJJJ-MM-TT]
       fundstelle inquiries draft [--contact ADRESSE | --article ID] --format eml|mailto|markdown|text [--out ORDNER]
       fundstelle inquiries set ID --status S [--answer TEXT] [--by NAME] [--date JJJJ-MM-TT]

Status: offen, gestellt, beantwortet, verworfen (auch open, asked, answered, dismissed).
add: ohne --quote gilt die Frage dem ganzen Artikel. Ohne --contact wird die Frage an die Redaktion
geleitet, deren Ressort zur Textstelle passt (die Begründung wird ausgegeben).
draft: ein E-Mail-Entwurf mit allen offenen Rückfragen eines Kontakts oder Artikels; nichts wird
versendet. Ohne --out auf der Standardausgabe. set: beantwortet braucht --answer.
`,
    en: `Usage: fundstelle inquiries list [--status S] [--contact ADDRESS] [--article ID] [--json]
       fundstelle inquiries add ARTICLE_ID --question TEXT [--quote TEXT [--prefix TEXT] [--suffix TEXT]] [--contact ADDRESS] [--due YYYY-MM-DD]
       fundstelle inquiries draft [--contact ADDRESS | --article ID] --format eml|mailto|markdown|text [--out DIR]
       fundstelle inquiries set ID --status S [--answer TEXT] [--by NAME] [--date YYYY-MM-DD]

Status: offen, gestellt, beantwortet, verworfen (or open, asked, answered, dismissed).
add: without --quote the question is about the whole article. Without --contact it goes to the desk
whose beat fits the passage (the reason is printed).
draft: an e-mail draft with all open questions of a contact or an article; nothing is sent. To
standard output without --out. set: answered needs --answer.
`,
  },
  options: {
    status: { type: 'string' },
    question: { type: 'string' },
    quote: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
    contact: { type: 'string' },
    article: { type: 'string' },
    due: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    answer: { type: 'string' },
    by: { type: 'string' },
    date: { type: 'string' },
  },
  run(ctx) {
    return runSubcommand(
      ctx,
      {
        list: runList,
        add: runAdd,
        draft: runDraft,
        set: runSet,
      },
      msg(ctx.lang, 'needSub'),
    );
  },
};

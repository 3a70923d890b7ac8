import { findQuote } from '../../shared/anchoring.js';
import { ANNOTATION_TYPE_LABELS, ANNOTATION_TYPES, type Annotation, type AnnotationType } from '../../shared/annotation.js';
import { fillTemplate, AppError, type Lang } from '../../shared/errors.js';
import { createAnnotation } from '../core/annotations.js';
import { getArticle } from '../core/articles.js';
import { UsageError, stringList, stringOpt, type CliCommand } from './command.js';

const MESSAGES = {
  needId: { de: 'Bitte eine Artikel-ID (Zahl) angeben.', en: 'Please give an article ID (a number).' },
  needQuote: { de: 'Bitte die Textstelle mit --quote angeben.', en: 'Please give the passage with --quote.' },
  badType: { de: '--type muss eines von {types} sein.', en: '--type must be one of {types}.' },
  created: { de: '✓ {label} {id} in Artikel #{article}: {quote}', en: '✓ {label} {id} in article #{article}: {quote}' },
  withContext: { de: ' (mit dem angegebenen Text davor/danach)', en: ' (with the given text before/after)' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

/** A type from the command line: the key (claim) or its German or English label (Behauptung), any case. */
export function parseAnnotationType(raw: string | undefined): AnnotationType | null {
  if (!raw) return null;
  const v = raw.trim().toLocaleLowerCase('de');
  return ANNOTATION_TYPES.find((t) => t === v || ANNOTATION_TYPE_LABELS[t].de.toLocaleLowerCase('de') === v || ANNOTATION_TYPE_LABELS[t].en.toLowerCase() === v) ?? null;
}

/** A passage shortened for one terminal line, in quotation marks. */
export function shortQuote(text: string, lang: Lang, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return lang === 'de' ? `„${cut}“` : `“${cut}”`;
}

/** The annotation a `--quote` names: exactly one public occurrence, else a clear error. */
function locate(articleId: number, text: string, blocks: { kind: string; start: number; end: number }[], quote: string, prefix: string | undefined, suffix: string | undefined, lang: Lang) {
  // Passages in non-public blocks are not offered: they are never annotated (nor revealed by an error).
  const hits = findQuote(text, quote, { prefix, suffix }).filter((h) => !blocks.some((b) => b.kind === 'nonpublic' && b.start < h.end && b.end > h.start));
  const shown = quote.replace(/\s+/g, ' ').trim().slice(0, 120);
  if (hits.length === 0) {
    throw new AppError('QUOTE_NOT_FOUND', { quote: shown, id: articleId, context: prefix || suffix ? msg(lang, 'withContext') : '' });
  }
  if (hits.length > 1) throw new AppError('QUOTE_AMBIGUOUS', { quote: shown, id: articleId, count: hits.length });
  return hits[0]!;
}

/** `fundstelle annotate ARTICLE_ID --quote TEXT [--prefix TEXT] [--suffix TEXT] --type TYPE [--note TEXT] [--tag TAG]... [--json]`. */
export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: {
    de: 'Eine Textstelle annotieren (Zitat, Behauptung, Zahl, Notiz, Rückfrage)',
    en: 'annotate a passage (quote, claim, figure, note, question)',
  },
  help: {
    de: `Aufruf: fundstelle annotate ARTIKEL_ID --quote TEXT [--prefix TEXT] [--suffix TEXT] --type ${ANNOTATION_TYPES.join('|')} [--note TEXT] [--tag TAG]... [--json]

Markiert die Textstelle --quote im Artikel. Sie muss genau so im Artikeltext stehen
(Leerzeichen und Zeilenumbrüche zählen gleich). Kommt sie mehrfach vor, wählen --prefix
(Text unmittelbar davor) und/oder --suffix (Text unmittelbar danach) die gemeinte Stelle.
Typen: quote (Zitat), claim (Behauptung), figure (Zahl), note (Notiz), question (Rückfrage);
die deutschen Bezeichnungen gehen auch. --tag ist wiederholbar.
Mit --json: die angelegte Annotation als JSON.
Exit-Status 1, wenn die Stelle fehlt oder mehrdeutig ist; 2 bei falschem Aufruf.
`,
    en: `Usage: fundstelle annotate ARTICLE_ID --quote TEXT [--prefix TEXT] [--suffix TEXT] --type ${ANNOTATION_TYPES.join('|')} [--note TEXT] [--tag TAG]... [--json]

Marks the passage --quote in the article. It must occur exactly so in the article text
(spaces and line breaks count the same). When it occurs more than once, --prefix (text right
before it) and/or --suffix (text right after it) pick the one meant.
Types: quote, claim, figure, note, question (German labels work too). --tag can be repeated.
With --json: the new annotation as JSON.
Exit status 1 when the passage is missing or ambiguous; 2 for a wrong call.
`,
  },
  options: {
    quote: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
    type: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  run({ db, positionals, values, lang, io }) {
    const raw = positionals[0];
    if (positionals.length !== 1 || !raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(msg(lang, 'needId'));
    const quote = stringOpt(values, 'quote');
    if (!quote?.trim()) throw new UsageError(msg(lang, 'needQuote'));
    const type = parseAnnotationType(stringOpt(values, 'type'));
    if (!type) throw new UsageError(msg(lang, 'badType', { types: ANNOTATION_TYPES.join(', ') }));
    const articleId = Number(raw);
    const article = getArticle(db, articleId);
    const hit = locate(articleId, article.text, article.blocks, quote, stringOpt(values, 'prefix'), stringOpt(values, 'suffix'), lang);
    const annotation: Annotation = createAnnotation(db, {
      articleId,
      start: hit.start,
      end: hit.end,
      type,
      note: stringOpt(values, 'note'),
      tags: stringList(values, 'tag'),
    });
    if (values.json) io.out(`${JSON.stringify(annotation)}\n`);
    else {
      io.out(
        `${msg(lang, 'created', { label: ANNOTATION_TYPE_LABELS[type][lang], id: annotation.id, article: String(articleId), quote: shortQuote(annotation.selectors.quote.exact, lang) })}\n`,
      );
    }
    return 0;
  },
};

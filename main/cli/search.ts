import type { ParseArgsConfig } from 'node:util';
import { ANNOTATION_TYPES, type AnnotationType } from '../../shared/annotation.js';
import { DATE_BOUND_RE, SEARCH_SORTS, searchRequestSchema, type SearchFilters, type SearchHit, type SearchSort } from '../../shared/contract-search.js';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { VERIFICATION_STATUS_LABELS } from '../../shared/source.js';
import { findMappe } from '../core/mappen.js';
import { search } from '../core/search.js';
import { HIT_END, HIT_START } from '../core/search-snippet.js';
import type { Database } from '../db/open.js';
import { UsageError, stringList, stringOpt, type CliContext } from './command.js';

/**
 * `fundstelle search QUERY [--agency A] [--from DATE] [--to DATE] [--lang L] [--mappe M] [--tag T]
 * [--type T] [--sort date|relevance] [--limit N] [--offset N] [--json]`: the built-in search
 * command's options and body (main/cli.ts dispatches here). In this command `--lang` filters by
 * article language (as the issue specifies); messages follow FUNDSTELLE_LANG or the settings.
 */
export const SEARCH_OPTIONS = {
  agency: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  mappe: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  sort: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  'open-inquiries': { type: 'boolean', default: false },
  'articles-only': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The search command's help text. */
export const SEARCH_HELP: Record<Lang, string> = {
  de: `Aufruf: fundstelle search ANFRAGE [--agency A] [--from DATUM] [--to DATUM] [--lang L]
         [--mappe M] [--tag T] [--type T] [--sort date|relevance] [--limit N] [--offset N]
         [--open-inquiries] [--articles-only] [--json] [--db PFAD]

Sucht in Titeln, Artikeltexten und Annotationen. Groß-/Kleinschreibung, Akzente, ß/ss und
ä/ae, ö/oe, ü/ue sind egal; Wortformen werden gefunden („Rechenzentrum“ findet „Rechenzentren“).

  Wort Wort          beide Wörter müssen vorkommen (wie AND)
  "Wort Wort"        genau diese Wortfolge
  Kakao*             Wortanfang
  A OR B, A NOT B    oder / ohne; Klammern gruppieren: (A OR B) AND C
  title:Wort         nur im Titel; text:Wort nur im Text; agency:dpa, lang:de filtern

Filter (kombinierbar; mehrfach angegeben: eines davon):
  --agency A         Agentur          --from/--to DATUM  JJJJ, JJJJ-MM oder JJJJ-MM-TT
  --lang L           Artikelsprache   --mappe M          Mappe (ID oder Name)
  --tag T            Annotations-Tag  --type T           Annotationstyp (${ANNOTATION_TYPES.join(', ')})
  --open-inquiries   nur mit offenen Rückfragen
Ohne ANFRAGE listet der Befehl nach den Filtern. Sortierung: neueste zuerst (date) oder Relevanz.
`,
  en: `Usage: fundstelle search QUERY [--agency A] [--from DATE] [--to DATE] [--lang L]
         [--mappe M] [--tag T] [--type T] [--sort date|relevance] [--limit N] [--offset N]
         [--open-inquiries] [--articles-only] [--json] [--db PATH]

Searches titles, article texts and annotations. Case, accents, ß/ss and ä/ae, ö/oe, ü/ue do not
matter; word forms are found ("Rechenzentrum" finds "Rechenzentren").

  word word          both words must occur (like AND)
  "word word"        exactly this phrase
  Kakao*             word beginning
  A OR B, A NOT B    or / without; parentheses group: (A OR B) AND C
  title:word         title only; text:word text only; agency:dpa, lang:de filter

Filters (combinable; given several times: any of them):
  --agency A         agency           --from/--to DATE   YYYY, YYYY-MM or YYYY-MM-DD
  --lang L           article language --mappe M          Mappe (id or name)
  --tag T            annotation tag   --type T           annotation type (${ANNOTATION_TYPES.join(', ')})
  --open-inquiries   only with open Rückfragen
Without QUERY the command lists by the filters. Sort: newest first (date) or relevance.
`,
};

const MESSAGES = {
  badDate: { de: '{opt} muss ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT sein, nicht „{value}“.', en: '{opt} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not “{value}”.' },
  badType: { de: '--type muss einer von {types} sein, nicht „{value}“.', en: '--type must be one of {types}, not “{value}”.' },
  badSort: { de: '--sort muss date oder relevance sein.', en: '--sort must be date or relevance.' },
  badNumber: { de: '{opt} muss eine Zahl sein.', en: '{opt} must be a number.' },
  needQuery: { de: 'Bitte einen Suchbegriff oder einen Filter angeben.', en: 'Please give a search query or a filter.' },
  noHits: { de: 'Keine Treffer.', en: 'No hits.' },
  footer: { de: '{shown} von {total} Treffern', en: '{shown} of {total} hits' },
  annotation: { de: 'Annotation', en: 'annotation' },
  sources: { de: 'Quellen:', en: 'Sources:' },
  mentions: { de: '{n} Erwähnungen', en: '{n} mentions' },
  protectedMark: { de: 'GESCHÜTZT', en: 'PROTECTED' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

function intOpt(values: CliContext['values'], name: string, lang: Lang, fallback: number): number {
  const v = stringOpt(values, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(msg(lang, 'badNumber', { opt: `--${name}` }));
  return Number(v);
}

/** Builds the filters from the command line; a Mappe may be named by id or name. */
export function searchFiltersFromArgs(db: Database, values: CliContext['values'], lang: Lang): SearchFilters {
  const f: SearchFilters = {};
  const agencies = stringList(values, 'agency');
  if (agencies.length) f.agencies = agencies;
  for (const opt of ['from', 'to'] as const) {
    const v = stringOpt(values, opt);
    if (v === undefined) continue;
    if (!DATE_BOUND_RE.test(v)) throw new UsageError(msg(lang, 'badDate', { opt: `--${opt}`, value: v }));
    f[opt] = v;
  }
  const language = stringOpt(values, 'lang');
  if (language) f.languages = [language];
  const mappen = stringList(values, 'mappe');
  if (mappen.length) f.mappen = mappen.map((m) => findMappe(db, m).id);
  const tags = stringList(values, 'tag');
  if (tags.length) f.tags = tags;
  const types = stringList(values, 'type');
  for (const t of types) {
    if (!(ANNOTATION_TYPES as readonly string[]).includes(t)) throw new UsageError(msg(lang, 'badType', { types: ANNOTATION_TYPES.join(', '), value: t }));
  }
  if (types.length) f.types = types as AnnotationType[];
  if (values['open-inquiries'] === true) f.openInquiries = true;
  if (values['articles-only'] === true) f.kinds = ['article'];
  return f;
}

function plain(snippet: string): string {
  return snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
}

/** Runs `fundstelle search`. */
export function runSearchCommand(db: Database, positionals: string[], values: CliContext['values'], lang: Lang, io: CliContext['io']): number {
  const query = positionals.join(' ').trim();
  const filters = searchFiltersFromArgs(db, values, lang);
  const hasFilter = Object.keys(filters).some((k) => k !== 'kinds');
  if (!query && !hasFilter) throw new UsageError(msg(lang, 'needQuery'));
  const sort = (stringOpt(values, 'sort') ?? 'date') as SearchSort;
  if (!(SEARCH_SORTS as readonly string[]).includes(sort)) throw new UsageError(msg(lang, 'badSort'));
  const limit = intOpt(values, 'limit', lang, 50);
  const offset = intOpt(values, 'offset', lang, 0);
  const res = search(db, searchRequestSchema.parse({ query, filters, sort, limit: Math.min(Math.max(limit, 1), 200), offset: Math.min(offset, 10_000) }));
  if (values.json) {
    // Source hits join the array as kind "source" (their registry kind as sourceKind).
    const sources = res.sources.map(({ kind, ...s }) => ({ kind: 'source' as const, sourceKind: kind, ...s }));
    io.out(`${JSON.stringify([...res.hits.map((h: SearchHit) => ({ ...h, snippet: plain(h.snippet) })), ...sources])}\n`);
    return 0;
  }
  if (res.sources.length > 0) {
    io.out(`${msg(lang, 'sources')}\n`);
    for (const s of res.sources) {
      const about = [s.role, s.organisation].filter(Boolean).join(', ');
      const flags = [VERIFICATION_STATUS_LABELS[s.status][lang], msg(lang, 'mentions', { n: s.mentionCount }), s.protected ? msg(lang, 'protectedMark') : null].filter(Boolean).join(' · ');
      io.out(`  #${s.id}  ${s.name}${about ? ` (${about})` : ''} · ${flags}\n`);
    }
    io.out('\n');
  }
  if (res.hits.length === 0) {
    io.out(`${msg(lang, 'noHits')}\n`);
    return 0;
  }
  const mark = (s: string) => s.replaceAll(HIT_START, '»').replaceAll(HIT_END, '«');
  for (const h of res.hits) {
    if (h.kind === 'article') {
      io.out(`${String(h.id).padStart(6)}  ${h.title}${h.agency ? ` (${h.agency}${h.published ? `, ${h.published}` : ''})` : ''}\n`);
    } else {
      io.out(`${String(h.articleId).padStart(6)}  [${msg(lang, 'annotation')}: ${h.type}${h.tags.length ? ` #${h.tags.join(' #')}` : ''}] ${h.articleTitle}\n`);
    }
    if (h.snippet) io.out(`        ${mark(h.snippet)}\n`);
  }
  io.out(`${msg(lang, 'footer', { shown: res.hits.length, total: `${res.total}${res.totalExact ? '' : '+'}` })}\n`);
  return 0;
}

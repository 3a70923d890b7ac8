import fs from 'node:fs';
import path from 'node:path';
import { ANNOTATION_TYPE_LABELS, EXPORT_FORMATS, type ExportFormat, type ReviewRow } from '../../shared/annotation.js';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { exportAnnotations, importW3cAnnotations } from '../core/annotation-export/index.js';
import { MAX_IMPORT_CHARS } from '../core/annotation-export/w3c-import.js';
import { readTextFile } from '../core/read-text-file.js';
import { reviewAnnotations } from '../core/annotations.js';
import { getArticle } from '../core/articles.js';
import type { Database } from '../db/open.js';
import { shortQuote } from './annotate.js';
import { UsageError, runSubcommand, stringList, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte list, export oder import angeben. Siehe fundstelle annotations --help.', en: 'Please give list, export or import. See fundstelle annotations --help.' },
  needId: { de: 'Die Artikel-ID muss eine Zahl sein.', en: 'The article ID must be a number.' },
  needFile: { de: 'Bitte genau eine Datei angeben: fundstelle annotations import DATEI', en: 'Please name exactly one file: fundstelle annotations import FILE' },
  badFormat: { de: '--format muss eines von {formats} sein.', en: '--format must be one of {formats}.' },
  none: { de: 'Keine Annotationen.', en: 'No annotations.' },
  orphan: { de: 'verwaist', en: 'orphaned' },
  changed: { de: 'Text geändert', en: 'text changed' },
  footer: { de: '{n} Annotationen', en: '{n} annotations' },
  written: { de: '{n} Annotationen gespeichert: {file}', en: '{n} annotations written: {file}' },
  imported: {
    de: '{file}: {created} neu, {updated} aktualisiert, {unchanged} unverändert, davon {orphaned} nicht im aktuellen Text gefunden.',
    en: '{file}: {created} new, {updated} updated, {unchanged} unchanged; {orphaned} of them not found in the current text.',
  },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

/** Every live annotation (of one article or of all), page by page through the review query. */
function allRows(db: Database, articleId: number | undefined): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = reviewAnnotations(db, { articleIds: articleId ? [articleId] : undefined, sort: 'article', direction: 'asc', offset, limit: 500 });
    rows.push(...page.items);
    if (page.items.length < 500) return rows;
  }
}

function runList({ db, positionals, values, lang, io }: CliContext): number {
  const raw = positionals[1];
  if (positionals.length > 2 || (raw !== undefined && !/^\d+$/.test(raw))) throw new UsageError(msg(lang, 'needId'));
  const articleId = raw === undefined ? undefined : Number(raw);
  if (articleId !== undefined) getArticle(db, articleId); // ARTICLE_NOT_FOUND rather than an empty list
  const rows = allRows(db, articleId);
  if (values.json) {
    io.out(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.out(`${msg(lang, 'none')}\n`);
    return 0;
  }
  let lastArticle = -1;
  for (const r of rows) {
    if (r.articleId !== lastArticle) {
      io.out(`#${r.articleId}  ${r.articleTitle}\n`);
      lastArticle = r.articleId;
    }
    const state = r.anchor === null ? ` [${msg(lang, 'orphan')}]` : r.anchor.method === 'fuzzy' ? ` [${msg(lang, 'changed')}]` : '';
    const where = r.anchor ? `${r.anchor.start}–${r.anchor.end}` : '–';
    io.out(`  ${r.id}  ${ANNOTATION_TYPE_LABELS[r.type][lang].padEnd(10)} ${where.padEnd(11)} ${shortQuote(r.anchor ? r.selectors.quote.exact : r.originalQuote, lang, 60)}${state}\n`);
    if (r.note) io.out(`      ${r.note.replace(/\s+/g, ' ').slice(0, 200)}\n`);
    if (r.tags.length) io.out(`      ${r.tags.map((t) => `#${t}`).join(' ')}\n`);
  }
  io.out(`${msg(lang, 'footer', { n: rows.length })}\n`);
  return 0;
}

function runExport({ db, positionals, values, lang, io }: CliContext): number {
  if (positionals.length > 1) throw new UsageError(msg(lang, 'needSub'));
  const format = stringOpt(values, 'format');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(msg(lang, 'badFormat', { formats: EXPORT_FORMATS.join(', ') }));
  const articles = stringList(values, 'article');
  if (articles.some((a) => !/^\d+$/.test(a))) throw new UsageError(msg(lang, 'needId'));
  const articleIds = articles.map(Number);
  for (const id of articleIds) getArticle(db, id);
  const file = exportAnnotations(db, format as ExportFormat, { articleIds, lang });
  const out = stringOpt(values, 'out');
  if (out) {
    fs.writeFileSync(path.resolve(out), file.content, 'utf8');
    io.err(`${msg(lang, 'written', { n: file.count, file: out })}\n`);
  } else io.out(file.content);
  return 0;
}

function runImport({ db, positionals, values, lang, io }: CliContext): number {
  const file = positionals[1];
  if (positionals.length !== 2 || !file) throw new UsageError(msg(lang, 'needFile'));
  // Size refused before reading (an oversized file never lands in memory): see read-text-file.ts.
  const content = readTextFile(path.resolve(file), MAX_IMPORT_CHARS);
  const result = importW3cAnnotations(db, path.basename(file), content);
  if (values.json) io.out(`${JSON.stringify(result)}\n`);
  else io.out(`${msg(lang, 'imported', { ...result })}\n`);
  return 0;
}

/** `fundstelle annotations list|export|import …`: one command, the subcommand is the first positional. */
export const annotationsCommand: CliCommand = {
  name: 'annotations',
  summary: {
    de: 'Annotationen auflisten, exportieren (W3C, Markdown, CSV) und importieren (W3C)',
    en: 'list, export (W3C, Markdown, CSV) and import (W3C) annotations',
  },
  help: {
    de: `Aufruf:
  fundstelle annotations list [ARTIKEL_ID] [--json]
  fundstelle annotations export --format ${EXPORT_FORMATS.join('|')} [--article ID]... [--out DATEI]
  fundstelle annotations import DATEI

list     die Annotationen eines Artikels oder der ganzen Sammlung (ohne Papierkorb);
         verwaiste (nach einer neuen Fassung nicht mehr gefunden) sind markiert.
export   w3c: W3C Web Annotation JSON-LD (AnnotationCollection); markdown: Dossier je Artikel;
         csv: eine Zeile je Annotation (UTF-8 mit BOM). Ohne --article: die ganze Sammlung.
         Ohne --out auf der Standardausgabe.
import   eine W3C-Datei (wie von export --format w3c); alles oder nichts. Die Artikel müssen
         in der Sammlung sein.
`,
    en: `Usage:
  fundstelle annotations list [ARTICLE_ID] [--json]
  fundstelle annotations export --format ${EXPORT_FORMATS.join('|')} [--article ID]... [--out FILE]
  fundstelle annotations import FILE

list     the annotations of one article or of the whole collection (not the bin);
         orphans (not found after a new version) are marked.
export   w3c: W3C Web Annotation JSON-LD (AnnotationCollection); markdown: dossier per article;
         csv: one row per annotation (UTF-8 with BOM). Without --article: the whole collection.
         Without --out to standard output.
import   a W3C file (as written by export --format w3c); all or nothing. The articles must be
         in the collection.
`,
  },
  options: {
    format: { type: 'string' },
    article: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  run(ctx) {
    return runSubcommand(
      ctx,
      {
        list: runList,
        export: runExport,
        import: runImport,
      },
      msg(ctx.lang, 'needSub'),
    );
  },
};

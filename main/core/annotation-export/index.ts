import type { Database } from 'better-sqlite3';
import type { ExportFile, ExportFormat } from '../../../shared/annotation.js';
import type { Lang } from '../../../shared/errors.js';
import type { AnnotationSelection } from '../annotations.js';
import { redactTerms } from '../../../shared/protected.js';
import { protectedTerms } from '../sources.js';
import { toCsv } from './csv.js';
import { exportItems } from './export-items.js';
import { toMarkdown } from './markdown.js';
import { generator, toW3cAnnotation, toW3cCollection } from './w3c.js';

export { importW3cAnnotations } from './w3c-import.js';

/** Options of an export: what to include, the language of labels, the time stamp. */
export interface ExportOptions extends AnnotationSelection {
  lang?: Lang;
  now?: string;
}

/**
 * Exports annotations (never those in the bin) as W3C JSON-LD, a Markdown dossier or CSV. W3C gives
 * an AnnotationCollection; when `ids` names exactly one annotation it gives that single Annotation.
 */
export function exportAnnotations(db: Database, format: ExportFormat, opts: ExportOptions = {}): ExportFile {
  const lang = opts.lang ?? 'de';
  const now = opts.now ?? new Date().toISOString();
  const items = exportItems(db, opts);
  const stamp = now.slice(0, 10);
  const base = lang === 'de' ? `annotationen-${stamp}` : `annotations-${stamp}`;
  const file = exportFile(items, format, lang, now, base, opts);
  // Informantenschutz: no protected source's name, alias or surname leaves in notes, tags or quotes
  // (a W3C quote redacted this way re-imports as an orphan: the source's protection comes first).
  return { ...file, content: redactTerms(file.content, protectedTerms(db), lang) };
}

function exportFile(items: ReturnType<typeof exportItems>, format: ExportFormat, lang: Lang, now: string, base: string, opts: ExportOptions): ExportFile {
  switch (format) {
    case 'w3c': {
      const single = opts.ids?.length === 1 && items.length === 1 && items[0] !== undefined;
      const json = single ? { ...toW3cAnnotation(items[0]!), generator: generator(), generated: now } : toW3cCollection(items, now, lang === 'de' ? 'Fundstelle – Annotationen' : 'Fundstelle annotations');
      return { fileName: `${base}.jsonld`, mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', content: `${JSON.stringify(json, null, 2)}\n`, count: items.length };
    }
    case 'markdown':
      return { fileName: `${base}.md`, mimeType: 'text/markdown; charset=utf-8', content: toMarkdown(items, lang, now), count: items.length };
    case 'csv':
      return { fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8', content: toCsv(items, lang), count: items.length };
  }
}
